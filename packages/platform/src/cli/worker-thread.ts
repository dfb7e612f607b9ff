import { Worker } from 'node:worker_threads';

/**
 * Starts `entry` (a module URL, usually the command's own `import.meta.url`) on a worker thread. Built JavaScript
 * runs as it is; a TypeScript source (a command run with `node --import tsx`) needs tsx registered in the thread
 * first, since Node 20 does not carry the main thread's module hooks into a worker.
 */
export function startWorkerThread(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
