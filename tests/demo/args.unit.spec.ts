import { HELP } from '@resettle/infra';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs } from './args.js';

describe('pnpm demo: the command line', () => {
  it('runs with no arguments, asks for help with --help or -h, and refuses anything else', () => {
    expect(parseDemoArgs([])).toEqual({});
    expect(parseDemoArgs(['--help'])).toBe(HELP);
    expect(parseDemoArgs(['-h'])).toBe(HELP);
    expect(() => parseDemoArgs(['--women', '3'])).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }),
    );
  });
});
