import { join } from 'node:path';
import { cacheDir } from '@resettle/infra';

export const TEST_DB_PREFIX = 'rt_';

/** Every database a test run creates starts with this, so a later run can drop what a killed run left. */
export function runDatabasePrefix(runId: number): string {
  return `${TEST_DB_PREFIX}${runId}_`;
}

/** Where the Kafka clusters a test run starts for itself live, so the run (or a later one) can stop them by pid. */
export function runClustersDir(runId: number): string {
  return join(cacheDir, 'test-kafka-cluster', String(runId));
}
