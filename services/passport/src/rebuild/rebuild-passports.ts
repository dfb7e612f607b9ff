import { deadLetterTopicFor, topicName } from '@resettle/contracts';
import { createEventBus, InboxConsumer } from '@resettle/messaging';
import { type Clock, connectDatabase, migrateDatabase } from '@resettle/platform';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { PASSPORT_TOPICS, passport } from '../app.js';
import * as schema from '../db/schema.js';
import { foldPassports, type PassportServiceSettings, passportHandlers } from '../events/handlers.js';

export interface RebuildProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface RebuildOptions {
  databaseUrl: string;
  brokers: string[];
  topicPrefix: string;
  settings: PassportServiceSettings;
  logger: Logger;
  /** A fresh consumer group: every topic is read from the beginning. */
  groupId: string;
  clock?: Clock;
  onProgress?: (progress: RebuildProgress) => void;
  pollMs?: number;
}

/**
 * Rebuilds every passport from the upstream topics into a fresh database with the live fold (publishing nothing:
 * the passport events went out when the passports were first built). Stops once it has caught up with the end
 * offsets taken at the start.
 */
export async function rebuildPassports(options: RebuildOptions): Promise<RebuildProgress> {
  await migrateDatabase(options.databaseUrl, passport.migrationsFolder);
  const { db, close } = connectDatabase(options.databaseUrl, schema, { max: 4 });
  const bus = createEventBus({ brokers: options.brokers, clientId: 'passport-rebuild', logger: options.logger });
  try {
    const [existing] = await db.select({ passports: count() }).from(schema.passports);
    if ((existing?.passports ?? 0) > 0)
      throw new Error('the database already holds passports: rebuild into a fresh one');
    const topics = PASSPORT_TOPICS.map((topic) => topicName(topic, options.topicPrefix));
    const deadLetterTopic = deadLetterTopicFor(`${options.topicPrefix}passport-rebuild`);
    await bus.ensureTopics([...topics, deadLetterTopic]);
    const total = await endOffsetTotal(bus, topics);
    const context = {
      config: options.settings,
      clock: options.clock ?? (() => new Date()),
      topicPrefix: options.topicPrefix,
    };
    const consumer = new InboxConsumer({
      groupId: options.groupId,
      topics,
      deadLetterTopic,
      db,
      bus,
      logger: options.logger,
      handlers: passportHandlers(context, { publish: false }),
      applyBatch: foldPassports(context, { publish: false }),
    });
    const started = Date.now();
    await consumer.start();
    try {
      for (;;) {
        const done = Math.min(total, (await endOffsetTotal(bus, topics)) - (await consumer.lag()));
        const progress = { done, total, elapsedMs: Date.now() - started };
        options.onProgress?.(progress);
        if (done >= total) return progress;
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
      }
    } finally {
      await consumer.stop();
    }
  } finally {
    await bus.close();
    await close();
  }
}

async function endOffsetTotal(bus: ReturnType<typeof createEventBus>, topics: string[]): Promise<number> {
  let total = 0;
  for (const topic of topics) {
    for (const high of (await bus.endOffsets(topic)).values()) total += Number(high);
  }
  return total;
}
