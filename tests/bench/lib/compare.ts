import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_SERVICES, ensureBuilt, repoRoot } from '@resettle/infra';
import { onCleanup, remember } from './cleanup.js';
import type { Infra } from './infra.js';
import type { MeasureResult } from './report.js';

function git(args: string[], cwd = repoRoot): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/**
 * A git ref checked out in a temporary worktree, its dependencies installed (from pnpm's store, offline when it can)
 * and its services built by this checkout's build; the worktree is removed at cleanup (and by the next run after a
 * SIGKILL: its folder is remembered, and `git worktree prune` forgets it).
 */
export async function checkoutOf(ref: string): Promise<{ root: string; commit: string }> {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  git(['worktree', 'prune']);
  const root = mkdtempSync(join(tmpdir(), 'resettle-compare-'));
  remember.dir(root);
  git(['worktree', 'add', '--detach', root, commit]);
  onCleanup(`worktree of ${ref}`, async () => {
    spawnSync('git', ['worktree', 'remove', '--force', root], { cwd: repoRoot });
    git(['worktree', 'prune']);
  });
  const started = performance.now();
  const install = (offline: boolean) =>
    spawnSync('pnpm', ['install', '--frozen-lockfile', ...(offline ? ['--offline'] : [])], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' },
    });
  let installed = install(true);
  if (installed.status !== 0) installed = install(false);
  if (installed.status !== 0) throw new Error(`pnpm install in the worktree of ${ref} failed: ${installed.stderr}`);
  await ensureBuilt(BUILT_SERVICES, root);
  console.log(
    `${ref} (${commit.slice(0, 7)}) checked out in ${root}, installed and built in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  return { root, commit };
}

/** The same infrastructure for another checkout: its own run id, so its topics and databases never meet the other's. */
export function infraFor(infra: Infra, root: string, side: string, suffix: string): Infra {
  return {
    ...infra,
    root,
    side,
    runId: `${infra.runId}${suffix}`,
    freshDatabase: (label) => infra.freshDatabase(`${suffix}_${label}`),
  };
}

const groups = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fine = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
const show = (value: number | undefined) =>
  value === undefined ? '—' : Math.abs(value) >= 100 ? groups.format(value) : fine.format(value);

/**
 * One row per figure, the ref's value beside the working tree's (each measured against its own references in the
 * same run), and how the working tree's compares (× the ref's).
 */
export function comparisonTable(ref: string, before: MeasureResult[], after: MeasureResult[]): string {
  const rows = [
    `| measurement | figure | ${ref} | working tree | working tree ÷ ${ref} |`,
    '| --- | --- | ---: | ---: | ---: |',
  ];
  const names = [...new Set([...before, ...after].map((result) => result.name))];
  for (const name of names) {
    const old = before.find((result) => result.name === name);
    const now = after.find((result) => result.name === name);
    for (const result of [old, now]) {
      if (result && result.status !== 'ok')
        rows.push(
          `| ${name} | ${result === old ? ref : 'working tree'} ${result.status}: ${result.reason ?? ''} | | | |`,
        );
    }
    const figureNames = [...new Set([...(old?.figures ?? []), ...(now?.figures ?? [])].map((figure) => figure.name))];
    for (const figure of figureNames) {
      const a = old?.figures.find((candidate) => candidate.name === figure);
      const b = now?.figures.find((candidate) => candidate.name === figure);
      const unit = (a ?? b)?.unit ?? '';
      const change = a && b && a.value !== 0 ? `${fine.format(b.value / a.value)}×` : '';
      rows.push(
        `| ${name} | ${figure}${unit ? ` (${unit})` : ''} | ${show(a?.value)} | ${show(b?.value)} | ${change} |`,
      );
    }
  }
  return rows.join('\n');
}
