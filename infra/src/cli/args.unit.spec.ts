import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliOutput, commandLine, HELP, helpOption, listWrapped, UsageError } from './args.js';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Runs `commandLine` with its output captured and its exit turned into an exception. */
function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: CliOutput = {
    log: (text) => out.push(text),
    error: (text) => err.push(text),
    exit: (code) => {
      throw new Exit(code);
    },
  };
  const parse = (args: string[]) => {
    const { values } = parseArgs({ args, options: { count: { type: 'string' }, ...helpOption } });
    if (values.help) return HELP;
    if (values.count !== undefined && !/^\d+$/.test(values.count)) throw new UsageError('--count must be a number');
    return { count: Number(values.count ?? 1) };
  };
  try {
    return { result: commandLine('usage: tool [--count N]', parse, argv, output), out, err };
  } catch (error) {
    if (error instanceof Exit) return { exitCode: error.code, out, err };
    throw error;
  }
}

describe('the command-line conventions', () => {
  it('runs with what the parser made of a good command line', () => {
    expect(run(['--count', '3'])).toEqual({ result: { count: 3 }, out: [], err: [] });
  });

  it('answers --help and -h with the usage on stdout, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      expect(run([flag])).toEqual({ exitCode: 0, out: ['usage: tool [--count N]'], err: [] });
    }
  });

  it('answers an unknown flag with one line of error, then the usage, on stderr, exit 2', () => {
    const { exitCode, out, err } = run(['--bogus']);
    expect(exitCode).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^error: Unknown option '--bogus'/);
    expect(err[0]).not.toContain('\n');
    expect(err[1]).toBe('usage: tool [--count N]');
  });

  it('treats a missing value and a value the CLI refuses the same way', () => {
    expect(run(['--count']).exitCode).toBe(2);
    const refused = run(['--count', 'many']);
    expect(refused.exitCode).toBe(2);
    expect(refused.err[0]).toBe('error: --count must be a number');
  });

  it('lets any other failure through, stack and all', () => {
    const broken = () => {
      throw new TypeError('a bug');
    };
    expect(() => commandLine('usage', broken, [])).toThrow(TypeError);
  });
});

describe('a list in a usage text', () => {
  it('wraps at the width, continuing lines with the indent', () => {
    expect(listWrapped(['alpha', 'beta', 'gamma'], '  ', 14)).toBe('alpha, beta,\n  gamma');
    expect(listWrapped(['one'], '  ')).toBe('one');
  });
});
