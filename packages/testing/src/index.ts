import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDatabaseIfMissing, dropDatabase, LocalKafkaCluster } from '@resettle/infra';
import { inject } from 'vitest';
import { runClustersDir, runDatabasePrefix } from './naming.js';

export interface TestInfra {
  kafkaBrokers: string[];
  postgresServerUrl: string;
  runId: number;
}

export function testInfra(): TestInfra {
  return {
    kafkaBrokers: inject('kafkaBrokers').split(','),
    postgresServerUrl: inject('postgresServerUrl'),
    runId: inject('testRunId'),
  };
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file; dropped by `drop()` or at the end of the run. */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  const { postgresServerUrl, runId } = testInfra();
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 20);
  const name = `${runDatabasePrefix(runId)}${safeLabel}_${randomBytes(3).toString('hex')}`;
  const url = await createDatabaseIfMissing(postgresServerUrl, name);
  return { name, url, drop: () => dropDatabase(postgresServerUrl, name) };
}

/** A topic namespace per test file so files never see each other's events. */
export function uniqueTopicPrefix(label: string): string {
  return `test-${label}-${randomBytes(3).toString('hex')}.`;
}

/**
 * A three-node Kafka cluster of this test file's own (not started yet), for tests that kill brokers. The run's global
 * setup stops it by pid if the file does not, and a later run stops it if this run was killed.
 */
export function ownKafkaCluster(label: string): Promise<LocalKafkaCluster> {
  const name = `${label}-${randomBytes(3).toString('hex')}`;
  return LocalKafkaCluster.create(join(runClustersDir(testInfra().runId), name), { size: 3 });
}

export { cacheDir, LocalKafkaBroker, LocalKafkaCluster } from '@resettle/infra';
export { eventually } from './eventually.js';
export { TcpProxy } from './tcp-proxy.js';
