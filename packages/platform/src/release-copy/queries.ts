import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import { type KnownRelease, releases } from './table.js';

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<KnownRelease | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

/** The latest schedule wins: a rescheduled release replaces the date and gate we had. */
export async function saveRelease(
  db: DatabaseOrTransaction,
  release: Omit<KnownRelease, 'updatedAt'>,
  at: Date,
): Promise<KnownRelease> {
  const changes = { ...release, updatedAt: at };
  const [row] = await db
    .insert(releases)
    .values(changes)
    .onConflictDoUpdate({ target: releases.releaseId, set: changes })
    .returning();
  return row!;
}

/** Undefined when the cancellation came before any schedule we know of. */
export async function markReleaseCancelled(
  db: DatabaseOrTransaction,
  releaseId: string,
  at: Date,
): Promise<KnownRelease | undefined> {
  const [row] = await db
    .update(releases)
    .set({ status: 'cancelled', updatedAt: at })
    .where(eq(releases.releaseId, releaseId))
    .returning();
  return row;
}
