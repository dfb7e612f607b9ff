// `npm start` and `npm test` on a fresh machine (Node.js and corepack, nothing installed yet): puts the pinned pnpm
// on the PATH through corepack, installs the dependencies when they are missing or older than the lockfile, then runs
// the real script. Plain Node with no dependencies, because it runs before anything is installed.
//   node infra/bootstrap.mjs <package.json script> [arguments for the script…]
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [script, ...scriptArgs] = process.argv.slice(2);
if (!script || script === '--help' || script === '-h') {
  console.error('usage: node infra/bootstrap.mjs <script> [arguments…]   (what `npm start` and `npm test` run)');
  process.exit(script ? 0 : 2);
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail(`Node.js 20 or newer is needed; this is ${process.version}.`);

const env = {
  ...process.env,
  // Corepack must neither ask before fetching pnpm nor refuse it: the registry mirror here serves pnpm without the
  // signatures corepack checks (the lockfile pins every dependency's integrity anyway).
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0',
};
// Hints printed later (`pnpm demo`, `pnpm token …`) are given as npm commands when pnpm is not on the user's PATH.
if (!onPath('pnpm')) env.RESETTLE_HINT_NPM = '1';
env.PATH = [pnpmShimDir(), env.PATH].filter(Boolean).join(delimiter);

if (dependenciesStale()) {
  console.error('bootstrap: installing dependencies (pnpm install --frozen-lockfile)…');
  const install = spawnSync('pnpm', ['install', '--frozen-lockfile', '--config.confirm-modules-purge=false'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (install.error) fail(`could not run pnpm: ${install.error.message}`);
  if (install.status !== 0) fail('pnpm install failed (see above).', install.status ?? 1);
  // pnpm leaves the file alone when nothing changed; the lockfile must not look newer on the next run.
  const now = new Date();
  utimesSync(join(root, 'node_modules', '.modules.yaml'), now, now);
}

await run('pnpm', ['run', script, ...scriptArgs]);

/** A folder holding corepack's pnpm shim (the version pinned in package.json), or undefined to use pnpm on the PATH. */
function pnpmShimDir() {
  const dir = join(root, '.cache', 'corepack-bin');
  if (existsSync(join(dir, 'pnpm'))) return dir;
  mkdirSync(dir, { recursive: true });
  const enable = spawnSync('corepack', ['enable', '--install-directory', dir, 'pnpm'], { env, stdio: 'inherit' });
  if (enable.status === 0 && existsSync(join(dir, 'pnpm'))) return dir;
  if (onPath('pnpm')) return undefined;
  fail(
    'pnpm is not installed and corepack could not provide it. Install corepack (`npm install -g corepack`) or pnpm ' +
      '(https://pnpm.io/installation), then run this command again.',
  );
}

function dependenciesStale() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'pnpm-lock.yaml')).mtimeMs > statSync(marker).mtimeMs;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs the command in a process group of its own and relays SIGINT, SIGTERM and SIGHUP to the whole group, once: a
 * Ctrl-C reaches this process both from the terminal and through npm, and everything under us must see it only once.
 * Returns (exits) only when every process of the group has gone, with the command's exit status.
 */
async function run(command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true });
  const group = child.pid;
  let lastRelayed = { signal: '', at: 0 };
  const relay = (signal) => {
    if (group === undefined) return;
    if (signal === lastRelayed.signal && Date.now() - lastRelayed.at < 1_000) return;
    lastRelayed = { signal, at: Date.now() };
    try {
      process.kill(-group, signal);
    } catch {
      // the group has already gone
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => relay(signal));
  // npm runs us under a shell that dies on SIGTERM without passing it on: treat the loss of our parent the same way.
  const parent = process.ppid;
  const orphaned = setInterval(() => process.ppid !== parent && relay('SIGTERM'), 1_000);

  const [code, signal] = await new Promise((resolve) => {
    child.on('error', (error) => fail(`could not run ${command}: ${error.message}`));
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  clearInterval(orphaned);
  // pnpm may exit before what it started has finished stopping (a broker, services): wait for the whole group.
  const deadline = Date.now() + 60_000;
  while (group !== undefined && groupAlive(group) && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 200));
  }
  const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  process.exit(code ?? 128 + (signalNumbers[signal] ?? 1));
}

function groupAlive(group) {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

function fail(message, exitCode = 1) {
  console.error(`bootstrap: ${message}`);
  process.exit(exitCode);
}
