import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import { releases } from './schema.js';

export type ReleaseRow = typeof releases.$inferSelect;

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

/** Keeps the release as release-scheduling last told it. */
export async function saveRelease(db: DatabaseOrTransaction, release: ReleaseRow): Promise<void> {
  await db.insert(releases).values(release).onConflictDoUpdate({ target: releases.releaseId, set: release });
}

export async function setReleaseStatus(
  db: DatabaseOrTransaction,
  releaseId: string,
  status: ReleaseRow['status'],
): Promise<void> {
  await db.update(releases).set({ status }).where(eq(releases.releaseId, releaseId));
}
