import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type HandoffStatus, HELD_BY_PROVIDER, LIVE, SEEN_BY_PROVIDER } from '../domain/index.js';
import { handoffs } from './schema.js';

export type HandoffRow = typeof handoffs.$inferSelect;
export type NewHandoff = typeof handoffs.$inferInsert;

export async function findHandoff(db: DatabaseOrTransaction, id: string): Promise<HandoffRow | undefined> {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id));
  return row;
}

/** Inserts a handoff, or nothing (undefined) when the release already has a live one (the partial unique index). */
export async function insertHandoff(db: DatabaseOrTransaction, handoff: NewHandoff): Promise<HandoffRow | undefined> {
  const [row] = await db.insert(handoffs).values(handoff).onConflictDoNothing().returning();
  return row;
}

/** The handoff that stands for her treatment: the live one, else the one most recently ended (declined, withdrawn). */
export async function standingHandoff(db: DatabaseOrTransaction, releaseId: string): Promise<HandoffRow | undefined> {
  const all = await handoffsOfRelease(db, releaseId);
  return all.find((handoff) => LIVE.includes(handoff.status)) ?? all[0];
}

/** Every handoff booked for a release, latest first. */
export function handoffsOfRelease(db: DatabaseOrTransaction, releaseId: string): Promise<HandoffRow[]> {
  return db
    .select()
    .from(handoffs)
    .where(eq(handoffs.releaseId, releaseId))
    .orderBy(desc(handoffs.updatedAt), desc(handoffs.id));
}

/** The change applies only to the revision it was decided on; undefined when someone changed it meanwhile. */
export async function updateHandoff(
  db: DatabaseOrTransaction,
  row: HandoffRow,
  changes: Partial<HandoffRow>,
): Promise<HandoffRow | undefined> {
  const [updated] = await db
    .update(handoffs)
    .set({ ...changes, revision: row.revision + 1, updatedAt: new Date() })
    .where(and(eq(handoffs.id, row.id), eq(handoffs.revision, row.revision)))
    .returning();
  return updated;
}

export function handoffsHeldForRelease(db: DatabaseOrTransaction, releaseId: string): Promise<HandoffRow[]> {
  return db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.releaseId, releaseId), inArray(handoffs.status, [...HELD_BY_PROVIDER])));
}

export async function providerInbox(
  db: DatabaseOrTransaction,
  query: { providerId: string; status?: HandoffStatus; page: number; pageSize: number },
): Promise<{ items: HandoffRow[]; total: number }> {
  const conditions: SQL[] = [eq(handoffs.providerId, query.providerId)];
  if (query.status) conditions.push(eq(handoffs.status, query.status));
  conditions.push(inArray(handoffs.status, [...SEEN_BY_PROVIDER]));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(handoffs)
      .where(where)
      .orderBy(desc(handoffs.updatedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(handoffs).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}
