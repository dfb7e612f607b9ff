import { HELP } from '@resettle/infra';
import { describe, expect, it } from 'vitest';
import { type BenchOptions, benchOptions } from './options.js';

const parsed = (argv: string[], env: NodeJS.ProcessEnv = {}) => benchOptions(argv, env) as BenchOptions;

describe('pnpm bench: the command line', () => {
  it('runs everything at full size by default, profiling the parts that miss their target', () => {
    const options = parsed([]);
    expect(options).toMatchObject({ quick: false, profile: true, rawMessages: 50_000 });
    expect([...options.only]).toEqual(['raw', 'projection', 'whole-path', 'reads', 'latency', 'national', 'recovery']);
    expect(options.compare).toBeUndefined();
  });

  it('runs the national year only when asked for by name; --compare names a ref and turns profiling off', () => {
    expect([...parsed(['--only', 'year']).only]).toEqual(['year']);
    const compared = parsed(['--compare', 'main', '--only', 'reads']);
    expect(compared).toMatchObject({ compare: 'main', profile: false, rounds: 2 });
    expect(parsed([], { BENCH_COMPARE: 'HEAD~1' }).compare).toBe('HEAD~1');
    expect(parsed(['--compare', 'main', '--rounds', '3']).rounds).toBe(3);
    expect(() => benchOptions(['--rounds', '0'], {})).toThrow('--rounds must be a whole number from 1 to 9');
  });

  it('takes --quick, --only and sizes from flags or the environment, flags first', () => {
    const options = parsed(['--quick', '--only', 'raw,reads', '--raw-messages', '2000'], { BENCH_RAW_MESSAGES: '9' });
    expect(options).toMatchObject({ quick: true, profile: false, rawMessages: 2_000, projectionEvents: 300 });
    expect([...options.only]).toEqual(['raw', 'reads']);
    expect(parsed([], { BENCH_QUICK: '1', BENCH_LATENCY_SECONDS: '7' })).toMatchObject({
      quick: true,
      latencySeconds: 7,
    });
    expect(parsed(['--quick', '--profile']).profile).toBe(true);
    expect(parsed(['--no-profile']).profile).toBe(false);
  });

  it('refuses an unknown measurement, a size that is not a positive number and an unknown flag', () => {
    expect(() => benchOptions(['--only', 'raw,speed'], {})).toThrow(/unknown measurement "speed"; choose from raw/);
    expect(() => benchOptions(['--raw-messages', 'lots'], {})).toThrow('--raw-messages must be a positive number');
    expect(() => benchOptions(['--quik'], {})).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }),
    );
  });

  it('asks for help with --help or -h', () => {
    expect(benchOptions(['--help'], {})).toBe(HELP);
    expect(benchOptions(['-h'], {})).toBe(HELP);
  });
});
