// The only module in the repo that imports kafkajs: swap the client here and nothing else changes.

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AclOperationTypes,
  type AclPermissionTypes,
  type AclResourceTypes,
  type ConfigResourceTypes,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaConfig,
  logLevel,
  Partitioners,
  type Producer,
  type ResourcePatternTypes,
} from 'kafkajs';
import type { Logger } from 'pino';
import { backoffDelay } from './backoff.js';
import { InStep } from './in-step.js';
import { JoinWatch } from './join-watch.js';
import { kafkaLogVerdict } from './kafka-log.js';
import { Restarting } from './restarting.js';

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface DeliveryControl {
  heartbeat(): Promise<void>;
  isRunning(): boolean;
}

export interface Subscription {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /** Called once per message, in partition order. The offset is committed only after it resolves. */
  handle?(message: IncomingMessage, control: DeliveryControl): Promise<void>;
  /**
   * Instead of `handle`: called with consecutive messages of one partition (at most `maxBatchSize`), in order.
   * The offset after the last is committed only after it resolves.
   */
  handleBatch?(messages: IncomingMessage[], control: DeliveryControl): Promise<void>;
  maxBatchSize?: number;
  /** Partitions handled at the same time (order is kept within each partition). Default 1. */
  partitionsConsumedConcurrently?: number;
  /**
   * Reads the partitions side by side by the time their messages were written: one more than this many milliseconds
   * ahead of the slowest still to finish waits for it (a rebuild, so that a woman's events on different topics arrive
   * close together). Off by default: each partition is read as fast as it can be.
   */
  inStepWithinMs?: number;
  /**
   * `subscribe` fails (and stops the consumer) unless it has joined its group within this many milliseconds. Unset, a
   * consumer that cannot join keeps trying, as a service must; a one-off reader sets it to fail with the reason.
   */
  joinWithinMs?: number;
}

export interface RunningSubscription {
  stop(): Promise<void>;
  lag(): Promise<number>;
}

/** Where one partition lives: its leader and the nodes holding a copy (`inSync`: those caught up with the leader). */
export interface PartitionPlacement {
  partition: number;
  leader: number;
  replicas: number[];
  inSync: number[];
}

export interface TopicDescription {
  partitions: PartitionPlacement[];
  /** Copies that must have a write before the leader acknowledges it (`acks=all`). */
  minInsyncReplicas: number;
  /** How long the topic keeps events (`retention.ms`; -1: forever). */
  retentionMs: number;
}

export interface EventBus {
  /** Creates missing topics with the bus's replication factor and a majority of the copies required in sync. */
  ensureTopics(topics: string[], partitions?: number): Promise<void>;
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(subscription: Subscription): Promise<RunningSubscription>;
  /** Moves a stopped consumer group back to the start of a topic, so everything is delivered again. */
  resetOffsetsToEarliest(groupId: string, topic: string): Promise<void>;
  /** Offsets of the newest messages per partition (for lag and benchmarks). */
  endOffsets(topic: string): Promise<Map<number, bigint>>;
  /** Each partition's leader and copies as the cluster sees them now (for operators and failover tests). */
  describeTopic(topic: string): Promise<TopicDescription>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** How long a silent consumer keeps its partitions (default 6 s, the usual broker minimum). */
  sessionTimeoutMs?: number;
  /**
   * Put in front of every topic and consumer group this bus touches (empty in production; each test file uses its
   * own). Callers name topics as the contracts define them and see them so named on incoming messages.
   */
  namespace?: string;
  /** Copies kept of each partition of the topics this bus creates (default 1; 3 on a cluster of three or more). */
  replicationFactor?: number;
  /** `retention.ms` of the topics this bus creates (default 30 days); -1 keeps messages forever. */
  retentionMs?: number;
  /** TLS and SASL/SCRAM towards the brokers (none by default: PLAINTEXT). */
  security?: KafkaSecurity;
}

/** How a client proves who it is to the brokers, and whether the connection is encrypted. */
export interface KafkaSecurity {
  sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  /** TLS to the brokers; `caFile` (PEM) adds a CA to trust besides the system's. */
  tls?: { caFile?: string };
}

/** Default `retention.ms` of event topics: 30 days. */
export const DEFAULT_TOPIC_RETENTION_MS = 30 * 24 * 60 * 60 * 1_000;

/** The `sasl` and `ssl` parts of kafkajs's settings for these choices. Never logged: it holds the password. */
export function kafkaSecuritySettings(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const settings: Pick<KafkaConfig, 'sasl' | 'ssl'> = {};
  if (security?.sasl) {
    const { mechanism, username, password } = security.sasl;
    settings.sasl =
      mechanism === 'scram-sha-256' ? { mechanism, username, password } : { mechanism, username, password };
  }
  if (security?.tls) {
    settings.ssl = security.tls.caFile ? { ca: [readFileSync(security.tls.caFile, 'utf8')] } : true;
  }
  return settings;
}

export function createEventBus(options: EventBusOptions): EventBus {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...kafkaSecuritySettings(options.security),
    // kafkajs warns on every retry while a broker starts or restarts; those retries are expected and handled here.
    logLevel: logLevel.ERROR,
    logCreator: () => (entry) => {
      const { level, note } = kafkaLogVerdict(entry.namespace, entry.log);
      options.logger[level]({ kafka: entry.log.message, namespace: entry.namespace, ...(note ? { note } : {}) });
    },
    // Short waits between retries: once a broker is back, every client notices within a second (recovery target 10 s).
    retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 15 },
  });
  return new KafkaEventBus(
    kafka,
    options.sessionTimeoutMs ?? 6_000,
    options.namespace ?? '',
    options.replicationFactor ?? 1,
    options.retentionMs ?? DEFAULT_TOPIC_RETENTION_MS,
  );
}

class KafkaEventBus implements EventBus {
  private producer: Producer | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(
    private readonly kafka: Kafka,
    private readonly sessionTimeoutMs: number,
    private readonly namespace: string,
    private readonly replicationFactor: number,
    private readonly retentionMs: number,
  ) {}

  private physical(name: string): string {
    return `${this.namespace}${name}`;
  }

  private logical(name: string): string {
    return name.startsWith(this.namespace) ? name.slice(this.namespace.length) : name;
  }

  /**
   * Creates the topics that do not exist yet. When several services (or test files) create topics at the same moment,
   * kafkajs can report UNKNOWN_TOPIC_OR_PARTITION or TOPIC_ALREADY_EXISTS for topics that do get created, so the
   * whole check is retried until every topic is listed.
   */
  async ensureTopics(logicalTopics: string[], partitions = 3): Promise<void> {
    const topics = logicalTopics.map((topic) => this.physical(topic));
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt += 1) {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((topic) => !existing.has(topic));
        if (missing.length === 0) return;
        try {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: partitions,
              replicationFactor: this.replicationFactor,
              // With acks=all a write is acknowledged once a majority has it: one node may be lost without losing it.
              configEntries: [
                { name: 'min.insync.replicas', value: String(majorityOf(this.replicationFactor)) },
                // How long events are kept: long enough to rebuild a service, not forever (personal data).
                { name: 'retention.ms', value: String(this.retentionMs) },
              ],
            })),
          });
        } catch (error) {
          if (attempt >= 10) throw error;
          await sleep(backoffDelay(attempt, 100, 2_000));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const producer = await this.connectedProducer();
    try {
      await producer.send({ topic: this.physical(topic), acks: -1, messages });
    } catch (error) {
      // A producer that lost the broker can stay wedged: start a new one on the next attempt.
      this.producer = undefined;
      await producer.disconnect().catch(() => {});
      throw error;
    }
  }

  async subscribe(logicalSubscription: Subscription): Promise<RunningSubscription> {
    const subscription = {
      ...logicalSubscription,
      groupId: this.physical(logicalSubscription.groupId),
      topics: logicalSubscription.topics.map((topic) => this.physical(topic)),
    };
    const joining = subscription.joinWithinMs === undefined ? undefined : new JoinWatch(subscription.joinWithinMs);
    const running = new Restarting<Consumer>(
      (crashed) => this.startConsumer(subscription, crashed, joining),
      (consumer) => this.stopConsumer(consumer),
      (consumer) => this.consumers.delete(consumer),
      (attempt) => backoffDelay(attempt, 500, 2_000),
    );
    await running.start();
    try {
      await joining?.wait(logicalSubscription.groupId);
    } catch (error) {
      await running.stop();
      throw error;
    }
    return {
      stop: () => running.stop(),
      lag: () => this.lagOf(subscription.groupId, subscription.topics),
    };
  }

  private async stopConsumer(consumer: Consumer): Promise<void> {
    this.consumers.delete(consumer);
    await consumer.disconnect();
  }

  private async startConsumer(
    subscription: Subscription,
    onFatalCrash: () => void,
    joining?: JoinWatch,
  ): Promise<Consumer> {
    const consumer = this.kafka.consumer({
      groupId: subscription.groupId,
      // A crashed member's partitions move to a live one after this long; a broker that restarts waits this long
      // for members that will not come back before the group can rebalance.
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs(),
      // kafkajs heartbeats between fetches: an idle fetch must return well inside the session, or an idle member
      // is evicted (with a 3 s session and the 5 s default wait, every 5 s).
      maxWaitTimeInMs: Math.min(5_000, Math.floor(this.sessionTimeoutMs / 3)),
      allowAutoTopicCreation: false,
      // kafkajs's default waits grow to 30 s between attempts, so a consumer could sleep long after the broker is back.
      retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 60, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.CRASH, (event) => {
      joining?.failed(event.payload.error);
      if (!event.payload.restart) onFatalCrash();
    });
    if (joining) consumer.on(consumer.events.GROUP_JOIN, () => joining.joined());
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: subscription.topics, fromBeginning: subscription.fromBeginning ?? true });
    const inStep = subscription.inStepWithinMs === undefined ? undefined : new InStep(subscription.inStepWithinMs);
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: subscription.partitionsConsumedConcurrently ?? 1,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.deliverBatch(consumer, payload, subscription, inStep),
    });
    return consumer;
  }

  async resetOffsetsToEarliest(groupId: string, topic: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.resetOffsets({ groupId: this.physical(groupId), topic: this.physical(topic), earliest: true });
    } finally {
      await admin.disconnect();
    }
  }

  async endOffsets(topic: string): Promise<Map<number, bigint>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // kafkajs gives up at once when a partition's leader is not settled (a topic just made, a broker just gone).
      const offsets = await retryWhileRetriable(() => admin.fetchTopicOffsets(this.physical(topic)));
      return new Map(offsets.map((entry) => [entry.partition, BigInt(entry.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  async describeTopic(logicalTopic: string): Promise<TopicDescription> {
    const topic = this.physical(logicalTopic);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: TOPIC_RESOURCE, name: topic, configNames: ['min.insync.replicas', 'retention.ms'] }],
      });
      const setting = (name: string) =>
        described.resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
      return {
        partitions: (topics[0]?.partitions ?? [])
          .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, inSync: p.isr }))
          .sort((a, b) => a.partition - b.partition),
        minInsyncReplicas: Number(setting('min.insync.replicas') ?? 1),
        retentionMs: Number(setting('retention.ms') ?? -1),
      };
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    // acks=all (in send) with one request in flight per broker: a retried write cannot overtake the next one, so a
    // person's events keep their order through a leader change. A write whose acknowledgement was lost is written
    // again (a duplicate the inbox absorbs). kafkajs's idempotent producer, which would drop such duplicates, is
    // experimental and fails with OUT_OF_ORDER_SEQUENCE_NUMBER under load (tulios/kafkajs#598).
    const producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: false,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private heartbeatIntervalMs(): number {
    return Math.min(1_000, Math.floor(this.sessionTimeoutMs / 3));
  }

  /**
   * kafkajs heartbeats only between batches. A chunk can take longer than the session (a consumer catching up on
   * 2 busy cores after an outage took 10 s over 500 events): without a heartbeat meanwhile the member is evicted,
   * its commit refused and the chunk done again after a rebalance. So heartbeats go on while a batch is handled; one
   * that fails (the group rebalancing) is left to the commit after the chunk, which kafkajs then re-joins on.
   */
  private async deliverBatch(
    consumer: Consumer,
    payload: EachBatchPayload,
    subscription: Subscription,
    inStep: InStep | undefined,
  ): Promise<void> {
    const keepAlive = setInterval(() => payload.heartbeat().catch(() => {}), this.heartbeatIntervalMs());
    try {
      await this.deliverChunks(consumer, payload, subscription, inStep);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async deliverChunks(
    consumer: Consumer,
    payload: EachBatchPayload,
    subscription: Subscription,
    inStep: InStep | undefined,
  ): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const control = { heartbeat, isRunning: () => isRunning() && !isStale() };
    const topic = this.logical(batch.topic);
    const messages = batch.messages.map((message) => ({
      topic,
      partition: batch.partition,
      offset: message.offset,
      key: message.key?.toString() ?? null,
      value: message.value,
      headers: headersOf(message.headers),
    }));
    const chunkSize = subscription.handleBatch ? (subscription.maxBatchSize ?? 500) : 1;
    for (let start = 0; start < messages.length && control.isRunning(); start += chunkSize) {
      const chunk = messages.slice(start, start + chunkSize);
      if (subscription.handleBatch) await subscription.handleBatch(chunk, control);
      else await subscription.handle?.(chunk[0]!, control);
      const last = chunk[chunk.length - 1]!.offset;
      resolveOffset(last);
      // Committed per chunk, not per fetched batch, so lag falls steadily and a crash redoes little.
      if (subscription.handleBatch || start + chunkSize >= messages.length || !control.isRunning()) {
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
        ]);
      }
    }
    if (inStep && control.isRunning()) keepInStep(consumer, inStep, batch);
    await heartbeat();
  }

  private async lagOf(groupId: string, topics: string[]): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      let lag = 0n;
      const committed = await admin.fetchOffsets({ groupId, topics });
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const done = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          const start = BigInt(done) < 0n ? BigInt(end.low) : BigInt(done);
          lag += BigInt(end.high) - start;
        }
      }
      return Number(lag);
    } finally {
      await admin.disconnect();
    }
  }
}

/** Runs `call` again, with back-off, while it fails with an error the broker marks retriable (about 4.5 s in all). */
async function retryWhileRetriable<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetriable(error) || attempt >= attempts) throw error;
      await sleep(backoffDelay(attempt, 100, 1_000));
    }
  }
}

/** kafkajs marks its errors `retriable`; its error classes are not importable by name from ESM (a CommonJS export). */
function isRetriable(error: unknown): boolean {
  return error instanceof Error && 'retriable' in error && error.retriable === true;
}

/** The brokers refused the client's SASL login (a wrong password, or a user a broker does not know yet). */
export function isLoginRefused(error: unknown): error is Error {
  return error instanceof Error && error.name === 'KafkaJSSASLAuthenticationError';
}

/** Pauses the partitions that have got ahead and resumes those the slowest has caught up with. */
function keepInStep(consumer: Consumer, inStep: InStep, batch: EachBatchPayload['batch']): void {
  const last = batch.messages[batch.messages.length - 1];
  if (!last) return;
  const caughtUp = BigInt(batch.lastOffset()) + 1n >= BigInt(batch.highWatermark);
  const moves = inStep.handled(`${batch.partition}:${batch.topic}`, { at: Number(last.timestamp), caughtUp });
  const partitions = (keys: string[]) =>
    keys.map((key) => {
      const [partition, topic] = key.split(':'); // a Kafka topic name has no ':'
      return { topic: topic!, partitions: [Number(partition)] };
    });
  if (moves.pause.length > 0) consumer.pause(partitions(moves.pause));
  if (moves.resume.length > 0) consumer.resume(partitions(moves.resume));
}

/** What one principal may do: write the topics it produces, read those it consumes, in its own consumer groups. */
export interface AccessGrant {
  /** The SASL user name (the ACL principal is `User:<principal>`). */
  principal: string;
  produces: string[];
  consumes: string[];
  /** Consumer groups it may join and commit in. */
  groups: string[];
  /** Consumer groups it may make and use whose names start with one of these. */
  groupPrefixes?: string[];
}

/**
 * Creates ALLOW ACLs for these grants on a broker with an authorizer, as an admin principal: Write+Describe on topics
 * produced, Read+Describe on topics consumed, Read+Describe on the principal's groups (and on groups named with its
 * prefixes). Everything else stays denied.
 * Names are physical (any test namespace already in front).
 */
export async function grantTopicAccess(
  connection: { brokers: string[]; security?: KafkaSecurity; logger: Logger },
  grants: AccessGrant[],
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'acl-admin',
    brokers: connection.brokers,
    ...kafkaSecuritySettings(connection.security),
    logLevel: logLevel.ERROR,
    logCreator: () => (entry) => connection.logger.error({ kafka: entry.log.message, namespace: entry.namespace }),
  });
  const allow = (
    principal: string,
    resourceType: AclResourceTypes,
    resourceName: string,
    ops: AclOperationTypes[],
    resourcePatternType: ResourcePatternTypes = LITERAL_PATTERN,
  ) =>
    ops.map((operation) => ({
      resourceType,
      resourceName,
      resourcePatternType,
      principal: `User:${principal}`,
      host: '*',
      operation,
      permissionType: ALLOW,
    }));
  const acl = grants.flatMap((grant) => [
    ...grant.produces.flatMap((topic) => allow(grant.principal, TOPIC_ACL, topic, [WRITE, DESCRIBE])),
    ...grant.consumes.flatMap((topic) => allow(grant.principal, TOPIC_ACL, topic, [READ, DESCRIBE])),
    ...grant.groups.flatMap((group) => allow(grant.principal, GROUP_ACL, group, [READ, DESCRIBE])),
    ...(grant.groupPrefixes ?? []).flatMap((prefix) =>
      allow(grant.principal, GROUP_ACL, prefix, [READ, DESCRIBE], PREFIXED_PATTERN),
    ),
  ]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (acl.length > 0) await admin.createAcls({ acl });
  } finally {
    await admin.disconnect();
  }
}

// kafkajs's CommonJS exports hide its enums from Node's ESM loader, so their values (kafkajs/src/protocol/*Types.js).
const TOPIC_ACL = 2 as AclResourceTypes.TOPIC;
const GROUP_ACL = 3 as AclResourceTypes.GROUP;
const READ = 3 as AclOperationTypes.READ;
const WRITE = 4 as AclOperationTypes.WRITE;
const DESCRIBE = 8 as AclOperationTypes.DESCRIBE;
const ALLOW = 3 as AclPermissionTypes.ALLOW;
const LITERAL_PATTERN = 3 as ResourcePatternTypes.LITERAL;
const PREFIXED_PATTERN = 4 as ResourcePatternTypes.PREFIXED;

// kafkajs's CommonJS exports hide ConfigResourceTypes from Node's ESM loader (vitest would not notice), so its value.
const TOPIC_RESOURCE = 2 as ConfigResourceTypes.TOPIC;

/** More than half of the copies (1 of 1, 2 of 3). */
function majorityOf(replicas: number): number {
  return Math.floor(replicas / 2) + 1;
}

function headersOf(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = String(value);
  }
  return result;
}
