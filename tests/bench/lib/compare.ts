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

/**
 * Which side runs in each round pair, balanced so that neither always goes first on a machine that warms up or
 * slows down as it runs: ref, tree, tree, ref, ref, tree, …
 */
export function roundOrder(rounds: number): ('ref' | 'tree')[] {
  return Array.from({ length: rounds }, (_, round) =>
    round % 2 === 0 ? (['ref', 'tree'] as const) : (['tree', 'ref'] as const),
  ).flat();
}

/**
 * One side's rounds as one result a measurement: each figure's median over the rounds that measured it (the mean of
 * the middle two for an even count); a measurement that failed or was skipped in every round keeps its first reason.
 */
export function medianOfRounds(rounds: MeasureResult[][]): MeasureResult[] {
  const names = [...new Set(rounds.flat().map((result) => result.name))];
  return names.map((name) => {
    const runs = rounds.flatMap((results) => results.filter((result) => result.name === name));
    const measured = runs.filter((result) => result.status === 'ok');
    if (measured.length === 0) return runs[0]!;
    const figureNames = [...new Set(measured.flatMap((result) => result.figures.map((figure) => figure.name)))];
    const figures = figureNames.map((figure) => {
      const values = measured.flatMap((result) => result.figures.filter((candidate) => candidate.name === figure));
      return { ...values[0]!, value: median(values.map((candidate) => candidate.value)) };
    });
    return { ...measured[0]!, figures, details: { rounds: measured.length } };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
