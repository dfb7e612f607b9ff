import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { kafkaDir } from '../paths.js';
import { commandLineOf, freePort, isAlive, signal, stopProcess, waitFor } from '../process-utils.js';
import { ensureKafkaJars } from './jars.js';
import { ensureBrokerCertificates } from './tls.js';

/** What a test or another process needs to find (and kill or restart) a broker started elsewhere. */
export interface BrokerHandle {
  dataDir: string;
  port: number;
  controllerPort: number;
  /** Present for a node of a LocalKafkaCluster; a broker without it is node 1 of a quorum of one. */
  cluster?: ClusterMembership;
  /** SASL/SCRAM over TLS on the client listener and ACLs (StandardAuthorizer); absent: PLAINTEXT, no authorizer. */
  security?: BrokerSecurity;
}

/** A SCRAM-SHA-512 user, created in the storage when it is formatted. */
export interface ScramUser {
  name: string;
  password: string;
}

/**
 * A broker whose client listener is SASL_SSL on 127.0.0.1 (SCRAM-SHA-512 over TLS, with a throwaway CA's certificate)
 * and whose authorizer denies what no ACL allows. The controller listener stays PLAINTEXT on 127.0.0.1.
 */
export interface BrokerSecurity {
  /** Where the throwaway CA (`ca.pem`, what clients trust) and the broker's keystore are made: the state folder. */
  certificatesDir: string;
  /**
   * A second client listener, PLAINTEXT on 127.0.0.1, where every client is the super user ANONYMOUS: only for the
   * test run's shared broker, so single-service test files need no credentials. Never set by `pnpm start`.
   */
  openPort?: number;
  /** The broker's own principal (inter-broker traffic on the SASL listener); a super user. */
  broker: ScramUser;
  /** Super users besides the broker (the admin that creates ACLs). */
  superUsers: string[];
  /** Every other user (one per service), created at format time. */
  users: ScramUser[];
}

export interface ClusterMembership {
  nodeId: number;
  /** Shared by every node: formatted into each node's storage. */
  clusterId: string;
  /** `id@host:controllerPort` of every node, comma-separated: each node is a controller voter. */
  quorumVoters: string;
  replicationFactor: number;
  minInsyncReplicas: number;
}

const BROKER_MAIN = 'kafka.Kafka';
const STARTED_LINE = 'Kafka Server started';

/**
 * The consumer session timeout our own broker allows (its `group.min.session.timeout.ms` is 2 s, in
 * server.properties.template): a group rebalances this soon after a broker restart. Other brokers keep the 6 s default.
 */
export const LOCAL_BROKER_SESSION_TIMEOUT_MS = 3_000;

/**
 * A KRaft broker+controller run as a local Java process from the Apache Kafka jars: a single node, or one node of a
 * LocalKafkaCluster.
 * Its pid lives in `<dataDir>/broker.pid`, so any process holding the handle can stop it.
 */
export class LocalKafkaBroker {
  constructor(readonly handle: BrokerHandle) {}

  static async create(dataDir: string, port?: number): Promise<LocalKafkaBroker> {
    const saved = LocalKafkaBroker.open(dataDir);
    if (saved && (port === undefined || saved.handle.port === port)) return saved;
    return LocalKafkaBroker.saved({ dataDir, port: port ?? (await freePort()), controllerPort: await freePort() });
  }

  /** The broker saved in `dataDir` (its `broker.json`), if any (read only: nothing is started or written). */
  static open(dataDir: string): LocalKafkaBroker | undefined {
    const handlePath = join(dataDir, 'broker.json');
    if (!existsSync(handlePath)) return undefined;
    return new LocalKafkaBroker(JSON.parse(readFileSync(handlePath, 'utf8')) as BrokerHandle);
  }

  /** A broker with this handle, saved in its data dir so `create(dataDir)` finds it again. */
  static saved(handle: BrokerHandle): LocalKafkaBroker {
    mkdirSync(handle.dataDir, { recursive: true });
    writeFileSync(join(handle.dataDir, 'broker.json'), JSON.stringify(handle));
    return new LocalKafkaBroker(handle);
  }

  get brokers(): string {
    return `127.0.0.1:${this.handle.port}`;
  }

  get pid(): number | undefined {
    const pidFile = join(this.handle.dataDir, 'broker.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    return pid > 0 && isAlive(pid) && commandLineOf(pid).includes(BROKER_MAIN) ? pid : undefined;
  }

  async start(timeoutMs = 120_000): Promise<void> {
    if (this.pid !== undefined) return;
    const jars = ensureKafkaJars();
    const configPath = this.writeConfig();
    this.formatStorage(jars, configPath);
    const logPath = join(this.handle.dataDir, 'broker.log');
    writeFileSync(logPath, '');
    const out = openSync(logPath, 'a');
    const child = spawn('java', [...jvmArgs(), '-cp', `${jars}/*`, BROKER_MAIN, configPath], {
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.unref();
    writeFileSync(join(this.handle.dataDir, 'broker.pid'), String(child.pid));
    await waitFor(
      `Kafka broker on port ${this.handle.port} (log: ${logPath})`,
      async () => {
        if (child.exitCode !== null) throw new Error(`Kafka broker exited early; see ${logPath}`);
        return readFileSync(logPath, 'utf8').includes(STARTED_LINE) && (await portAccepts(this.handle.port));
      },
      timeoutMs,
    );
  }

  /** Graceful stop (SIGTERM, then SIGKILL after a grace period). */
  async stop(): Promise<void> {
    const pid = this.pid;
    if (pid !== undefined) await stopProcess(pid, 15_000);
  }

  /** Crash the broker: SIGKILL, no shutdown hooks. */
  async kill(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    signal(pid, 'SIGKILL');
    await waitFor('broker process to exit', () => !isAlive(pid), 10_000, 50);
  }

  removeData(): void {
    rmSync(this.handle.dataDir, { recursive: true, force: true });
  }

  private writeConfig(): string {
    const template = readFileSync(join(kafkaDir, 'server.properties.template'), 'utf8');
    const { cluster, controllerPort } = this.handle;
    const config = template
      .replaceAll('{{nodeId}}', String(cluster?.nodeId ?? 1))
      .replaceAll('{{quorumVoters}}', cluster?.quorumVoters ?? `1@127.0.0.1:${controllerPort}`)
      .replaceAll('{{replicationFactor}}', String(cluster?.replicationFactor ?? 1))
      .replaceAll('{{minInsyncReplicas}}', String(cluster?.minInsyncReplicas ?? 1))
      .replaceAll('{{port}}', String(this.handle.port))
      .replaceAll('{{controllerPort}}', String(this.handle.controllerPort))
      .replaceAll('{{logDirs}}', join(this.handle.dataDir, 'kraft'));
    const configPath = join(this.handle.dataDir, 'server.properties');
    writeFileSync(configPath, this.handle.security ? secured(config, this.handle, this.handle.security) : config);
    return configPath;
  }

  private formatStorage(jars: string, configPath: string): void {
    if (existsSync(join(this.handle.dataDir, 'kraft', 'meta.properties'))) return;
    const clusterId = this.handle.cluster?.clusterId ?? newClusterId();
    const result = spawnSync(
      'java',
      [
        ...jvmArgs(),
        '-cp',
        `${jars}/*`,
        'kafka.tools.StorageTool',
        'format',
        `--cluster-id=${clusterId}`,
        '-c',
        configPath,
        ...scramArguments(this.handle.security),
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`formatting KRaft storage failed: ${result.stderr || result.stdout}`);
  }
}

/**
 * The config with the client listener switched to SASL_SSL (SCRAM-SHA-512 over TLS, also between brokers) and the
 * StandardAuthorizer on. The controller listener stays PLAINTEXT on 127.0.0.1, where the broker reaches its own
 * controller as User:ANONYMOUS: that principal is a super user, and only that listener (and the test run's `openPort`)
 * can produce it (SASL requires a login).
 */
function secured(config: string, handle: BrokerHandle, security: BrokerSecurity): string {
  const { port, controllerPort } = handle;
  const tls = ensureBrokerCertificates(security.certificatesDir);
  const open = security.openPort === undefined ? '' : `,PLAINTEXT://127.0.0.1:${security.openPort}`;
  const lines = config
    .split('\n')
    .filter(
      (line) =>
        !/^(listeners|advertised\.listeners|inter\.broker\.listener\.name|listener\.security\.protocol\.map)=/.test(
          line,
        ),
    );
  const superUsers = [security.broker.name, ...security.superUsers, 'ANONYMOUS'].map((name) => `User:${name}`);
  const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${security.broker.name}" password="${security.broker.password}";`;
  return [
    ...lines,
    '# SASL/SCRAM over TLS and ACLs (infra/src/kafka/broker.ts, secured)',
    `listeners=SASL_SSL://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}${open}`,
    `advertised.listeners=SASL_SSL://127.0.0.1:${port}${open}`,
    'inter.broker.listener.name=SASL_SSL',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT',
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=${jaas}`,
    'ssl.keystore.type=PKCS12',
    `ssl.keystore.location=${tls.keystoreFile}`,
    `ssl.keystore.password=${tls.keystorePassword}`,
    // Brokers reach each other over TLS too, trusting the same throwaway CA.
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${tls.caFile}`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=${superUsers.join(';')}`,
    '',
  ].join('\n');
}

/** `--add-scram` for every user, so the credentials exist from the broker's first start. */
function scramArguments(security: BrokerSecurity | undefined): string[] {
  if (!security) return [];
  return [security.broker, ...security.users].flatMap((user) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${user.name},password=${user.password}]`,
  ]);
}

/** A KRaft cluster id: 16 random bytes, base64url. */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

function jvmArgs(): string[] {
  return [
    `-Xmx${process.env.KAFKA_HEAP ?? '512m'}`,
    '-Xms256m',
    '-XX:+UseG1GC',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(kafkaDir, 'log4j.properties')}`,
  ];
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolveCheck(true);
    });
    socket.once('error', () => resolveCheck(false));
  });
}

/**
 * Security for a local SASL_SSL+ACL broker: a fresh random password for the broker, an `admin` super user (for ACLs
 * and topic creation) and one user per name given (one per service); certificates made in `certificatesDir`.
 */
export function scramSecurityFor(
  userNames: string[],
  certificatesDir: string,
  openPort?: number,
): BrokerSecurity & { admin: ScramUser } {
  const user = (name: string): ScramUser => ({ name, password: randomBytes(18).toString('base64url') });
  const admin = user('admin');
  return {
    certificatesDir,
    ...(openPort === undefined ? {} : { openPort }),
    broker: user('broker'),
    admin,
    superUsers: [admin.name],
    users: [admin, ...userNames.map(user)],
  };
}
