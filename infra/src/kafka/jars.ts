import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { kafkaDir, kafkaJarsDir } from '../paths.js';

export function kafkaJarsPresent(): boolean {
  return existsSync(kafkaJarsDir) && readdirSync(kafkaJarsDir).some((f) => f.startsWith('kafka_2.13-'));
}

/** Fetches the Apache Kafka jars from Maven Central once, into an ignored cache folder. */
export function ensureKafkaJars(log: (line: string) => void = console.log): string {
  if (kafkaJarsPresent()) return kafkaJarsDir;
  log(`fetching Apache Kafka jars with Maven into ${kafkaJarsDir}`);
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(kafkaDir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${kafkaJarsDir}`,
      '-DincludeScope=runtime',
    ],
    // Quiet Maven still writes colour resets to a terminal; pass on only what says something.
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const output of [result.stdout, result.stderr]) {
    const said = stripVTControlCharacters(output?.toString('utf8') ?? '').trim();
    if (said) log(said);
  }
  if (result.status !== 0 || !kafkaJarsPresent()) {
    throw new Error('could not fetch the Kafka jars with Maven (is `mvn` on the PATH, with access to Maven Central?)');
  }
  return kafkaJarsDir;
}
