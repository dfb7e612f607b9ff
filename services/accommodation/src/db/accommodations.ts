import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, count, eq } from 'drizzle-orm';
import { accommodations } from './schema.js';

export type AccommodationRow = typeof accommodations.$inferSelect;
export type NewAccommodationRow = typeof accommodations.$inferInsert;

export async function insertAccommodation(db: DatabaseOrTransaction, row: NewAccommodationRow) {
  const [inserted] = await db.insert(accommodations).values(row).returning();
  return inserted!;
}

export async function findAccommodation(db: DatabaseOrTransaction, id: string) {
  const [row] = await db.select().from(accommodations).where(eq(accommodations.id, id));
  return row;
}

export async function updateAccommodation(
  db: DatabaseOrTransaction,
  current: AccommodationRow,
  changes: Partial<NewAccommodationRow>,
  at: Date,
): Promise<AccommodationRow> {
  const [row] = await db
    .update(accommodations)
    .set({ ...changes, revision: current.revision + 1, updatedAt: at })
    .where(eq(accommodations.id, current.id))
    .returning();
  return row!;
}

export function accommodationsForRelease(db: DatabaseOrTransaction, releaseId: string) {
  return db
    .select()
    .from(accommodations)
    .where(eq(accommodations.releaseId, releaseId))
    .orderBy(asc(accommodations.createdAt), asc(accommodations.id));
}

/** Every record for her, over all her releases. */
export function accommodationsOf(db: DatabaseOrTransaction, personId: string) {
  return db.select().from(accommodations).where(eq(accommodations.personId, personId));
}

/** How many places proposed for her have been found not suitable, over all her releases. */
export async function declinedProposalsOf(db: DatabaseOrTransaction, personId: string): Promise<number> {
  const [row] = await db
    .select({ declined: count() })
    .from(accommodations)
    .where(and(eq(accommodations.personId, personId), eq(accommodations.safeguardingReview, 'not-suitable')));
  return row?.declined ?? 0;
}
