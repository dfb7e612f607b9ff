import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type EventEnvelope, TOPICS } from '@resettle/contracts';
import { freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { InboxConsumer } from '../consumer.js';
import { preparingEveryQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import { createEventBus, type EventBus, isLoginRefused, type KafkaSecurity } from '../kafka.js';
import { appendToOutbox, transactThenWakeRelay } from '../outbox.js';
import { noteOf, quietLogger } from './events.js';
import * as schema from './schema.js';

export { cancelledEvent, noteOf, quietLogger } from './events.js';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Harness {
  database: TestDatabase;
  sql: Sql;
  db: Database;
  bus: EventBus;
  prefix: string;
  topic: string;
  close(): Promise<void>;
}

/**
 * A fresh database with the outbox/inbox tables, and a bus in its own topic namespace on the given (or shared) broker;
 * `replicationFactor` for a cluster's brokers, `security` for brokers with SASL_SSL.
 */
export async function createHarness(
  label: string,
  brokers = testInfra().kafkaBrokers,
  options: { databaseUrl?: string; replicationFactor?: number; security?: KafkaSecurity } = {},
): Promise<Harness> {
  const database = await freshDatabase(label);
  const migrator = postgres(database.url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(migrator), { migrationsFolder });
  await migrator.end();
  const sql = postgres(options.databaseUrl ?? database.url, { max: 5, onnotice: () => {} });
  const db = drizzle(preparingEveryQuery(sql), { schema });
  const prefix = uniqueTopicPrefix(label);
  const { replicationFactor, security } = options;
  const bus = createEventBus({
    brokers,
    clientId: label,
    logger: quietLogger,
    namespace: prefix,
    replicationFactor,
    security,
  });
  const topic = TOPICS.releaseScheduling;
  await loginRetried(() => bus.ensureTopics([topic, 'dlq']), label);
  return {
    database,
    sql,
    db,
    bus,
    prefix,
    topic,
    close: async () => {
      await bus.close();
      await sql.end({ timeout: 2 });
      await database.drop();
    },
  };
}

/**
 * A secured cluster's nodes learn their users from the metadata log as they start. CI once saw the admin's first login
 * to a three-node cluster that had just started refused as invalid credentials (stop 32); nine runs here, four of them
 * on a loaded machine, did not repeat it. So a refused first login is tried again, and said, for up to 60 s.
 */
async function loginRetried(connect: () => Promise<void>, label: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await connect();
    } catch (error) {
      if (!isLoginRefused(error) || Date.now() > deadline) throw error;
      console.warn(`${label}: the brokers refused the first login (${error.message}); trying again`);
      await sleep(1_000);
    }
  }
}

/** A consumer that records one `effects` row per applied event. */
export function effectsConsumer(harness: Harness, groupId: string, db: Database = harness.db): InboxConsumer {
  return new InboxConsumer({
    groupId,
    topics: [harness.topic],
    deadLetterTopic: 'dlq',
    db,
    bus: harness.bus,
    logger: quietLogger,
    handlers: {
      'release.cancelled@v1': async (tx, event) => {
        if (noteOf(event) === 'poison') throw new Error('this event breaks a rule every time');
        await tx.insert(schema.effects).values({ eventId: event.id, personId: event.personId, note: noteOf(event) });
      },
    },
  });
}

/** As a service writes: in a transaction, then `outboxCommitted` (a relay's) once it has committed. */
export async function writeToOutbox(
  harness: Harness,
  events: EventEnvelope[],
  outboxCommitted?: () => void,
): Promise<void> {
  await transactThenWakeRelay(harness.db, (tx) => appendToOutbox(tx, events), outboxCommitted);
}

export async function effectRows(sql: Sql): Promise<{ event_id: string; person_id: string; note: string }[]> {
  return sql`select event_id, person_id, note from effects order by seq`;
}
