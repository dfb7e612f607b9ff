import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir, repoRoot } from './paths.js';
import { commandLineOf, isAlive, stopProcess, waitFor } from './process-utils.js';
import type { ServiceSpec } from './services.js';

const pidsFile = join(cacheDir, 'run', 'services.json');

export interface ServiceProcess {
  spec: ServiceSpec;
  child: ChildProcess;
  url: string;
}

/** Starts one service as its own Node process (as in production, one process per service). */
export function spawnService(
  spec: ServiceSpec,
  env: NodeJS.ProcessEnv,
  output: 'inherit' | 'pipe' = 'pipe',
): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', output, output],
  });
  if (output === 'pipe') {
    const prefix = `[${spec.name}] `;
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(prefix, chunk)));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixLines(prefix, chunk)));
  }
  return { spec, child, url: `http://127.0.0.1:${spec.port}` };
}

export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `${service.spec.name} to be ready`,
    async () => {
      if (service.child.exitCode !== null)
        throw new Error(`${service.spec.name} exited with ${service.child.exitCode}`);
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
