import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir, repoRoot } from './paths.js';
import { commandLineOf, isAlive, stopProcess, waitFor } from './process-utils.js';
import { instanceLabel, type ServiceSpec } from './services.js';

const pidsFile = join(cacheDir, 'run', 'services.json');

export interface ServiceProcess {
  spec: ServiceSpec;
  child: ChildProcess;
  url: string;
}

/**
 * Starts one service as its own Node process (as in production, one process per service). Its output is echoed with
 * a name prefix, or handed line by line to `onLine` when given (tests search logs that way). With `ownProcessGroup`,
 * a Ctrl-C in the terminal does not reach it: whoever started it stops it (once, in order).
 */
export function spawnService(
  spec: ServiceSpec,
  env: NodeJS.ProcessEnv,
  onLine?: (line: string) => void,
  options: { ownProcessGroup?: boolean } = {},
): ServiceProcess {
  const child = spawn(process.execPath, nodeArgsFor(spec.entry), {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup === true,
  });
  const prefix = `[${instanceLabel(spec)}] `;
  const forward = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    const lines = prefixLines(prefix, chunk);
    if (!onLine) {
      target.write(lines);
      return;
    }
    for (const line of lines.split('\n')) {
      if (line) onLine(line);
    }
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  return { spec, child, url: `http://127.0.0.1:${spec.port}` };
}

/** Built JavaScript runs with plain node; a TypeScript entry (tests of a single service, scripts) through tsx. */
export function nodeArgsFor(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
}

export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `${instanceLabel(service.spec)} to be ready`,
    async () => {
      if (service.child.exitCode !== null)
        throw new Error(`${instanceLabel(service.spec)} exited with ${service.child.exitCode}`);
      const response = await fetch(`${service.url}/health/ready`).catch(() => undefined);
      return response?.status === 200;
    },
    timeoutMs,
    250,
  );
}

/** Remembers the pids we started so a later run can stop what a killed run left behind. */
export function recordServicePids(pids: number[]): void {
  mkdirSync(dirname(pidsFile), { recursive: true });
  writeFileSync(pidsFile, JSON.stringify(pids));
}

export async function stopLeftoverServices(): Promise<void> {
  if (!existsSync(pidsFile)) return;
  const pids = JSON.parse(readFileSync(pidsFile, 'utf8')) as number[];
  for (const pid of pids) {
    if (isAlive(pid) && commandLineOf(pid).includes('/services/')) await stopProcess(pid, 5_000);
  }
  writeFileSync(pidsFile, '[]');
}

function prefixLines(prefix: string, chunk: Buffer): string {
  return chunk
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `${prefix}${line}\n`)
    .join('');
}
