import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import { treatmentProviders } from './schema.js';

export type ProviderArea = typeof treatmentProviders.$inferSelect;

export async function findProviderArea(db: DatabaseOrTransaction, releaseId: string) {
  const [row] = await db.select().from(treatmentProviders).where(eq(treatmentProviders.releaseId, releaseId));
  return row;
}

export async function saveProviderArea(db: DatabaseOrTransaction, area: Omit<ProviderArea, 'updatedAt'>, at: Date) {
  const changes = { ...area, updatedAt: at };
  await db
    .insert(treatmentProviders)
    .values(changes)
    .onConflictDoUpdate({ target: treatmentProviders.releaseId, set: changes });
}
