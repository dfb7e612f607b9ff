import { ALL_TOPICS, deadLetterTopicFor, topicName } from '@resettle/contracts';
import {
  type BatchEventHandler,
  createEventBus,
  type Database,
  type EventBus,
  type EventHandlers,
  InboxConsumer,
  OutboxRelay,
} from '@resettle/messaging';
import type { Static, TObject, TProperties } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { enforceAuditAppendOnly } from './audit/append-only.js';
import { auditRoutes } from './audit/routes.js';
import { brokerList, databaseTimeouts, httpTimeouts, loadConfig, type PlatformConfig } from './config.js';
import { tokenTrust } from './config-tokens.js';
import { connectDatabase, migrateDatabase } from './db.js';
import { buildServer, type Server } from './http/server.js';
import { createLogger } from './logger.js';

export type Clock = () => Date;

export interface ServiceContext<TSettings = unknown> {
  config: PlatformConfig & TSettings;
  logger: Logger;
  db: Database;
  sql: Sql;
  bus: EventBus;
  clock: Clock;
  /** Namespace prepended to every topic (empty in production; tests isolate themselves with it). */
  topicPrefix: string;
}

export interface ServiceDefinition<T extends TProperties> {
  name: string;
  description: string;
  settings: TObject<T>;
  schema: Record<string, unknown>;
  migrationsFolder: string;
  routes(app: Server, context: ServiceContext<Static<TObject<T>>>): Promise<void>;
  consumer?: {
    topics: string[];
    handlers(context: ServiceContext<Static<TObject<T>>>): EventHandlers;
    /** Optional: applies a run of events in one go instead of calling the handlers one by one. */
    applyBatch?(context: ServiceContext<Static<TObject<T>>>): BatchEventHandler;
  };
}

export interface RunningService {
  app: Server;
  url: string;
  context: ServiceContext;
  consumer?: InboxConsumer;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

/** Migrates, connects, starts the outbox relay and consumer, and listens. `stop()` shuts down in the safe order. */
export async function startService<T extends TProperties>(
  definition: ServiceDefinition<T>,
  options: { env?: NodeJS.ProcessEnv; clock?: Clock; logger?: Logger } = {},
): Promise<RunningService> {
  const config = loadConfig(definition.settings, options.env ?? process.env);
  const logger = options.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  await migrateDatabase(config.DATABASE_URL, definition.migrationsFolder);
  const { db, sql, close } = connectDatabase(config.DATABASE_URL, definition.schema, databaseTimeouts(config));
  const bus = createEventBus({
    brokers: brokerList(config),
    clientId: definition.name,
    logger,
    sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
  });
  const topicPrefix = config.KAFKA_TOPIC_PREFIX;
  await bus.ensureTopics(ALL_TOPICS.map((topic) => topicName(topic, topicPrefix)));
  const context = { config, logger, db, sql, bus, clock: options.clock ?? (() => new Date()), topicPrefix };

  const relay = new OutboxRelay({ sql, bus, logger });
  await relay.start();
  const consumer = definition.consumer && (await startConsumer(definition, context));
  const app = await buildServer({
    service: definition.name,
    description: definition.description,
    logger,
    auth: tokenTrust(config),
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    timeouts: httpTimeouts(config),
    readiness: {
      database: async () => void (await sql`select 1`),
      broker: async () => void (await bus.endOffsets(topicName(ALL_TOPICS[0] ?? '', topicPrefix))),
    },
  });
  app.get('/health/consumer', { schema: { hide: true } }, async () => ({
    groupId: consumer ? `${topicPrefix}${definition.name}` : null,
    lag: consumer ? await consumer.lag() : 0,
    ...(consumer?.stats ?? {}),
    outboxPending: await relay.pendingCount(),
    published: relay.published,
  }));
  if ('auditLog' in definition.schema) {
    await enforceAuditAppendOnly(sql);
    await auditRoutes(app, db);
  }
  await definition.routes(app, context);
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  return {
    app,
    url,
    context,
    consumer,
    relay,
    stop: async () => {
      await app.close();
      await consumer?.stop();
      await relay.stop();
      await bus.close();
      await close();
    },
  };
}

async function startConsumer<T extends TProperties>(
  definition: ServiceDefinition<T>,
  context: ServiceContext<Static<TObject<T>>>,
): Promise<InboxConsumer> {
  const spec = definition.consumer!;
  const groupId = `${context.topicPrefix}${definition.name}`;
  await context.bus.ensureTopics([deadLetterTopicFor(groupId)]);
  const consumer = new InboxConsumer({
    groupId,
    topics: spec.topics.map((topic) => topicName(topic, context.topicPrefix)),
    deadLetterTopic: deadLetterTopicFor(groupId),
    db: context.db,
    bus: context.bus,
    logger: context.logger,
    handlers: spec.handlers(context),
    ...(spec.applyBatch ? { applyBatch: spec.applyBatch(context) } : {}),
  });
  await consumer.start();
  return consumer;
}
