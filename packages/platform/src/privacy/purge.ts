import type { Database, Transaction } from '@resettle/messaging';
import { type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import type { Clock } from '../kernel/unit-of-work.js';
import { everyInterval, type Worker } from '../kernel/workers.js';
import type { Purge } from './personal-data.js';
import { daysBefore } from './settings.js';

export const PURGE_BATCH = 1_000;

export interface PurgeSettings {
  OUTBOX_RETENTION_DAYS: number;
  INBOX_RETENTION_DAYS: number;
  DEAD_LETTER_RETENTION_DAYS: number;
}

/** Deletes one batch of rows older than `before` in one statement, and says how many went. */
type DeleteBatch = (tx: Transaction, before: Date, limit: number) => Promise<number>;

const counted = async (tx: Transaction, statement: SQL): Promise<number> => {
  const rows = await tx.execute<{ n: number }>(
    sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
};

/** Published events: the relay is done with them; whole payloads, clinical detail included, would otherwise stay. */
const publishedOutbox: DeleteBatch = (tx, before, limit) =>
  counted(
    tx,
    sql`delete from outbox where seq in (select seq from outbox where published_at is not null and published_at < ${before.toISOString()}::timestamptz order by seq limit ${limit})`,
  );

const inboxWith =
  (outcomes: SQL): DeleteBatch =>
  (tx, before, limit) =>
    // A person still held behind a dead letter keeps her rows: an operator releasing her needs them.
    counted(
      tx,
      sql`delete from inbox where (consumer_group, event_id) in (
      select i.consumer_group, i.event_id from inbox i
      where i.outcome in ${outcomes} and i.processed_at < ${before.toISOString()}::timestamptz
        and not exists (select 1 from held_people h where h.consumer_group = i.consumer_group and h.person_id = i.person_id)
      limit ${limit})`,
    );

/** The plumbing's stores every service has, with their retention; a service adds its own (`PersonalData.purges`). */
export function messagingPurges(settings: PurgeSettings): Purge[] {
  return [
    { what: 'published outbox events', retentionDays: settings.OUTBOX_RETENTION_DAYS, deleteBatch: publishedOutbox },
    {
      what: 'inbox records of applied events',
      retentionDays: settings.INBOX_RETENTION_DAYS,
      deleteBatch: inboxWith(sql`('applied')`),
    },
    {
      what: 'inbox records of dead-lettered and held events',
      retentionDays: settings.DEAD_LETTER_RETENTION_DAYS,
      deleteBatch: inboxWith(sql`('dead-lettered', 'held')`),
    },
  ];
}

export interface PurgeOutcome {
  what: string;
  deleted: number;
}

/**
 * Deletes what has outlived its retention, a batch per transaction; each batch that deletes anything leaves an audit row
 * in the same transaction naming what, how many and the cut-off (never a value), so a crash mid-run loses no record.
 */
export async function purgeExpired(db: Database, clock: Clock, purges: Purge[]): Promise<PurgeOutcome[]> {
  const outcomes: PurgeOutcome[] = [];
  for (const purge of purges) {
    const before = daysBefore(clock(), purge.retentionDays);
    let deleted = 0;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const count = await purge.deleteBatch(tx, before, PURGE_BATCH);
        if (count > 0) {
          await audit(tx, null, {
            action: 'purge',
            resourceId: purge.what,
            categories: [],
            outcome: 'allowed',
            justification: `${count} ${purge.what} older than ${purge.retentionDays} days (before ${before.toISOString()})`,
          });
        }
        return count;
      });
      deleted += batch;
      if (batch < PURGE_BATCH) break;
    }
    outcomes.push({ what: purge.what, deleted });
  }
  return outcomes;
}

export function purgeWorker(db: Database, clock: Clock, purges: Purge[], intervalMs: number, logger: Logger): Worker {
  return everyInterval(
    'purge',
    intervalMs,
    async () => {
      const outcomes = await purgeExpired(db, clock, purges);
      const deleted = outcomes.filter((outcome) => outcome.deleted > 0);
      if (deleted.length > 0) logger.info({ purged: deleted }, 'purged what outlived its retention');
    },
    logger,
  );
}
