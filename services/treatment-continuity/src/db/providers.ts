import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import { providers } from './schema.js';

export type ProviderRow = typeof providers.$inferSelect;

export async function findProvider(db: DatabaseOrTransaction, providerId: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.providerId, providerId));
  return row;
}

export async function saveProvider(db: DatabaseOrTransaction, provider: ProviderRow): Promise<void> {
  await db.insert(providers).values(provider).onConflictDoUpdate({ target: providers.providerId, set: provider });
}
