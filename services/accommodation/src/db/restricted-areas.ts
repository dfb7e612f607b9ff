import { randomUUID } from 'node:crypto';
import type { DatabaseOrTransaction } from '@resettle/messaging';
import { asc, eq } from 'drizzle-orm';
import type { RestrictedArea } from '../domain/index.js';
import { restrictedAreas } from './schema.js';

export async function restrictedAreasOf(db: DatabaseOrTransaction, personId: string): Promise<RestrictedArea[]> {
  const rows = await db
    .select({ kind: restrictedAreas.kind, value: restrictedAreas.value })
    .from(restrictedAreas)
    .where(eq(restrictedAreas.personId, personId))
    .orderBy(asc(restrictedAreas.kind), asc(restrictedAreas.value));
  return rows;
}

/** Replaces her whole list: the probation practitioner always sends what is true now. */
export async function replaceRestrictedAreas(
  db: DatabaseOrTransaction,
  personId: string,
  areas: readonly RestrictedArea[],
  recordedBy: string,
  recordedAt: Date,
): Promise<void> {
  await db.delete(restrictedAreas).where(eq(restrictedAreas.personId, personId));
  if (areas.length === 0) return;
  await db
    .insert(restrictedAreas)
    .values(
      areas.map((area) => ({ id: randomUUID(), personId, ...area, value: area.value.trim(), recordedBy, recordedAt })),
    );
}
