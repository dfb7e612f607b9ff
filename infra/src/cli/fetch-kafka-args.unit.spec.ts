import { describe, expect, it } from 'vitest';
import { HELP } from './args.js';
import { parseFetchKafkaArgs } from './fetch-kafka-args.js';

describe('pnpm kafka:fetch: the command line', () => {
  it('runs with no arguments, asks for help with --help or -h, and refuses anything else', () => {
    expect(parseFetchKafkaArgs([])).toEqual({});
    expect(parseFetchKafkaArgs(['--help'])).toBe(HELP);
    expect(parseFetchKafkaArgs(['-h'])).toBe(HELP);
    expect(() => parseFetchKafkaArgs(['--force'])).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }),
    );
    expect(() => parseFetchKafkaArgs(['now'])).toThrow(
      expect.objectContaining({ code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' }),
    );
  });
});
