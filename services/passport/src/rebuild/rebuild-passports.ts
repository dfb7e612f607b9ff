import { randomUUID } from 'node:crypto';
import { rebuildGroupPrefix, topicsOfEvents } from '@resettle/contracts';
import type { EventBus } from '@resettle/messaging';
import { type Clock, connectDatabase, eventBusFor, loadConfig, prepareDatabase } from '@resettle/platform';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { passport } from '../app.js';
import * as schema from '../db/schema.js';
import { PASSPORT_EVENT_KEYS } from '../domain/index.js';
import { domainSettings } from '../settings.js';
import { BulkFold } from './bulk-fold.js';
import { EndOfTopics } from './end-of-topics.js';
import { holds, type Share, WHOLE } from './share.js';

/** How far (by the time events were written) one topic's read may run ahead of the slowest. */
const IN_STEP_MS = 1_000;
/** A fresh group is joined in seconds; one not joined in this long was refused (or the broker is away): stop and say so. */
const JOIN_WITHIN_MS = 60_000;

export interface RebuildProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

/** A new consumer group, so every topic is read from the beginning; the broker lets passport make groups so named. */
export const freshRebuildGroup = () => `${rebuildGroupPrefix('passport')}${randomUUID()}`;

export interface RebuildOptions {
  /** The service's environment, read as the service reads it; DATABASE_URL names the fresh database to fill. */
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** A fresh consumer group: every topic is read from the beginning (by default a new one each time). */
  groupId?: string;
  clock?: Clock;
  onProgress?: (progress: RebuildProgress) => void;
  pollMs?: number;
  /** Passports held in memory before they are written and let go (memory stays bounded however long the year). */
  residentPassports?: number;
}

export interface RebuildResult extends RebuildProgress {
  /** How many times the passports held were written and let go, and how many were loaded again afterwards. */
  letGo: number;
  reloaded: number;
}

/**
 * Rebuilds every passport from the upstream topics into a fresh database with the live fold, publishing nothing (the
 * passport events went out when the passports were first built). Reads up to the end offsets taken at the start.
 * The database must be empty; a rebuild that stops part-way leaves one to drop and rebuild into afresh.
 */
export async function rebuildPassports(options: RebuildOptions): Promise<RebuildResult> {
  const ends = await prepareRebuild(options);
  return rebuildShare({ ...options, ends, share: WHOLE });
}

/** Migrates the fresh database, checks it holds no passports, and takes the end offsets the rebuild reads up to. */
export async function prepareRebuild(options: Pick<RebuildOptions, 'env' | 'logger'>): Promise<EndOfTopics['ends']> {
  const config = loadConfig(passport.settings, options.env, { serving: false });
  await prepareDatabase(config, passport.migrationsFolder, { auditLog: 'auditLog' in passport.schema });
  const { db, close } = connectDatabase(config.DATABASE_URL, schema, { max: 1 });
  const bus = eventBusFor(config, 'passport-rebuild', options.logger);
  try {
    const [existing] = await db.select({ passports: count() }).from(schema.passports);
    if ((existing?.passports ?? 0) > 0)
      throw new Error('the database already holds passports: rebuild into a fresh one');
    const topics = topicsOfEvents(PASSPORT_EVENT_KEYS);
    await bus.ensureTopics(topics);
    return (await EndOfTopics.take(bus, topics)).ends;
  } finally {
    await bus.close();
    await close();
  }
}

export interface ShareOptions extends RebuildOptions {
  /** The end offsets `prepareRebuild` took. */
  ends: EndOfTopics['ends'];
  /** The women this fold is for: every topic is read, and only their events folded. */
  share: Share;
}

/** Folds one share of the women (all of them for `WHOLE`) into the prepared database. */
export async function rebuildShare(options: ShareOptions): Promise<RebuildResult> {
  const config = loadConfig(passport.settings, options.env, { serving: false });
  const { db, sql, close } = connectDatabase(config.DATABASE_URL, schema, { max: 3 });
  const bus = eventBusFor(config, 'passport-rebuild', options.logger);
  try {
    const topics = topicsOfEvents(PASSPORT_EVENT_KEYS);
    const end = new EndOfTopics(options.ends);
    const fold = new BulkFold(
      { settings: domainSettings(config), now: (options.clock ?? (() => new Date()))(), publish: false },
      options.residentPassports,
    );
    const started = Date.now();
    const progress = () => ({ done: end.done(), total: end.total, elapsedMs: Date.now() - started });
    await readToEnd(bus, options, topics, end, progress, (messages) =>
      fold.foldBatch(
        db,
        sql,
        messages.filter((message) => end.includes(message) && holds(options.share, message.key)),
      ),
    );
    await fold.finish(db, sql);
    if (fold.counts.unusable > 0) options.logger.warn(fold.counts, 'events the rebuild could not apply');
    const finished = progress();
    options.onProgress?.(finished);
    return { ...finished, letGo: fold.counts.spills, reloaded: fold.counts.reloaded };
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
    groupId: options.groupId ?? freshRebuildGroup(),
    topics,
    fromBeginning: true,
    maxBatchSize: 10_000,
    // The topics read in the order their events were written, so her events come together while her passport is held.
    inStepWithinMs: IN_STEP_MS,
    joinWithinMs: JOIN_WITHIN_MS,
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
