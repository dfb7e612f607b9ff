import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What this run started, kept on disk so a run killed with SIGKILL is cleaned up by the next one. */
interface Leftovers {
  pids: { pid: number; match: string }[];
  databases: { serverUrl: string; name: string }[];
  dirs: string[];
}

/** One state file per run, named by its pid: a run only ever cleans up after runs that are no longer alive. */
const STATE_PREFIX = 'resettle-bench-run-';
const STATE = join(tmpdir(), `${STATE_PREFIX}${process.pid}.json`);
const actions: { label: string; run: () => Promise<void> }[] = [];
const state: Leftovers = { pids: [], databases: [], dirs: [] };
let cleaning: Promise<void> | undefined;

const save = () => writeFileSync(STATE, JSON.stringify(state));

export const remember = {
  pid(pid: number, match: string): void {
    state.pids.push({ pid, match });
    save();
  },
  database(serverUrl: string, name: string): void {
    state.databases.push({ serverUrl, name });
    save();
  },
  dir(path: string): void {
    state.dirs.push(path);
    save();
  },
};

/** Registers a stop action; actions run in reverse order of registration. Returns a function that removes it. */
export function onCleanup(label: string, run: () => Promise<void>): () => void {
  const action = { label, run };
  actions.push(action);
  return () => {
    const index = actions.indexOf(action);
    if (index >= 0) actions.splice(index, 1);
  };
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (actions.length > 0) {
      const action = actions.pop()!;
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref());
      await Promise.race([action.run(), timeout]).catch((error: unknown) =>
        console.error(`cleanup (${action.label}) failed: ${String(error)}`),
      );
    }
    rmSync(STATE, { force: true });
  })();
  return cleaning;
}

/** Ctrl-C, SIGTERM and crashes stop everything this run started before the process exits. */
export function installExitHandlers(): void {
  let signals = 0;
  const stop = (code: number) => {
    signals += 1;
    if (signals > 1) process.exit(code);
    console.error('\nstopping everything the bench started…');
    void cleanupAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
  process.on('uncaughtException', (error) => {
    console.error(error);
    stop(1);
  });
}

/** Stops processes, drops databases and removes folders that killed earlier runs (pid no longer alive) left. */
export async function cleanLeftovers(
  stopPid: (pid: number, match: string) => Promise<void>,
  dropDb: (serverUrl: string, name: string) => Promise<void>,
): Promise<void> {
  for (const file of readdirSync(tmpdir()).filter((name) => name.startsWith(STATE_PREFIX))) {
    const owner = Number(file.slice(STATE_PREFIX.length, -'.json'.length));
    if (owner === process.pid || isAlive(owner)) continue;
    const path = join(tmpdir(), file);
    const old = JSON.parse(readFileSync(path, 'utf8')) as Leftovers;
    for (const { pid, match } of old.pids) await stopPid(pid, match);
    for (const { serverUrl, name } of old.databases) await dropDb(serverUrl, name).catch(() => {});
    for (const dir of old.dirs) rmSync(dir, { recursive: true, force: true });
    rmSync(path, { force: true });
    console.log(`cleaned up after an interrupted earlier run (pid ${owner})`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
