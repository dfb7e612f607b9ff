export { BUILT_SERVICES, buildService, builtEntryOf, builtSpecs, ensureBuilt, isStale } from './build.js';
export { type CliOutput, commandLine, HELP, helpOption, listWrapped, UsageError } from './cli/args.js';
export { readDevSecret } from './dev-secret.js';
export { dockerEngineAvailable } from './docker.js';
export {
  type BrokerHandle,
  type BrokerSecurity,
  LOCAL_BROKER_SESSION_TIMEOUT_MS,
  LocalKafkaBroker,
  type ScramUser,
  scramSecurityFor,
} from './kafka/broker.js';
export { clustersUnder, LocalKafkaCluster, majority } from './kafka/cluster.js';
export { ensureKafkaJars } from './kafka/jars.js';
export { type KafkaCluster, resolveKafka } from './kafka/resolve.js';
export {
  type ClientSecurity,
  clientSecurity,
  secureKafkaEnv,
  securityFits,
  type WantedSecurity,
} from './kafka/security.js';
export { type BrokerCertificates, ensureBrokerCertificates } from './kafka/tls.js';
export { cacheDir, repoRoot } from './paths.js';
export {
  canConnect,
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  dropDatabasesLike,
  listDatabasesLike,
} from './postgres/databases.js';
export {
  createServiceDatabase,
  dropServiceRoles,
  ownerRoleOf,
  type ServiceDatabase,
  serviceRoleOf,
} from './postgres/roles.js';
export { type PostgresServer, resolvePostgres } from './postgres/server.js';
export { freePort, isAlive, stopProcess, waitFor } from './process-utils.js';
export { nodeArgsFor, type ServiceProcess, spawnService, waitUntilReady } from './service-processes.js';
export { availableServices, instanceLabel, instancesOf, instancesWanted, type ServiceSpec } from './services.js';
