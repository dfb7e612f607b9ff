// A consumer in its own process that SIGKILLs itself right after the effect of one chosen event has committed,
// before the offset is committed: the crash the inbox exists for.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { InboxConsumer } from '../consumer.js';
import { createEventBus } from '../kafka.js';
import { noteOf, quietLogger } from './events.js';
import * as schema from './schema.js';

const { DATABASE_URL, KAFKA_BROKERS, TOPIC, DLQ_TOPIC, GROUP_ID, CRASH_AFTER_NOTE, NAMESPACE } = process.env;
const sql = postgres(DATABASE_URL ?? '', { max: 2, onnotice: () => {} });
const db = drizzle(sql, { schema });
const bus = createEventBus({
  brokers: (KAFKA_BROKERS ?? '').split(','),
  clientId: 'crashing',
  logger: quietLogger,
  namespace: NAMESPACE ?? '',
});
const consumer = new InboxConsumer({
  groupId: GROUP_ID ?? '',
  topics: [TOPIC ?? ''],
  deadLetterTopic: DLQ_TOPIC ?? '',
  db,
  bus,
  logger: quietLogger,
  handlers: {
    'release.cancelled@v1': async (tx, event) => {
      await tx.insert(schema.effects).values({ eventId: event.id, personId: event.personId, note: noteOf(event) });
    },
  },
  onApplied: (event) => {
    if (noteOf(event) === CRASH_AFTER_NOTE) process.kill(process.pid, 'SIGKILL');
  },
});
await consumer.start();
process.send?.('started');
