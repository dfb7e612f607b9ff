import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { handoffs, providers, releases } from './schema.js';

export type HandoffRow = typeof handoffs.$inferSelect;
export type ReleaseRow = typeof releases.$inferSelect;

export async function findHandoff(db: DatabaseOrTransaction, id: string): Promise<HandoffRow | undefined> {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id));
  return row;
}

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

export async function findProvider(db: DatabaseOrTransaction, providerId: string) {
  const [row] = await db.select().from(providers).where(eq(providers.providerId, providerId));
  return row;
}

export async function updateHandoff(db: DatabaseOrTransaction, row: HandoffRow, changes: Partial<HandoffRow>) {
  const [updated] = await db
    .update(handoffs)
    .set({ ...changes, revision: row.revision + 1, updatedAt: new Date() })
    .where(and(eq(handoffs.id, row.id), eq(handoffs.revision, row.revision)))
    .returning();
  return updated;
}

export function handoffsHeldForRelease(db: DatabaseOrTransaction, releaseId: string) {
  return db
    .select()
    .from(handoffs)
    .where(
      and(eq(handoffs.releaseId, releaseId), inArray(handoffs.status, ['sent', 'accepted', 'needs-reconfirmation'])),
    );
}

export async function providerInbox(
  db: DatabaseOrTransaction,
  query: { providerId: string; status?: string; page: number; pageSize: number },
) {
  const conditions: SQL[] = [eq(handoffs.providerId, query.providerId)];
  if (query.status) conditions.push(eq(handoffs.status, query.status));
  conditions.push(inArray(handoffs.status, ['sent', 'accepted', 'declined', 'needs-reconfirmation']));
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
