import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  type BrokerSecurity,
  type ClientSecurity,
  clientSecurity,
  createServiceDatabase,
  dropDatabase,
  dropServiceRoles,
  LocalKafkaBroker,
  LocalKafkaCluster,
  type ScramUser,
  scramSecurityFor,
} from '@resettle/infra';
import { inject } from 'vitest';
import { runClustersDir, runDatabasePrefix } from './naming.js';

export interface TestInfra {
  /** PLAINTEXT, every client a super user: for single-service test files. */
  kafkaBrokers: string[];
  /** The same broker's SASL_SSL listener with a SCRAM user per service and ACLs, when the run's broker is ours. */
  kafkaSecure?: ClientSecurity & { brokers: string[] };
  postgresServerUrl: string;
  runId: number;
}

export function testInfra(): TestInfra {
  const secure = inject('kafkaSecure');
  return {
    kafkaBrokers: inject('kafkaBrokers').split(','),
    ...(secure ? { kafkaSecure: { ...secure, brokers: secure.brokers.split(',') } } : {}),
    postgresServerUrl: inject('postgresServerUrl'),
    runId: inject('testRunId'),
  };
}

export interface TestDatabase {
  name: string;
  /** A superuser's connection: for a test to look inside (or to tamper, as only a superuser could). */
  url: string;
  /** The owner role's connection (DATABASE_OWNER_URL): migrations. */
  ownerUrl: string;
  /** The service role's connection (DATABASE_URL): what the service runs as. */
  serviceUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file, with roles of its own (named for it, so parallel files never share
 * one), as `pnpm start` and production run a service; dropped with its roles by `drop()` or at the end of the run.
 */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  const { postgresServerUrl, runId } = testInfra();
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 20);
  const name = `${runDatabasePrefix(runId)}${safeLabel}_${randomBytes(3).toString('hex')}`;
  const database = await createServiceDatabase(postgresServerUrl, name);
  return {
    ...database,
    drop: async () => {
      await dropDatabase(postgresServerUrl, name);
      await dropServiceRoles(postgresServerUrl, name);
    },
  };
}

/** A topic namespace per test file so files never see each other's events. */
export function uniqueTopicPrefix(label: string): string {
  return `test-${label}-${randomBytes(3).toString('hex')}.`;
}

/**
 * A three-node Kafka cluster of this test file's own (not started yet), for tests that kill brokers; with `security`,
 * SASL_SSL with those users (and `admin`) and ACLs, as `pnpm start` runs it. The run's global
 * setup stops it by pid if the file does not, and a later run stops it if this run was killed.
 */
export function ownKafkaCluster(label: string, security?: { users: string[] }): Promise<LocalKafkaCluster> {
  return LocalKafkaCluster.create(ownDataDir(label), { size: 3, security });
}

/**
 * A single PLAINTEXT broker of this test file's own (not started yet), for a test that stops or kills its broker, which
 * the run's shared one must never be. The file stops it by pid (`broker.stop()`) and removes its data in its afterAll;
 * the run's global setup stops it if the run is interrupted first, and a later run if this one was killed.
 */
export function ownKafkaBroker(label: string): Promise<LocalKafkaBroker> {
  return LocalKafkaBroker.create(ownDataDir(label));
}

/**
 * A single SASL_SSL (SCRAM) + ACL broker of this test file's own (not started yet): users `admin` (a super user) and
 * one per name given, with random passwords; `client` is what a client needs (the throwaway CA, the users). The file stops it by pid
 * (`broker.stop()`) in its afterAll; an interrupted or killed run's is stopped as `ownKafkaBroker`'s is.
 */
export async function ownSecureKafkaBroker(
  label: string,
  userNames: string[],
): Promise<{ broker: LocalKafkaBroker; security: BrokerSecurity & { admin: ScramUser }; client: ClientSecurity }> {
  const dataDir = ownDataDir(label);
  const plain = await LocalKafkaBroker.create(dataDir);
  const security = scramSecurityFor(userNames, dataDir);
  return {
    broker: LocalKafkaBroker.saved({ ...plain.handle, security }),
    security,
    client: clientSecurity(security),
  };
}

/** A folder for Kafka nodes of one test file's own, inside this run's folder (removed with it at the run's end). */
function ownDataDir(label: string): string {
  return join(runClustersDir(testInfra().runId), `${label}-${randomBytes(3).toString('hex')}`);
}

export { cacheDir, LocalKafkaBroker, LocalKafkaCluster } from '@resettle/infra';
export { eventually } from './eventually.js';
export { TcpProxy } from './tcp-proxy.js';
