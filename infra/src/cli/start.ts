// The main command (`pnpm start`): infrastructure if none is configured, a database per service, every service.
import { join } from 'node:path';
import { readDevSecret } from '../dev-secret.js';
import { dockerEngineAvailable } from '../docker.js';
import { LOCAL_BROKER_SESSION_TIMEOUT_MS } from '../kafka/broker.js';
import { resolveKafka } from '../kafka/resolve.js';
import { cacheDir } from '../paths.js';
import { createDatabaseIfMissing } from '../postgres/databases.js';
import { resolvePostgres } from '../postgres/server.js';
import { stopProcess } from '../process-utils.js';
import {
  recordServicePids,
  type ServiceProcess,
  spawnService,
  stopLeftoverServices,
  waitUntilReady,
} from '../service-processes.js';
import { availableServices } from '../services.js';

// Ctrl-C reaches pnpm too, which may exit and close our output first: a failed write must not abort the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
await stopLeftoverServices();
const dockerAvailable = dockerEngineAvailable();
const postgresServer = await resolvePostgres({ dockerAvailable });
// KAFKA_CLUSTER_SIZE=3: three local brokers (ports KAFKA_PORT, +1, +2) instead of one, topics kept on all three.
const clusterSize = Number(process.env.KAFKA_CLUSTER_SIZE ?? 1);
if (!Number.isInteger(clusterSize) || clusterSize < 1 || clusterSize > 7) {
  console.error(`KAFKA_CLUSTER_SIZE must be a number of brokers from 1 to 7, not "${process.env.KAFKA_CLUSTER_SIZE}"`);
  process.exit(2);
}
const kafka = await resolveKafka({
  dockerAvailable,
  dataDir: join(cacheDir, clusterSize > 1 ? 'dev-kafka-cluster' : 'dev-kafka'),
  port: Number(process.env.KAFKA_PORT ?? 9092),
  keepData: true,
  clusterSize,
});
console.log(`Kafka:      ${kafka.brokers} (${kafka.origin})`);
console.log(`PostgreSQL: ${new URL(postgresServer.url).host} (${postgresServer.origin})`);

const jwtSecret = process.env.JWT_SECRET ?? readDevSecret();
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

try {
  for (const spec of availableServices()) {
    const databaseUrl = await createDatabaseIfMissing(postgresServer.url, spec.database);
    const env = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafka.brokers,
      JWT_SECRET: jwtSecret,
      ...sessionTimeout,
      ...replication,
    };
    // In a process group of their own: a Ctrl-C reaches only us, and we stop each service once, in order.
    const serviceEnv = { ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
    running.push(spawnService(spec, serviceEnv, undefined, { ownProcessGroup: true }));
    recordServicePids(running.flatMap((service) => (service.child.pid ? [service.child.pid] : [])));
  }
  await Promise.all(running.map((service) => waitUntilReady(service)));
  for (const service of running) {
    service.child.on('exit', (code) => {
      if (!stopping) console.error(`${service.spec.name} exited (${code}); stopping everything`);
      if (!stopping) void stopEverything(1);
    });
  }
  console.log('\nResettle is running:');
  for (const service of running)
    console.log(`  ${service.spec.name.padEnd(22)} ${service.url}   (API docs: ${service.url}/docs)`);
  // Started by `npm start` on a machine without pnpm on the PATH, the hints must be npm commands too.
  const npm = process.env.RESETTLE_HINT_NPM === '1';
  const command = (script: string, args = '') =>
    npm ? `npm run -s ${script}${args && ` -- ${args}`}` : `pnpm ${script}${args && ` ${args}`}`;
  console.log(`\nIn another terminal, seed a few women (released from EWI to the South West): ${command('demo')}`);
  console.log(`A token that sees them: ${command('token', '--role probation --region "South West"')}`);
  console.log('Press Ctrl-C to stop everything.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopEverything(1);
}
