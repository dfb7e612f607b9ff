import { availableParallelism } from 'node:os';
import { HELP } from '@resettle/platform/cli';
import { describe, expect, it } from 'vitest';
import { parseRebuildArgs, type RebuildArgs } from './args.js';

const parsed = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseRebuildArgs(argv, env) as RebuildArgs;

describe('the passport rebuild CLI: the command line', () => {
  it('takes its settings from flags, else from the environment, else the defaults', () => {
    expect(parsed(['--database-url', 'postgres://db/fresh'])).toEqual({
      env: {
        DATABASE_URL: 'postgres://db/fresh',
        KAFKA_BROKERS: '127.0.0.1:9092',
        AT_RISK_WORKING_DAYS: '10',
        EVENING_CUTOFF: '17:00',
      },
      workers: Math.min(2, availableParallelism()),
    });
    const env = { DATABASE_URL: 'postgres://env', KAFKA_BROKERS: 'a:9092, b:9092' };
    expect(parsed([], env)).toMatchObject({ env: { DATABASE_URL: 'postgres://env', KAFKA_BROKERS: 'a:9092,b:9092' } });
    expect(parsed(['--brokers', 'c:1', '--at-risk-working-days', '5', '--evening-cutoff', '18:30'], env)).toMatchObject(
      { env: { KAFKA_BROKERS: 'c:1', AT_RISK_WORKING_DAYS: '5', EVENING_CUTOFF: '18:30' } },
    );
    expect(parsed(['--workers', '3'], env)).toMatchObject({ workers: 3 });
  });

  it('refuses to run without a database, or with settings the service would refuse', () => {
    expect(() => parseRebuildArgs([], {})).toThrow(/--database-url \(or DATABASE_URL\) is required/);
    const url = ['--database-url', 'postgres://db'];
    expect(() => parseRebuildArgs([...url, '--at-risk-working-days', 'ten'], {})).toThrow(/whole number from 1 to 60/);
    expect(() => parseRebuildArgs([...url, '--at-risk-working-days', '0'], {})).toThrow(/whole number from 1 to 60/);
    expect(() => parseRebuildArgs([...url, '--evening-cutoff', '5pm'], {})).toThrow(/HH:MM/);
    expect(() => parseRebuildArgs([...url, '--brokers', ' , '], {})).toThrow(/names no broker/);
    for (const workers of ['0', '9', '1.5', 'two'])
      expect(() => parseRebuildArgs([...url, '--workers', workers], {})).toThrow(
        /--workers must be a whole number from 1 to 8/,
      );
  });

  it('asks for help with --help or -h, and refuses an unknown flag', () => {
    expect(parseRebuildArgs(['--help'], {})).toBe(HELP);
    expect(parseRebuildArgs(['-h'], {})).toBe(HELP);
    expect(() => parseRebuildArgs(['--database', 'x'], {})).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }),
    );
  });
});
