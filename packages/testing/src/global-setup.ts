import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { topicAccess } from '@resettle/contracts';
import {
  type ClientSecurity,
  cacheDir,
  clustersUnder,
  dockerEngineAvailable,
  dropDatabasesLike,
  isAlive,
  LocalKafkaBroker,
  listDatabasesLike,
  resolveKafka,
  resolvePostgres,
} from '@resettle/infra';
import type { TestProject } from 'vitest/node';
import { runClustersDir, runDatabasePrefix, TEST_DB_PREFIX } from './naming.js';

const testKafkaRoot = join(cacheDir, 'test-kafka');
const testClustersRoot = join(cacheDir, 'test-kafka-cluster');

/** Brings Kafka and PostgreSQL up once per run (or uses KAFKA_BROKERS / DATABASE_URL) and tears down what it started. */
export default async function setup(project: TestProject) {
  const runId = process.pid;
  await stopBrokersOfDeadRuns();
  await stopClustersOfDeadRuns();
  const dockerAvailable = dockerEngineAvailable();
  const postgresServer = await resolvePostgres({ dockerAvailable });
  await dropDatabasesOfDeadRuns(postgresServer.url);
  // SASL_SSL with a principal per service and ACLs for whole systems (tests/e2e, the web journeys); a second,
  // PLAINTEXT listener whose clients are super users for the single-service test files (docs/security.md).
  const kafka = await resolveKafka({
    dockerAvailable,
    dataDir: join(testKafkaRoot, String(runId)),
    security: { users: topicAccess().map((access) => access.service), openListener: true },
  });
  console.log(
    `[test infra] Kafka ${kafka.openBrokers ?? kafka.brokers}${kafka.openBrokers ? `, SASL_SSL ${kafka.brokers}` : ''} ` +
      `(${kafka.origin}${kafka.local ? `, pid file in ${kafka.local.dataDir}` : ''}); ` +
      `PostgreSQL ${new URL(postgresServer.url).host} (${postgresServer.origin})`,
  );
  // Interrupted (Ctrl-C), vitest exits without the teardown below: our broker, a process of its own, must not outlive
  // it. Our listeners go first: vitest's own call process.exit(), after which no other listener runs.
  const broker = kafka.local && (await LocalKafkaBroker.create(kafka.local.dataDir));
  let brokerStopped = false;
  const stopBroker = () => {
    const pid = brokerStopped ? undefined : broker?.pid;
    brokerStopped = true;
    if (pid !== undefined) process.kill(pid, 'SIGTERM');
    // Clusters and lone brokers a test file started for itself and could not stop (it was interrupted too).
    for (const cluster of clustersUnder(runClustersDir(runId)))
      for (const node of cluster.pids) process.kill(node, 'SIGTERM');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopBroker();
    // Without a handler of vitest's own, the signal ends the process as it would have without ours.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.prependOnceListener('exit', stopBroker);
  process.prependOnceListener('SIGINT', onSignal);
  process.prependOnceListener('SIGTERM', onSignal);
  project.provide('kafkaBrokers', kafka.openBrokers ?? kafka.brokers);
  project.provide('kafkaSecure', kafka.security ? { brokers: kafka.brokers, ...kafka.security } : null);
  project.provide('postgresServerUrl', postgresServer.url);
  project.provide('testRunId', runId);
  project.provide('kafkaOrigin', kafka.origin);

  return async () => {
    process.off('exit', stopBroker);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await kafka.stop();
    await stopClustersIn(runClustersDir(runId));
    await dropDatabasesLike(postgresServer.url, runDatabasePrefix(runId));
    await postgresServer.stop();
  };
}

async function stopBrokersOfDeadRuns(): Promise<void> {
  if (!existsSync(testKafkaRoot)) return;
  for (const entry of readdirSync(testKafkaRoot)) {
    if (isAlive(Number(entry))) continue;
    const broker = await LocalKafkaBroker.create(join(testKafkaRoot, entry));
    await broker.stop();
    broker.removeData();
  }
}

async function stopClustersOfDeadRuns(): Promise<void> {
  if (!existsSync(testClustersRoot)) return;
  for (const entry of readdirSync(testClustersRoot)) {
    if (!isAlive(Number(entry))) await stopClustersIn(join(testClustersRoot, entry));
  }
}

async function stopClustersIn(runDir: string): Promise<void> {
  await Promise.all(clustersUnder(runDir).map((cluster) => cluster.stop()));
  rmSync(runDir, { recursive: true, force: true });
}

async function dropDatabasesOfDeadRuns(serverUrl: string): Promise<void> {
  const names = await listDatabasesLike(serverUrl, TEST_DB_PREFIX);
  const deadRuns = new Set(
    names.map((name) => Number(name.split('_')[1])).filter((pid) => Number.isFinite(pid) && !isAlive(pid)),
  );
  for (const pid of deadRuns) await dropDatabasesLike(serverUrl, runDatabasePrefix(pid));
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string;
    /** The run's SASL_SSL listener and its users (null when the broker is not ours: KAFKA_BROKERS, a container). */
    kafkaSecure: (ClientSecurity & { brokers: string }) | null;
    postgresServerUrl: string;
    testRunId: number;
    kafkaOrigin: string;
  }
}
