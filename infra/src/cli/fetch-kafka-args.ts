import { parseArgs } from 'node:util';
import { HELP, helpOption } from './args.js';

export const fetchKafkaUsage = `Fetches the Apache Kafka jars with Maven (Java 17+ and mvn on the PATH) into infra/kafka/.cache/libs.
Nothing to do when they are there already; \`npm start\` and \`npm test\` fetch them on first use anyway.

usage: pnpm kafka:fetch [-h | --help]`;

export function parseFetchKafkaArgs(argv: string[]): Record<string, never> | typeof HELP {
  const { values } = parseArgs({ args: argv, options: { ...helpOption } });
  return values.help ? HELP : {};
}
