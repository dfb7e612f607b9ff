import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { outbox } from '@resettle/messaging';
import { connectDatabase } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually, freshDatabase } from '@resettle/testing';
import { asc } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';
import * as schema from '../db/schema.js';
import { eventsFor } from '../domain/events.fixture.js';
import { upstreamFeed } from '../test-support/feed.js';
import { prepareRebuild, type RebuildProgress, rebuildPassports, rebuildShare } from './rebuild-passports.js';

const run = promisify(execFile);
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('rebuilding passports from the topics', () => {
  let service: TestService;
  let feed: Awaited<ReturnType<typeof upstreamFeed>>;

  beforeAll(async () => {
    service = await startTestService(passport, { clock, env: { RISK_SWEEP_SECONDS: '0' } });
    feed = await upstreamFeed(service.namespace);
  });
  afterAll(async () => {
    await feed.close();
    await service.close();
  });

  /** The service's environment, rebuilding into `databaseUrl` from the topics of this test's namespace. */
  const envFor = (databaseUrl: string) => ({
    DATABASE_URL: databaseUrl,
    ...service.kafkaEnv,
    AT_RISK_WORKING_DAYS: '10',
    EVENING_CUTOFF: '17:00',
  });

  const passportsIn = (db: TestService['context']['db']) =>
    db
      .select({ releaseId: schema.passports.releaseId, passport: schema.passports.passport })
      .from(schema.passports)
      .orderBy(asc(schema.passports.releaseId));

  it('produces passports and outcomes equal to the live ones, publishing nothing', async () => {
    const moved = eventsFor('A3001AA');
    const released = eventsFor('A3002AA');
    const early = eventsFor('A3003AA');
    const court = { shortNotice: true, shortNoticeReason: 'COURT' as const };
    await feed.publish(
      // From before revisions: a v1 schedule (revision 0) and verdicts on it, then a v2 move.
      moved.scheduledV1('2026-11-18'),
      moved.booked(),
      moved.accommodationConfirmed('2026-11-18'),
      moved.transportArranged('2026-11-18'),
      ...moved.allComplete(),
      moved.rescheduled('2026-11-18', '2026-11-17', '09:30', {}, 2),
      moved.judged('accommodation', 'complete'),
      moved.judged('transport', 'at-risk', { reasons: ['Travel is arranged for the day before'] }),
      // A verdict that overtakes the schedule; then she leaves and the owners judge the gate passing.
      released.judged('treatment', 'complete', { revision: 1 }),
      released.scheduled('2026-11-19', '10:00', court),
      released.judged('release', 'complete'),
      released.occurred('2026-11-19', '14:10'),
      released.judged('release', 'complete'),
      released.judged('treatment', 'complete'),
      released.judged('accommodation', 'complete'),
      released.judged('transport', 'at-risk', { reasons: ['She passed the gate after the transport left'] }),
      early.transportArranged('2026-11-25'),
      early.judged('transport', 'complete', { revision: 1 }),
    );
    await eventually(async () => {
      expect(await service.consumer!.lag()).toBe(0);
      expect(await passportsIn(service.context.db)).toHaveLength(3);
      const outcomes = await service.context.db.select().from(schema.releaseOutcomes);
      expect(outcomes).toMatchObject([{ awaitingReCheck: false, complete: false }]);
    });
    const live = await passportsIn(service.context.db);

    const database = await freshDatabase('passport-rebuild');
    const progress: RebuildProgress[] = [];
    const result = await rebuildPassports({
      env: envFor(database.url),
      logger: pino({ level: 'silent' }),
      clock,
      onProgress: (step) => progress.push(step),
      pollMs: 100,
    });
    expect(result).toMatchObject({ done: 21, total: 21 });
    expect(progress.at(-1)?.done).toBe(21);

    const rebuilt = connectDatabase(database.url, schema);
    try {
      expect(await passportsIn(rebuilt.db)).toEqual(live);
      const outcomes = await rebuilt.db.select().from(schema.releaseOutcomes);
      expect(outcomes).toEqual(await service.context.db.select().from(schema.releaseOutcomes));
      expect(await rebuilt.db.select().from(outbox)).toEqual([]);
      const timelineOf = async (db: TestService['context']['db']) =>
        (await db.select().from(schema.passportTimeline))
          .map(({ releaseId, at, eventId, eventType, source, correlationId, summary }) =>
            [releaseId, at.toISOString(), eventId, eventType, source, correlationId, summary].join(' | '),
          )
          .sort();
      // The narrative depends on the order the topics interleave in, so it is not equal line for line; but the
      // lines written by COPY read back exactly as the live inserts do wherever the same change was seen.
      const timeline = await timelineOf(rebuilt.db);
      const liveTimeline = new Set(await timelineOf(service.context.db));
      expect(timeline.length).toBeGreaterThan(10);
      expect(timeline.filter((line) => liveTimeline.has(line)).length).toBeGreaterThan(timeline.length / 2);
    } finally {
      await rebuilt.close();
      await database.drop();
    }

    // Holding one passport at a time in memory (each written and let go, then loaded again for her next event) gives
    // the same passports, outcomes and timeline length: memory is bounded without changing the result.
    const bounded = await freshDatabase('passport-rebuild-bounded');
    const rebuiltBounded = connectDatabase(bounded.url, schema);
    try {
      const again = await rebuildPassports({
        env: envFor(bounded.url),
        logger: pino({ level: 'silent' }),
        clock,
        pollMs: 100,
        residentPassports: 1,
      });
      expect(again).toMatchObject({ done: 21, total: 21 });
      expect(await passportsIn(rebuiltBounded.db)).toEqual(live);
      const outcomes = await rebuiltBounded.db.select().from(schema.releaseOutcomes);
      expect(outcomes).toEqual(await service.context.db.select().from(schema.releaseOutcomes));
      const revisions = (db: TestService['context']['db']) =>
        db
          .select({ releaseId: schema.passports.releaseId, revision: schema.passports.revision })
          .from(schema.passports)
          .orderBy(asc(schema.passports.releaseId));
      expect(await revisions(rebuiltBounded.db)).toEqual(await revisions(service.context.db));
    } finally {
      await rebuiltBounded.close();
      await bounded.drop();
    }
  });

  it('refuses to rebuild into a database that already holds passports', async () => {
    await expect(
      rebuildPassports({ env: envFor(service.database.url), logger: pino({ level: 'silent' }) }),
    ).rejects.toThrow(/fresh one/);
  });

  it('folds each share of the women once: two shares give the passports one whole rebuild gives', async () => {
    const live = await passportsIn(service.context.db);
    const database = await freshDatabase('passport-rebuild-shares');
    const rebuilt = connectDatabase(database.url, schema);
    try {
      const options = { env: envFor(database.url), logger: pino({ level: 'silent' }), clock, pollMs: 100 };
      const ends = await prepareRebuild(options);
      const first = await rebuildShare({ ...options, ends, share: { index: 0, count: 2 } });
      expect(first).toMatchObject({ done: 21, total: 21 });
      const firstShare = (await passportsIn(rebuilt.db)).length;
      // The three women are split between the shares, neither share holding all or none of them.
      expect(firstShare).toBeGreaterThan(0);
      expect(firstShare).toBeLessThan(live.length);
      await rebuildShare({ ...options, ends, share: { index: 1, count: 2 } });
      expect(await passportsIn(rebuilt.db)).toEqual(live);
    } finally {
      await rebuilt.close();
      await database.drop();
    }
  });

  it('runs as a command on two threads, drawing its progress on stderr', async () => {
    const live = await passportsIn(service.context.db);
    const database = await freshDatabase('passport-rebuild-cli');
    try {
      const cli = fileURLToPath(new URL('../rebuild.ts', import.meta.url));
      const { stderr } = await run(
        process.execPath,
        ['--import', 'tsx', cli, '--database-url', database.url, '--workers', '2'],
        { env: { ...process.env, ...service.kafkaEnv } },
      );
      expect(stderr).toMatch(/\[#{30}\] 21\/21 events {2}100\.0% {2}\d+ events\/s/);
      expect(stderr).toMatch(/rebuilt from 21 events in [\d.]+ s on 2 threads/);
      const rebuilt = connectDatabase(database.url, schema);
      try {
        expect(await passportsIn(rebuilt.db)).toEqual(live);
      } finally {
        await rebuilt.close();
      }
    } finally {
      await database.drop();
    }
  });
});
