// The main command (`pnpm start`): infrastructure if none is configured, a database per service, every service.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
// A path, not a workspace dependency: @resettle/messaging's own tests depend on this package.
import { provisionServiceAccess, scramOverTls, servicePrincipals } from '../../../packages/messaging/src/provision.js';
import { BUILT_SERVICES, builtEntryOf, ensureBuilt } from '../build.js';
import { readDevSecret } from '../dev-secret.js';
import { dockerEngineAvailable } from '../docker.js';
import { LOCAL_BROKER_SESSION_TIMEOUT_MS } from '../kafka/broker.js';
import { resolveKafka } from '../kafka/resolve.js';
import { secureKafkaEnv } from '../kafka/security.js';
import { cacheDir } from '../paths.js';
import { createDatabaseIfMissing } from '../postgres/databases.js';
import { createServiceDatabase } from '../postgres/roles.js';
import { resolvePostgres } from '../postgres/server.js';
import { stopProcess } from '../process-utils.js';
import {
  recordServicePids,
  type ServiceProcess,
  spawnService,
  stopLeftoverServices,
  waitUntilReady,
} from '../service-processes.js';
import { availableServices, instanceLabel, instancesOf, instancesWanted } from '../services.js';
import { developmentUsers, webPlan } from '../web.js';

// Ctrl-C reaches pnpm too, which may exit and close our output first: a failed write must not abort the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const instances = instancesWanted();
await stopLeftoverServices();
// The services run their built JavaScript, as the container images do: rebuilt first only when older than a source.
const buildStarted = performance.now();
const rebuilt = await ensureBuilt(BUILT_SERVICES);
console.log(
  `Build:      ${rebuilt.length > 0 ? `rebuilt ${rebuilt.join(', ')}` : 'up to date'} (${Math.round(performance.now() - buildStarted)} ms)`,
);
const built = <Spec extends { entry: string }>(spec: Spec): Spec => ({ ...spec, entry: builtEntryOf(spec.entry) });
const dockerAvailable = dockerEngineAvailable();
const postgresServer = await resolvePostgres({ dockerAvailable });
// KAFKA_CLUSTER_SIZE=3: three local brokers (ports KAFKA_PORT, +1, +2) instead of one, topics kept on all three.
const clusterSize = Number(process.env.KAFKA_CLUSTER_SIZE ?? 1);
if (!Number.isInteger(clusterSize) || clusterSize < 1 || clusterSize > 7) {
  console.error(`KAFKA_CLUSTER_SIZE must be a number of brokers from 1 to 7, not "${process.env.KAFKA_CLUSTER_SIZE}"`);
  process.exit(2);
}
const services = availableServices().map(built);
// Our own brokers run SASL_SSL with ACLs: one SCRAM principal per service, allowed only its own topics and group.
const principals = [
  ...new Set([...servicePrincipals(), ...services.filter((spec) => spec.database).map((s) => s.name)]),
];
const kafka = await resolveKafka({
  dockerAvailable,
  dataDir: join(cacheDir, clusterSize > 1 ? 'dev-kafka-cluster' : 'dev-kafka'),
  port: Number(process.env.KAFKA_PORT ?? 9092),
  keepData: true,
  clusterSize,
  security: { users: principals },
});
const brokerSecurity = kafka.security;
if (brokerSecurity) {
  // Every topic made by the admin, with its retention and copies, and each service's ACLs (again on each start: the
  // contracts may have gained topics since).
  const retentionMs = process.env.KAFKA_TOPIC_RETENTION_MS;
  await provisionServiceAccess({
    brokers: kafka.brokers.split(','),
    admin: scramOverTls(brokerSecurity.admin, brokerSecurity.caFile),
    ...(kafka.replicationFactor ? { replicationFactor: kafka.replicationFactor } : {}),
    ...(retentionMs ? { retentionMs: Number(retentionMs) } : {}),
  });
}
const kafkaSecurityFor = (service: string): Record<string, string> => {
  const user = brokerSecurity?.users.find((candidate) => candidate.name === service);
  return brokerSecurity && user ? secureKafkaEnv(user, brokerSecurity.caFile) : {};
};
console.log(
  `Kafka:      ${kafka.brokers} (${kafka.origin}${brokerSecurity ? `; SASL_SSL, a principal per service, ACLs; CA ${brokerSecurity.caFile}` : ''})`,
);
console.log(`PostgreSQL: ${new URL(postgresServer.url).host} (${postgresServer.origin})`);

const jwtSecret = process.env.JWT_SECRET ?? readDevSecret();
// Development: webhook signing secrets sealed under a key derived from this checkout's dev secret (stable across runs),
// and webhooks to a receiver on this machine over http allowed (docs/security.md#webhooks-to-providers).
const webhookSettings = {
  WEBHOOK_SECRET_KEY:
    process.env.WEBHOOK_SECRET_KEY ?? createHash('sha256').update(`webhook-secret-key:${jwtSecret}`).digest('base64'),
  WEBHOOK_ALLOW_HTTP_LOOPBACK: process.env.WEBHOOK_ALLOW_HTTP_LOOPBACK ?? 'true',
};
const running: ServiceProcess[] = [];
let stopping = false;

let stopped: Promise<never> | undefined;

/** Stops what we started, once: Ctrl-C reaches us more than once (from the terminal, and relayed by pnpm and tsx). */
function stopEverything(exitCode: number): Promise<never> {
  stopped ??= (async () => {
    stopping = true;
    console.log('\nstopping services, broker and database we started…');
    try {
      await Promise.all(running.map((service) => service.child.pid && stopProcess(service.child.pid, 15_000)));
      recordServicePids([]);
    } finally {
      await kafka.stop();
      await postgresServer.stop();
    }
    console.log('stopped.');
    process.exit(exitCode);
  })();
  return stopped;
}
process.on('SIGINT', () => void stopEverything(0));
process.on('SIGTERM', () => void stopEverything(0));
process.on('SIGHUP', () => void stopEverything(0));

// Our own broker allows a shorter consumer session, so the services recover sooner after it restarts.
const ownBrokers = kafka.origin === 'local process' || kafka.origin === 'local cluster';
const sessionTimeout = ownBrokers ? { KAFKA_SESSION_TIMEOUT_MS: String(LOCAL_BROKER_SESSION_TIMEOUT_MS) } : {};
const replication = kafka.replicationFactor ? { KAFKA_REPLICATION_FACTOR: String(kafka.replicationFactor) } : {};

const apiUrls = Object.fromEntries(
  services.map((spec) => [`${spec.name.toUpperCase().replaceAll('-', '_')}_URL`, `http://127.0.0.1:${spec.port}`]),
);
const plannedWeb = webPlan(apiUrls, jwtSecret);
const web = plannedWeb && {
  ...plannedWeb,
  web: built(plannedWeb.web),
  devIdp: plannedWeb.devIdp && built(plannedWeb.devIdp),
};
const logLevel = process.env.LOG_LEVEL ?? 'warn';
const remember = () => recordServicePids(running.flatMap((service) => (service.child.pid ? [service.child.pid] : [])));

try {
  if (web?.devIdp) {
    running.push(
      spawnService(web.devIdp, { ...web.devIdpEnv, LOG_LEVEL: logLevel }, undefined, { ownProcessGroup: true }),
    );
    remember();
  }
  for (const spec of services) {
    const env = {
      ...(await databaseSettings(spec.database)),
      KAFKA_BROKERS: kafka.brokers,
      ...kafkaSecurityFor(spec.name),
      JWT_SECRET: jwtSecret,
      ...webhookSettings,
      ...sessionTimeout,
      ...replication,
    };
    // The APIs trust the development identity provider's keys, as they would a real issuer's in production.
    // In a process group of their own: a Ctrl-C reaches only us, and we stop each service once, in order.
    // Every instance shares the service's database (one relay leader by advisory lock) and consumer group.
    const serviceEnv = { ...env, ...web?.apiTrust, LOG_LEVEL: logLevel };
    for (const instance of instancesOf(spec, instances))
      running.push(spawnService(instance, serviceEnv, undefined, { ownProcessGroup: true }));
    remember();
  }
  await Promise.all(running.map((service) => waitUntilReady(service)));
  if (web) {
    const webProcess = spawnService(web.web, { ...web.webEnv, LOG_LEVEL: logLevel }, undefined, {
      ownProcessGroup: true,
    });
    running.push(webProcess);
    remember();
    await waitUntilReady(webProcess);
  }
  for (const service of running) {
    service.child.on('exit', (code) => {
      if (!stopping) console.error(`${instanceLabel(service.spec)} exited (${code}); stopping everything`);
      if (!stopping) void stopEverything(1);
    });
  }
  console.log(`\nResettle is running${instances > 1 ? ` (${instances} instances of each service)` : ''}:`);
  for (const service of running.filter((started) => started.spec.database))
    console.log(
      `  ${instanceLabel(service.spec).padEnd(instances > 1 ? 24 : 22)} ${service.url}   (API docs: ${service.url}/docs)`,
    );
  if (web) {
    console.log(`\nThe web pages: ${web.webEnv.WEB_BASE_URL}   (sign in at ${web.webEnv.OIDC_ISSUER})`);
    if (web.devIdp) {
      console.log('Development users (the development identity provider lets you pick one; no password):');
      for (const user of await developmentUsers())
        console.log(`  ${user.name.padEnd(14)} ${user.job.padEnd(40)} ${user.roles.join(', ')}`);
    }
  }
  // Started by `npm start` on a machine without pnpm on the PATH, the hints must be npm commands too.
  const npm = process.env.RESETTLE_HINT_NPM === '1';
  const command = (script: string, args = '') =>
    npm ? `npm run -s ${script}${args && ` -- ${args}`}` : `pnpm ${script}${args && ` ${args}`}`;
  console.log(`\nIn another terminal, seed a few women (released from EWI to the South West): ${command('demo')}`);
  console.log(`To try the APIs, a token that sees them: ${command('token', '--role probation --region "South West"')}`);
  console.log('Press Ctrl-C to stop everything.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopEverything(1);
}

/**
 * The service's database with its owner and run-time roles (docs/operations.md). On a server where we may not create
 * roles, one role does both, as before, and the service says at start that its role can change its audit log.
 */
async function databaseSettings(database: string): Promise<{ DATABASE_URL: string; DATABASE_OWNER_URL?: string }> {
  try {
    const { ownerUrl, serviceUrl } = await createServiceDatabase(postgresServer.url, database);
    return { DATABASE_URL: serviceUrl, DATABASE_OWNER_URL: ownerUrl };
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    console.warn(`${database}: may not create roles on this server, so the service runs as the owner of its tables`);
    return { DATABASE_URL: await createDatabaseIfMissing(postgresServer.url, database) };
  }
}
