export const TEST_DB_PREFIX = 'rt_';

/** Every database a test run creates starts with this, so a later run can drop what a killed run left. */
export function runDatabasePrefix(runId: number): string {
  return `${TEST_DB_PREFIX}${runId}_`;
}
