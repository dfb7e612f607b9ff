import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
      '-Dstyle.color=never',
      '-f',
      join(kafkaDir, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${kafkaJarsDir}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0 || !kafkaJarsPresent()) {
    throw new Error('could not fetch the Kafka jars with Maven (is `mvn` on the PATH, with access to Maven Central?)');
  }
  return kafkaJarsDir;
}
