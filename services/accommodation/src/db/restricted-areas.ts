import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { RestrictedArea } from '../domain/index.js';
import { restrictedAreas } from './schema.js';

export type RestrictedAreaRow = typeof restrictedAreas.$inferSelect;

const current = (personId: string) => and(eq(restrictedAreas.personId, personId), isNull(restrictedAreas.removedAt));

/** Her restricted areas in force (removed ones are kept but no longer count). */
export async function restrictedAreasOf(db: DatabaseOrTransaction, personId: string): Promise<RestrictedArea[]> {
  return db
    .select({ kind: restrictedAreas.kind, value: restrictedAreas.value })
    .from(restrictedAreas)
    .where(current(personId))
    .orderBy(asc(restrictedAreas.kind), asc(restrictedAreas.value));
}

/** The same, with who recorded each and why: for probation's page. */
export function restrictedAreaRecordsOf(db: DatabaseOrTransaction, personId: string): Promise<RestrictedAreaRow[]> {
  return db
    .select()
    .from(restrictedAreas)
    .where(current(personId))
    .orderBy(asc(restrictedAreas.recordedAt), asc(restrictedAreas.id));
}

export async function findRestrictedArea(db: DatabaseOrTransaction, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(restrictedAreas)
    .where(and(eq(restrictedAreas.id, id), eq(restrictedAreas.personId, personId)));
  return row;
}

export async function insertRestrictedArea(
  db: DatabaseOrTransaction,
  area: Pick<RestrictedAreaRow, 'id' | 'personId' | 'kind' | 'value' | 'reason' | 'recordedBy' | 'recordedAt'>,
): Promise<RestrictedAreaRow> {
  const [row] = await db.insert(restrictedAreas).values(area).returning();
  return row!;
}

export async function markRestrictedAreaRemoved(
  db: DatabaseOrTransaction,
  id: string,
  removal: { removedBy: string; removedAt: Date; removedReason: string },
): Promise<void> {
  await db.update(restrictedAreas).set(removal).where(eq(restrictedAreas.id, id));
}
