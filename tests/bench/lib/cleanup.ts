import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What this run started, kept on disk so a run killed with SIGKILL is cleaned up by the next one. */
interface Leftovers {
  pids: { pid: number; match: string }[];
  databases: { serverUrl: string; name: string }[];
  dirs: string[];
}

const STATE = join(tmpdir(), 'resettle-bench-state.json');
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

/** Stops processes, drops databases and removes folders a killed earlier run left behind. */
export async function cleanLeftovers(
  stopPid: (pid: number, match: string) => Promise<void>,
  dropDb: (serverUrl: string, name: string) => Promise<void>,
): Promise<void> {
  if (!existsSync(STATE)) return;
  const old = JSON.parse(readFileSync(STATE, 'utf8')) as Leftovers;
  for (const { pid, match } of old.pids) await stopPid(pid, match);
  for (const { serverUrl, name } of old.databases) await dropDb(serverUrl, name).catch(() => {});
  for (const dir of old.dirs) rmSync(dir, { recursive: true, force: true });
  rmSync(STATE, { force: true });
  if (old.pids.length + old.databases.length > 0) console.log('cleaned up what an interrupted earlier run left');
}
