import { type DatabaseOrTransaction, insertNewRowsReturning } from '@resettle/messaging';
import { and, asc, count, eq, gte, lte, type SQL } from 'drizzle-orm';
import { releases } from './schema.js';

export type ReleaseRow = typeof releases.$inferSelect;
export type NewReleaseRow = typeof releases.$inferInsert;

/** What a booking sets; the revision, the gate's passing and the times of the row take their defaults. */
const SCHEDULED_RELEASE_KEYS = [
  'id',
  'personId',
  'prisonCode',
  'probationRegion',
  'legalReleaseDate',
  'releaseDate',
  'gateTime',
  'gateAt',
  'releaseFrom',
  'eligibility',
  'secondDayApproved',
  'rulesApplied',
  'weekendCoverPlanRequired',
  'shortNotice',
  'shortNoticeReason',
  'shortSentence',
  'status',
  'overrideReason',
] as const satisfies readonly (keyof NewReleaseRow)[];

export type ScheduledReleaseRow = Pick<NewReleaseRow, (typeof SCHEDULED_RELEASE_KEYS)[number]>;

/** Inserts a scheduled release, or nothing (undefined) when she already has one. */
export async function insertScheduledRelease(
  db: DatabaseOrTransaction,
  release: ScheduledReleaseRow,
): Promise<ReleaseRow | undefined> {
  const [row] = await insertNewRowsReturning(db, releases, SCHEDULED_RELEASE_KEYS, [release]);
  return row;
}

export async function findRelease(db: DatabaseOrTransaction, id: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.id, id));
  return row;
}

/** Optimistic update: applies only if nobody changed the release since `revision` was read. */
export async function updateRelease(
  db: DatabaseOrTransaction,
  id: string,
  revision: number,
  changes: Partial<NewReleaseRow>,
): Promise<ReleaseRow | undefined> {
  const [row] = await db
    .update(releases)
    .set({ ...changes, revision: revision + 1, updatedAt: new Date() })
    .where(and(eq(releases.id, id), eq(releases.revision, revision)))
    .returning();
  return row;
}

export interface ReleaseListQuery {
  prisonCode?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listReleases(db: DatabaseOrTransaction, query: ReleaseListQuery) {
  const conditions: SQL[] = [];
  if (query.prisonCode) conditions.push(eq(releases.prisonCode, query.prisonCode));
  if (query.from) conditions.push(gte(releases.releaseDate, query.from));
  if (query.to) conditions.push(lte(releases.releaseDate, query.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(releases)
      .where(where)
      .orderBy(asc(releases.releaseDate), asc(releases.gateAt), asc(releases.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(releases).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
