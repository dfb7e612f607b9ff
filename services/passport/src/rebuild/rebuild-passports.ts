import { topicName } from '@resettle/contracts';
import { createEventBus, type EventBus } from '@resettle/messaging';
import { type Clock, connectDatabase, migrateDatabase } from '@resettle/platform';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { PASSPORT_TOPICS, passport } from '../app.js';
import * as schema from '../db/schema.js';
import { domainSettings, PASSPORT_EVENT_KEYS, type PassportServiceSettings } from '../events/handlers.js';
import { BulkFold } from './bulk-fold.js';
import { EndOfTopics } from './end-of-topics.js';

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
 * Rebuilds every passport from the upstream topics into a fresh database with the live fold, publishing nothing (the
 * passport events went out when the passports were first built). Reads up to the end offsets taken at the start.
 * The database must be empty; a rebuild that stops part-way leaves one to drop and rebuild into afresh.
 */
export async function rebuildPassports(options: RebuildOptions): Promise<RebuildProgress> {
  await migrateDatabase(options.databaseUrl, passport.migrationsFolder);
  const { db, sql, close } = connectDatabase(options.databaseUrl, schema, { max: 2 });
  const bus = createEventBus({ brokers: options.brokers, clientId: 'passport-rebuild', logger: options.logger });
  try {
    const [existing] = await db.select({ passports: count() }).from(schema.passports);
    if ((existing?.passports ?? 0) > 0)
      throw new Error('the database already holds passports: rebuild into a fresh one');
    const topics = PASSPORT_TOPICS.map((topic) => topicName(topic, options.topicPrefix));
    await bus.ensureTopics(topics);
    const end = await EndOfTopics.take(bus, topics);
    const fold = new BulkFold(new Set(PASSPORT_EVENT_KEYS), {
      settings: domainSettings(options.settings),
      now: (options.clock ?? (() => new Date()))(),
      topicPrefix: '',
      publish: false,
    });
    const started = Date.now();
    const progress = () => ({ done: end.done(), total: end.total, elapsedMs: Date.now() - started });
    await readToEnd(bus, options, topics, end, progress, async (messages) => {
      for (const message of messages) if (end.includes(message)) fold.fold(message);
      await fold.flushTimeline(sql);
    });
    await fold.finish(db, sql);
    if (fold.counts.unusable > 0) options.logger.warn(fold.counts, 'events the rebuild could not apply');
    const finished = progress();
    options.onProgress?.(finished);
    return finished;
  } finally {
    await bus.close();
    await close();
  }
}

async function readToEnd(
  bus: EventBus,
  options: RebuildOptions,
  topics: string[],
  end: EndOfTopics,
  progress: () => RebuildProgress,
  foldMessages: (messages: Parameters<EndOfTopics['includes']>[0][]) => Promise<void>,
): Promise<void> {
  const subscription = await bus.subscribe({
    groupId: options.groupId,
    topics,
    fromBeginning: true,
    maxBatchSize: 10_000,
    handleBatch: async (messages) => {
      await foldMessages(messages);
      for (const message of messages) end.passed(message);
    },
  });
  try {
    while (!end.reached()) {
      options.onProgress?.(progress());
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
    }
  } finally {
    await subscription.stop();
  }
}
