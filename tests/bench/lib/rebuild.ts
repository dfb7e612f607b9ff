import { join } from 'node:path';
import { builtSpecs } from '@resettle/infra';
import { exited, memoryOf, startScript } from './child.js';
import type { Infra } from './infra.js';

/** Passport's rebuild CLI in the checkout the bench runs (its source; it runs from the build). */
export const rebuildScriptOf = (root: string) => join(root, 'services', 'passport', 'src', 'rebuild.ts');

export interface RebuildRun {
  exitCode: number | null;
  wallMs: number;
  progress: { ms: number; done: number; total: number }[];
  peakMiB: number;
  rssAtHalfMiB: number;
  lastLines: string[];
}

/** Runs passport's rebuild CLI into a fresh database, sampling its peak RSS (VmHWM) and its progress lines. */
export async function runRebuild(infra: Infra, prefix: string, label: string, nodeArgs: string[] = []) {
  const started = performance.now();
  const args = ['--database-url', await infra.freshDatabase(label), '--brokers', infra.brokers];
  const env = { LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: prefix };
  const [built] = await builtSpecs([{ entry: rebuildScriptOf(infra.root) }], infra.root);
  const rebuild = startScript(built?.entry ?? rebuildScriptOf(infra.root), { args, nodeArgs, env });
  const run: RebuildRun = { exitCode: null, wallMs: 0, progress: [], peakMiB: 0, rssAtHalfMiB: 0, lastLines: [] };
  const onLine = (line: string) => {
    run.lastLines = [...run.lastLines.slice(-9), line];
    const match = /(\d+)\/(\d+) events/.exec(line);
    if (match) run.progress.push({ ms: performance.now() - started, done: Number(match[1]), total: Number(match[2]) });
  };
  for (const stream of [rebuild.child.stdout, rebuild.child.stderr]) {
    stream?.on('data', (chunk: Buffer) =>
      chunk
        .toString()
        .split(/[\r\n]+/)
        .filter(Boolean)
        .forEach(onLine),
    );
  }
  const sampler = setInterval(() => {
    const memory = memoryOf(rebuild.child.pid ?? 0);
    if (!memory) return;
    run.peakMiB = Math.max(run.peakMiB, memory.peakMiB);
    const last = run.progress.at(-1);
    if (last && last.done < last.total / 2) run.rssAtHalfMiB = memory.rssMiB;
  }, 200);
  run.exitCode = await exited(rebuild.child);
  clearInterval(sampler);
  run.wallMs = performance.now() - started;
  await rebuild.stop();
  return run;
}
