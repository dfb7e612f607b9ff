import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { type Cause, deadLetterTopicFor, type EventKey, topicAccess } from '@resettle/contracts';
import { type Database, type EventBus, InboxConsumer, OutboxRelay, relayLockSession } from '@resettle/messaging';
import type { Static, TObject, TProperties } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { auditChainer } from './audit/chain.js';
import { auditRoutes } from './audit/routes.js';
import { auditHeadWitness } from './audit/witness.js';
import { eventBusFor } from './bus.js';
import { databaseTimeouts, httpTimeouts, loadConfig, type PlatformConfig } from './config.js';
import { tokenTrust } from './config-tokens.js';
import { connectDatabase, prepareDatabase } from './db.js';
import { buildServer, type Server } from './http/server.js';
import { type Consumption, type EventHandlers, plumbingFor } from './kernel/consumption.js';
import { type Clock, runUnit, type UnitOfWork } from './kernel/unit-of-work.js';
import { type Worker, Workers } from './kernel/workers.js';
import { createLogger } from './logger.js';
import { type ScrapedFigure, ServiceMetrics } from './observability/metrics.js';
import { traceRequests } from './observability/trace-requests.js';
import { installTracing, traceParentOf } from './observability/tracing.js';
import { anonymisationWorker } from './privacy/anonymisation.js';
import type { PersonalData } from './privacy/personal-data.js';
import { messagingPurges, purgeWorker } from './privacy/purge.js';
import { subjectAccessHandlers } from './privacy/subject-access.js';

export interface ServiceContext<TSettings = unknown> {
  config: PlatformConfig & TSettings;
  logger: Logger;
  db: Database;
  sql: Sql;
  bus: EventBus;
  clock: Clock;
  /** One write on behalf of a request: load, decide, persist (state, events and audit commit together). */
  transact<T>(request: FastifyRequest, work: (unit: UnitOfWork) => Promise<T>, lock?: { personId: string }): Promise<T>;
  /** One write the service starts itself (a worker's), caused by `cause` instead of a request; it audits as `system`. */
  transactFor<T>(cause: Cause, work: (unit: UnitOfWork) => Promise<T>, lock?: { personId: string }): Promise<T>;
}

export interface ServiceDefinition<T extends TProperties> {
  name: string;
  description: string;
  settings: TObject<T>;
  schema: Record<string, unknown>;
  migrationsFolder: string;
  routes(app: Server, context: ServiceContext<Static<TObject<T>>>): Promise<void>;
  /** The events it consumes; topics and versions follow from the declaration. */
  consumes?: Consumption<ServiceContext<Static<TObject<T>>>>;
  /** Background work, started after the consumer and stopped before it. */
  workers?: Array<(context: ServiceContext<Static<TObject<T>>>) => Worker>;
  /** Figures of its own for operators, read at each scrape of /metrics. */
  metrics?(context: ServiceContext<Static<TObject<T>>>): ScrapedFigure[];
  /**
   * What it holds about a woman: from this the kernel answers subject access requests, anonymises her content a set
   * time after her release and purges the service's own stores (docs/security.md).
   */
  personalData?(context: ServiceContext<Static<TObject<T>>>): PersonalData;
}

/** Every event key the runtime subscribes a service to: its own declaration's and the kernel's. */
export function consumedEventKeys<T extends TProperties>(definition: ServiceDefinition<T>): EventKey[] {
  const consumes = definition.consumes;
  const own: EventKey[] = [];
  if (consumes && 'fold' in consumes) own.push(...consumes.fold.events);
  // The keys of a handler map do not depend on the context it is given.
  if (consumes?.handlers) own.push(...(Object.keys(consumes.handlers({} as never)) as EventKey[]));
  if (definition.personalData) own.push('privacy.subject-access.requested@v1');
  return [...new Set(own)];
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
  options: { env?: NodeJS.ProcessEnv; clock?: Clock; logger?: Logger; spanExporter?: SpanExporter } = {},
): Promise<RunningService> {
  const config = loadConfig(definition.settings, options.env ?? process.env);
  installTracing({ otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, exporter: options.spanExporter });
  const logger = options.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  const audited = 'auditLog' in definition.schema;
  const roles = await prepareDatabase(config, definition.migrationsFolder, { auditLog: audited });
  if (roles.serviceRoleOwnsTables)
    logger.warn(
      { databaseRole: roles.serviceRole },
      'the service runs as a database role that can change its audit log: set DATABASE_OWNER_URL (docs/operations.md)',
    );
  const { db, sql, close } = connectDatabase(config.DATABASE_URL, definition.schema, databaseTimeouts(config));
  const bus = eventBusFor(config, definition.name, logger);
  // Only its own topics (those it reads are ensured with its consumer): on a broker with ACLs it can see no others,
  // and there every topic already exists, created by the admin with the ACLs (docs/security.md).
  const produces = topicAccess().find((access) => access.service === definition.name)?.produces ?? [];
  await bus.ensureTopics(produces);
  const clock = options.clock ?? (() => new Date());
  const service = definition.name;
  const relay = new OutboxRelay({ sql, bus, logger, lockSession: relayLockSession(config.DATABASE_URL) });
  // Each write that published wakes the relay once it has committed (no NOTIFY inside the write: see outbox.ts).
  const outboxCommitted = () => relay.outboxCommitted();
  const context: ServiceContext<Static<TObject<T>>> = {
    config,
    logger,
    db,
    sql,
    bus,
    clock,
    transact: (request, work, lock) =>
      runUnit(
        db,
        {
          service,
          clock,
          request,
          cause: { correlationId: request.id },
          personId: lock?.personId,
          traceParent: traceParentOf(request.span),
          outboxCommitted,
        },
        work,
      ),
    transactFor: (cause, work, lock) =>
      runUnit(db, { service, clock, cause, personId: lock?.personId, outboxCommitted }, work),
  };

  await relay.start();
  const personalData = definition.personalData?.(context);
  const kernelHandlers = personalData ? subjectAccessHandlers(service, personalData) : {};
  const consumer =
    (definition.consumes || personalData) && (await consumerFor(definition, context, kernelHandlers, outboxCommitted));
  const workers = new Workers(
    [
      ...(definition.workers ?? []).map((worker) => worker(context)),
      ...privacyWorkers(service, context, personalData),
      ...(audited
        ? [
            auditChainer(sql, config.AUDIT_CHAIN_INTERVAL_MS, logger),
            auditHeadWitness(sql, config.AUDIT_WITNESS_SECONDS * 1_000, logger),
          ]
        : []),
    ],
    logger,
  );
  const app = await buildServer({
    service: definition.name,
    description: definition.description,
    logger,
    auth: tokenTrust(config),
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    timeouts: httpTimeouts(config),
    readiness: {
      database: async () => void (await sql`select 1`),
      broker: async () => void (await (produces[0] ? bus.endOffsets(produces[0]) : bus.ensureTopics([]))),
    },
  });
  traceRequests(app as never, service);
  const metrics = new ServiceMetrics(service);
  metrics.instrument(app as never);
  metrics.scrape([...backboneFigures(relay, consumer), ...(definition.metrics?.(context) ?? [])]);
  app.get('/health/consumer', { schema: { hide: true } }, async () => ({
    groupId: consumer ? definition.name : null,
    lag: consumer ? await consumer.lag() : 0,
    ...(consumer?.stats ?? {}),
    outboxPending: await relay.pendingCount(),
    published: relay.published,
    relayLeader: relay.relayLeader,
  }));
  if (audited) await auditRoutes(app, db);
  await definition.routes(app, context);
  const url = await app.listen({ host: config.HOST, port: config.PORT });
  // Only now: the start-up work above blocks the event loop for seconds, and a consumer that had joined its group
  // by then could miss its heartbeats and be evicted as soon as it joined.
  await consumer?.start();
  await workers.start();
  return {
    app,
    url,
    context,
    consumer,
    relay,
    stop: async () => {
      await app.close();
      await workers.stop();
      await consumer?.stop();
      await relay.stop();
      await bus.close();
      await close();
    },
  };
}

/** The purge every service runs, and the anonymisation of what it declares it holds about her. */
function privacyWorkers(service: string, context: ServiceContext, personalData: PersonalData | undefined): Worker[] {
  const { config, db, clock, logger } = context;
  const intervalMs = config.PRIVACY_SWEEP_SECONDS * 1_000;
  const purges = [...messagingPurges(config), ...(personalData?.purges ?? [])];
  const workers = [purgeWorker(db, clock, purges, intervalMs, logger)];
  if (personalData) {
    const options = { service, clock, afterDays: config.ANONYMISE_AFTER_DAYS };
    workers.push(anonymisationWorker(db, options, personalData, intervalMs, logger));
  }
  return workers;
}

async function consumerFor<T extends TProperties>(
  definition: ServiceDefinition<T>,
  context: ServiceContext<Static<TObject<T>>>,
  kernel: EventHandlers,
  onOutboxCommitted: () => void,
): Promise<InboxConsumer> {
  const unit = { service: definition.name, clock: context.clock };
  const plumbing = plumbingFor<ServiceContext<Static<TObject<T>>>>(definition.consumes, context, unit, kernel);
  const groupId = definition.name;
  await context.bus.ensureTopics([deadLetterTopicFor(groupId), ...plumbing.topics]);
  const consumer = new InboxConsumer({
    groupId,
    topics: plumbing.topics,
    deadLetterTopic: deadLetterTopicFor(groupId),
    db: context.db,
    bus: context.bus,
    logger: context.logger,
    handlers: plumbing.handlers,
    ...(plumbing.applyBatch ? { applyBatch: plumbing.applyBatch } : {}),
    onOutboxCommitted,
  });
  return consumer;
}

function backboneFigures(relay: OutboxRelay, consumer: InboxConsumer | undefined): ScrapedFigure[] {
  const figures: ScrapedFigure[] = [
    {
      name: 'resettle_outbox_pending',
      help: 'Events committed but not yet on Kafka',
      read: () => relay.pendingCount(),
    },
    {
      name: 'resettle_outbox_oldest_age_seconds',
      help: 'How long the oldest unpublished event has waited',
      read: () => relay.oldestPendingAgeSeconds(),
    },
    {
      name: 'resettle_outbox_relay_leader',
      help: '1 while this instance holds the relay lock and publishes the outbox, else 0',
      read: async () => (relay.relayLeader ? 1 : 0),
    },
    {
      name: 'resettle_outbox_published',
      help: 'Events this instance has published',
      read: async () => relay.published,
    },
  ];
  if (!consumer) return figures;
  return [
    ...figures,
    { name: 'resettle_consumer_lag', help: 'Events on its topics not yet applied', read: () => consumer.lag() },
    {
      name: 'resettle_consumer_events',
      help: 'Events this instance has consumed, by outcome',
      labelNames: ['outcome'],
      read: async () => [
        { labels: { outcome: 'applied' }, value: consumer.stats.applied },
        { labels: { outcome: 'duplicate' }, value: consumer.stats.duplicates },
        { labels: { outcome: 'dead-lettered' }, value: consumer.stats.deadLettered },
      ],
    },
  ];
}
