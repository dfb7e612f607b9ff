import { freePort } from '../process-utils.js';
import type { BrokerHandle } from './broker.js';
import { LocalKafkaBroker, scramSecurityFor } from './broker.js';
import { LocalKafkaCluster } from './cluster.js';
import { type ClientSecurity, clientSecurity, securityFits, type WantedSecurity } from './security.js';

export interface KafkaCluster {
  brokers: string;
  origin: 'KAFKA_BROKERS' | 'local process' | 'local cluster' | 'testcontainers';
  /** Present for a broker run as a local process, so tests can crash and restart it. */
  local?: BrokerHandle;
  /** For brokers we started: the copies to keep of each partition (1 on one broker, 3 on our local cluster). */
  replicationFactor?: number;
  /** Present when we run the brokers with SASL_SSL and ACLs (`brokers` is then the SASL_SSL listener). */
  security?: ClientSecurity;
  /** With `openListener`: the PLAINTEXT listener, where every client is a super user. */
  openBrokers?: string;
  stop(): Promise<void>;
}

/**
 * KAFKA_BROKERS if set; else a local cluster of `clusterSize` nodes when that is above 1; else Docker
 * (testcontainers) when an engine answers; else a local broker process. `security` applies to the brokers we run
 * as local processes (a container or KAFKA_BROKERS are taken as they are).
 */
export async function resolveKafka(options: {
  dockerAvailable: boolean;
  dataDir: string;
  port?: number;
  keepData?: boolean;
  clusterSize?: number;
  security?: WantedSecurity;
}): Promise<KafkaCluster> {
  const configured = process.env.KAFKA_BROKERS;
  if (configured) return { brokers: configured, origin: 'KAFKA_BROKERS', stop: async () => {} };
  if ((options.clusterSize ?? 1) > 1) return startLocalCluster({ ...options, size: options.clusterSize ?? 1 });
  if (options.dockerAvailable) return startContainerKafka();
  let broker = await LocalKafkaBroker.create(options.dataDir, options.port);
  await broker.stop(); // a broker left by a killed earlier run
  if (!securityFits(broker.handle.security, options.security)) {
    // Users are created when the storage is formatted: other users (or none) mean a new broker.
    broker.removeData();
    const plain = await LocalKafkaBroker.create(options.dataDir, options.port);
    const security =
      options.security &&
      scramSecurityFor(
        options.security.users,
        options.dataDir,
        options.security.openListener ? await freePort() : undefined,
      );
    broker = LocalKafkaBroker.saved({ ...plain.handle, ...(security ? { security } : {}) });
  }
  await broker.start();
  const security = broker.handle.security;
  return {
    brokers: broker.brokers,
    origin: 'local process',
    local: broker.handle,
    replicationFactor: 1,
    ...(security ? { security: clientSecurity(security) } : {}),
    ...(security?.openPort === undefined ? {} : { openBrokers: `127.0.0.1:${security.openPort}` }),
    stop: async () => {
      await broker.stop();
      if (!options.keepData) broker.removeData();
    },
  };
}

async function startLocalCluster(options: {
  dataDir: string;
  size: number;
  port?: number;
  keepData?: boolean;
  security?: WantedSecurity;
}): Promise<KafkaCluster> {
  const cluster = await LocalKafkaCluster.create(options.dataDir, {
    size: options.size,
    port: options.port,
    security: options.security,
  });
  await cluster.stop(); // nodes left by a killed earlier run
  await cluster.start();
  const security = cluster.nodes[0]?.handle.security;
  return {
    brokers: cluster.brokers,
    origin: 'local cluster',
    replicationFactor: cluster.replicationFactor,
    ...(security ? { security: clientSecurity(security) } : {}),
    stop: async () => {
      await cluster.stop();
      if (!options.keepData) cluster.removeData();
    },
  };
}

async function startContainerKafka(): Promise<KafkaCluster> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const port = 9092;
  const container = await new GenericContainer('apache/kafka:3.9.1')
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return {
    brokers: `${container.getHost()}:${port}`,
    origin: 'testcontainers',
    replicationFactor: 1,
    stop: async () => void (await container.stop()),
  };
}
