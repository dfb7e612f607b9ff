import { parseArgs } from 'node:util';
import { HELP, helpOption, UsageError } from '@resettle/infra';

/** Every duration and size the bench uses: flag `--raw-messages 5000` or env `BENCH_RAW_MESSAGES=5000`. */
const FULL = {
  rawMessages: 50_000,
  projectionEvents: 20_000,
  wholePathWrites: 1_000,
  writeConcurrency: 16,
  latencyRate: 200,
  latencyFloorRate: 20,
  latencySeconds: 60,
  warmupSeconds: 5,
  readSeconds: 8,
  readConnections: 16,
  nationalWomen: 5_000,
  outageSeconds: 60,
  recoveryRate: 10,
  profileEvents: 1_000,
};

const QUICK: typeof FULL = {
  rawMessages: 10_000,
  projectionEvents: 300,
  wholePathWrites: 100,
  writeConcurrency: 16,
  latencyRate: 200,
  latencyFloorRate: 20,
  latencySeconds: 4,
  warmupSeconds: 1,
  readSeconds: 1,
  readConnections: 16,
  nationalWomen: 30,
  outageSeconds: 10,
  recoveryRate: 10,
  profileEvents: 300,
};

export type Sizes = typeof FULL;
export const MEASURES = [
  'raw',
  'projection',
  'whole-path',
  'reads',
  'latency',
  'national',
  'recovery',
  'year',
  'profile',
] as const;
export type MeasureName = (typeof MEASURES)[number];
/**
 * Only when asked for by name: `year` (a national year of 57,000 women generated and rebuilt, ~10 min) and
 * `profile` (every path profiled, whether it met its targets or not).
 */
const BY_DEFAULT = MEASURES.filter((name) => name !== 'year' && name !== 'profile');

export interface BenchOptions extends Sizes {
  quick: boolean;
  profile: boolean;
  only: Set<MeasureName>;
  /** `--compare REF`: the same measurements for that git ref (built in a temporary worktree), then the working tree. */
  compare?: string;
  /** Under `--compare`: how many times each side runs, in the order ref, tree, tree, ref, ref, tree… */
  rounds: number;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (name: string) => `BENCH_${kebab(name).replaceAll('-', '_').toUpperCase()}`;

export const benchUsage = `Measures throughput, latency and recovery of the whole system on this machine (see docs/performance.md).
It starts its own broker and services; the full run takes 6 to 8 minutes on 2 cores, --quick about 2.

usage: pnpm bench [--quick] [--only LIST] [--compare REF [--rounds N]] [--profile | --no-profile] [--SIZE N]…

  --quick          small sizes and short durations (also BENCH_QUICK=1); no profiling unless --profile
  --only LIST      run only these measurements, comma-separated (also BENCH_ONLY):
                   ${MEASURES.join(',')} (all but year and profile by default;
                   year: 57,000 women generated and rebuilt, measured, ~10 min; profile: node
                   --cpu-prof of every path under load, top self-time functions)
  --compare REF    build git REF in a temporary worktree and run the measurements for it, then for the
                   working tree, back to back; prints both with their ratios (no profiling)
  --rounds N       with --compare: run each side N times (2 by default), in the order ref, tree, tree,
                   ref, ref, tree…, and report each figure's median over its side's rounds; a warm-up
                   round of the working tree goes first and is not counted (the first round on a freshly
                   started broker measures up to half lower)
  --profile        profile the parts that missed their target (the default without --quick)
  --no-profile     never profile
  -h, --help       this text

Sizes and durations (full run / --quick):
${Object.keys(FULL)
  .map((key) => {
    const name = key as keyof Sizes;
    const flag = `  --${kebab(key)} N`.padEnd(27);
    return `${flag}${`${FULL[name]} / ${QUICK[name]}`.padEnd(16)}(env ${envName(key)})`;
  })
  .join('\n')}`;

export function benchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | typeof HELP {
  const numeric = Object.fromEntries(Object.keys(FULL).map((key) => [kebab(key), { type: 'string' as const }]));
  const { values } = parseArgs({
    args: argv,
    options: {
      ...numeric,
      quick: { type: 'boolean', default: env.BENCH_QUICK === '1' },
      profile: { type: 'boolean' },
      'no-profile': { type: 'boolean', default: false },
      only: { type: 'string', default: env.BENCH_ONLY },
      compare: { type: 'string', default: env.BENCH_COMPARE },
      rounds: { type: 'string', default: env.BENCH_ROUNDS ?? '2' },
      ...helpOption,
    },
  });
  if (values.help) return HELP;
  const quick = values.quick === true;
  const base = quick ? QUICK : FULL;
  const sizes = { ...base };
  for (const key of Object.keys(base) as (keyof Sizes)[]) {
    const given = (values as Record<string, unknown>)[kebab(key)] ?? env[envName(key)];
    if (given === undefined) continue;
    const value = Number(given);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${kebab(key)} must be a positive number`);
    sizes[key] = value;
  }
  const only = new Set((values.only ? String(values.only).split(',') : BY_DEFAULT) as MeasureName[]);
  for (const name of only) {
    if (!MEASURES.includes(name))
      throw new UsageError(`unknown measurement "${name}"; choose from ${MEASURES.join(', ')}`);
  }
  const compare = values.compare ? String(values.compare) : undefined;
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 9)
    throw new UsageError('--rounds must be a whole number from 1 to 9');
  const profile = compare === undefined && values['no-profile'] !== true && (values.profile ?? !quick);
  return { ...sizes, quick, only, compare, rounds, profile };
}
