import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { repoRoot, stopProcess } from '@resettle/infra';
import { onCleanup, remember } from './cleanup.js';

export const benchDir = join(repoRoot, 'tests', 'bench');

/** A script of the bench in its own Node process (TypeScript through tsx, JavaScript plain), stopped by pid at cleanup. */
export function startScript(
  script: string,
  options: { args?: string[]; env?: Record<string, string>; nodeArgs?: string[]; ipc?: boolean } = {},
): { child: ChildProcess; stop(): Promise<void> } {
  const path = isAbsolute(script) ? script : join(benchDir, script);
  const execArgv = [...(path.endsWith('.ts') ? ['--import', 'tsx'] : []), ...(options.nodeArgs ?? [])];
  const common = { cwd: repoRoot, env: { ...process.env, ...options.env } };
  const child = options.ipc
    ? fork(path, options.args ?? [], { ...common, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : spawn(process.execPath, [...execArgv, path, ...(options.args ?? [])], {
        ...common,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  const pid = child.pid ?? 0;
  remember.pid(pid, script);
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) await stopProcess(pid, 10_000);
  };
  const unregister = onCleanup(script, stopChild);
  return {
    child,
    stop: async () => {
      unregister();
      await stopChild();
    },
  };
}

/** Peak and current resident memory of a live process, in MiB (Linux /proc); undefined once it is gone. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * CPU time a live process has used so far, all its threads, in ms (Linux /proc: user + system clock ticks, 100 a
 * second); undefined once it is gone. CPU per request moves far less with the machine's other work than a rate does.
 */
export function cpuMsOf(pid: number): number | undefined {
  try {
    // The fields after the command name (which may hold spaces) start at its closing bracket; utime and stime are 12, 13.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Starts counting CPU from `cpuMs` (cpuMsOf a pid, or cpuMsOfEvery a command): the function it returns gives the ms
 * spent since, NaN when the process was gone at either end.
 */
export function cpuSince(cpuMs: () => number | undefined): () => number {
  const before = cpuMs() ?? Number.NaN;
  return () => (cpuMs() ?? Number.NaN) - before;
}

/** CPU time used so far by every live process of this name (`postgres`: the server and each connection's backend). */
export function cpuMsOfEvery(command: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) total += cpuMsOf(Number(entry)) ?? 0;
    } catch {
      // gone since the listing
    }
  }
  return total;
}

/** Resolves with the child's exit code. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
