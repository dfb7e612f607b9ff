import { randomBytes } from 'node:crypto';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import type { TProperties } from '@sinclair/typebox';
import pino from 'pino';
import type { Caller } from '../http/auth.js';
import type { Clock } from '../kernel/unit-of-work.js';
import { type RunningService, type ServiceDefinition, startService } from '../runtime.js';
import { localTokenIssuer } from '../tokens.js';

/** A response as tests read it: status, the JSON body and the headers (lower-case names). */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary JSON response bodies
export type TestAnswer = { status: number; body: any; headers: Record<string, string> };

export interface TestService extends RunningService {
  database: TestDatabase;
  /** The topic namespace this service lives in (its own, unless one was given to share with other services). */
  namespace: string;
  /** The broker and namespace settings, for another process of the same service (a rebuild). */
  kafkaEnv: { KAFKA_BROKERS: string; KAFKA_TOPIC_PREFIX: string };
  tokenFor(caller: Caller): string;
  /** fetch against the running service with a bearer token for `caller`. */
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<TestAnswer>;
  /** The audit rows an answer's request wrote (by its correlation id), oldest first. */
  auditOf(answer: TestAnswer): Promise<AuditRow[]>;
  close(): Promise<void>;
}

export interface AuditRow {
  action: string;
  personId: string | null;
  resourceId: string | null;
  outcome: string;
  sub: string;
  categories: string[];
  /** A list read's women, in the order shown; null on any other row. */
  listed: string[] | null;
}

/** Runs a whole service in this process on a real port, a fresh database and its own topic namespace. */
export async function startTestService<T extends TProperties>(
  definition: ServiceDefinition<T>,
  options: {
    topicPrefix?: string;
    clock?: Clock;
    env?: Record<string, string>;
    kafkaBrokers?: string[];
    /** Where this process's spans go (tracing is off otherwise). */
    spanExporter?: SpanExporter;
  } = {},
): Promise<TestService> {
  const database = await freshDatabase(definition.name);
  const secret = randomBytes(32).toString('hex');
  const topicPrefix = options.topicPrefix ?? uniqueTopicPrefix(definition.name);
  const kafkaBrokers = (options.kafkaBrokers ?? testInfra().kafkaBrokers).join(',');
  const service = await startService(definition, {
    env: {
      DATABASE_URL: database.serviceUrl,
      DATABASE_OWNER_URL: database.ownerUrl,
      KAFKA_BROKERS: kafkaBrokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      JWT_SECRET: secret,
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    },
    clock: options.clock,
    spanExporter: options.spanExporter,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const tokenFor = localTokenIssuer({ secret });
  return {
    ...service,
    database,
    namespace: topicPrefix,
    kafkaEnv: { KAFKA_BROKERS: kafkaBrokers, KAFKA_TOPIC_PREFIX: topicPrefix },
    tokenFor,
    call: async (caller, method, path, body) => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokenFor(caller)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const headers = Object.fromEntries(response.headers.entries());
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers };
    },
    auditOf: async (answer) => {
      const correlationId = answer.headers['x-correlation-id'];
      if (!correlationId) throw new Error('the answer carries no x-correlation-id');
      return service.context.sql<AuditRow[]>`
        select action, person_id as "personId", resource_id as "resourceId", outcome, sub, categories, listed
        from audit_log where correlation_id = ${correlationId} order by id`;
    },
    close: async () => {
      await service.stop();
      await database.drop();
    },
  };
}

export { findBadInputFailures } from './bad-input-suite.js';
export { tableCounts } from './snapshot.js';
export { watchTopic, watchTopicWithVerdicts } from './watch-topic.js';
