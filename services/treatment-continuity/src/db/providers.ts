import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, eq, isNotNull } from 'drizzle-orm';
import { providers } from './schema.js';
import { sealSecret } from './sealed-secret.js';

export type ProviderRow = typeof providers.$inferSelect;

export async function findProvider(db: DatabaseOrTransaction, providerId: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.providerId, providerId));
  return row;
}

/** Locked for the change, so two admins changing one provider at once are audited in order. */
export async function lockedProvider(db: DatabaseOrTransaction, providerId: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(providers).where(eq(providers.providerId, providerId)).for('update');
  return row;
}

export async function saveProvider(db: DatabaseOrTransaction, provider: ProviderRow): Promise<void> {
  await db.insert(providers).values(provider).onConflictDoUpdate({ target: providers.providerId, set: provider });
}

/**
 * Seals every secret still stored in the clear (from before sealing) and empties the plain column; returns how many.
 * Idempotent: run by the webhook worker before each round, so rows migrated with the key unset are sealed once it is.
 */
export async function sealPlainSecrets(db: DatabaseOrTransaction, key: Buffer): Promise<number> {
  const plain = await db
    .select({ providerId: providers.providerId, secret: providers.webhookSecret })
    .from(providers)
    .where(isNotNull(providers.webhookSecret));
  for (const { providerId, secret } of plain) {
    await db
      .update(providers)
      .set({ webhookSecretSealed: sealSecret(key, providerId, secret ?? ''), webhookSecret: null })
      // Only if it is still the secret read: one changed meanwhile was sealed by its own change.
      .where(and(eq(providers.providerId, providerId), eq(providers.webhookSecret, secret ?? '')));
  }
  return plain.length;
}
