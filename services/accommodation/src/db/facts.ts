import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import { releases, treatmentProviders } from './schema.js';

export type KnownRelease = typeof releases.$inferSelect;
export type ProviderArea = typeof treatmentProviders.$inferSelect;

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<KnownRelease | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

export async function saveRelease(db: DatabaseOrTransaction, release: Omit<KnownRelease, 'updatedAt'>) {
  const changes = { ...release, updatedAt: new Date() };
  await db.insert(releases).values(changes).onConflictDoUpdate({ target: releases.releaseId, set: changes });
}

export async function markReleaseCancelled(db: DatabaseOrTransaction, releaseId: string): Promise<void> {
  await db
    .update(releases)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(eq(releases.releaseId, releaseId));
}

export async function findProviderArea(db: DatabaseOrTransaction, releaseId: string) {
  const [row] = await db.select().from(treatmentProviders).where(eq(treatmentProviders.releaseId, releaseId));
  return row;
}

export async function saveProviderArea(db: DatabaseOrTransaction, area: Omit<ProviderArea, 'updatedAt'>) {
  const changes = { ...area, updatedAt: new Date() };
  await db
    .insert(treatmentProviders)
    .values(changes)
    .onConflictDoUpdate({ target: treatmentProviders.releaseId, set: changes });
}
