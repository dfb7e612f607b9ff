// The command-line conventions every CLI here follows: `--help`/`-h` prints the usage and exits 0; a bad command line
// (unknown flag, missing value, invalid value) prints one line saying what is wrong, then the usage, and exits 2.

/** Marks a command line the CLI cannot run with; its message is shown to the user as it is, without a stack. */
export class UsageError extends Error {}

export const HELP = Symbol('help');

/** The `--help`/`-h` option, to spread into a parseArgs option list. */
export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

export interface CliOutput {
  log(text: string): void;
  error(text: string): void;
  exit(code: number): never;
}

const processOutput: CliOutput = {
  log: (text) => console.log(text),
  error: (text) => console.error(text),
  exit: (code) => process.exit(code),
};

/**
 * Runs a CLI's pure argument parser (which returns HELP when help was asked for, and throws UsageError or
 * node:util parseArgs's own errors for a bad command line) and either returns its result or answers and exits.
 */
export function commandLine<T>(
  usage: string,
  parse: (argv: string[]) => T | typeof HELP,
  argv: string[] = process.argv.slice(2),
  output: CliOutput = processOutput,
): T {
  let parsed: T | typeof HELP;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    output.error(`error: ${error.message}`);
    output.error(usage);
    return output.exit(2);
  }
  if (parsed === HELP) {
    output.log(usage);
    return output.exit(0);
  }
  return parsed;
}

function isUsageError(error: unknown): error is Error {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** A comma-separated list wrapped for a usage text, each line after the first starting with `indent`. */
export function listWrapped(items: readonly string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const [index, item] of items.entries()) {
    const word = index < items.length - 1 ? `${item},` : item;
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join(`\n${indent}`);
}
