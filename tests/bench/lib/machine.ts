import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ensureKafkaJars } from '@resettle/infra';
import postgres from 'postgres';

/** What the figures were measured on: ratios compare within one run, but the context still matters. */
export async function machineFacts(postgresUrl: string) {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const kafkaJar = readdirSync(ensureKafkaJars(() => {})).find((file) => /^kafka_2\.13-[\d.]+\.jar$/.test(file));
  const sql = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`.catch(() => [
    { version: 'unknown' },
  ]);
  await sql.end({ timeout: 5 });
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    java: /version "([^"]+)"/.exec(java.stderr)?.[1] ?? 'unknown',
    kafka: kafkaJar?.replace(/^kafka_2\.13-|\.jar$/g, '') ?? 'unknown',
    postgres: row?.version ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
  };
}
