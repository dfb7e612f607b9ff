import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, eq, lte, sql } from 'drizzle-orm';
import { releases } from './schema.js';

export type ReleaseRow = typeof releases.$inferSelect;
export type ReleaseFactsRow = Omit<ReleaseRow, 'handoffRevision'>;

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

/**
 * Keeps the release as release-scheduling last told it, and returns the copy; an event about an older revision than
 * the copy's (a v1 replay after a v2, say) changes nothing and returns undefined. The handoff revision is this
 * service's own and is never overwritten.
 */
export async function saveRelease(
  db: DatabaseOrTransaction,
  release: ReleaseFactsRow,
): Promise<ReleaseRow | undefined> {
  const [row] = await db
    .insert(releases)
    .values(release)
    .onConflictDoUpdate({
      target: releases.releaseId,
      set: release,
      setWhere: lte(releases.revision, release.revision),
    })
    .returning();
  return row;
}

export async function setReleaseStatus(
  db: DatabaseOrTransaction,
  releaseId: string,
  changes: Pick<ReleaseRow, 'status' | 'revision'> & Partial<Pick<ReleaseRow, 'gatePassedAt'>>,
): Promise<void> {
  await db
    .update(releases)
    .set(changes)
    .where(and(eq(releases.releaseId, releaseId), lte(releases.revision, changes.revision)));
}

/** One more change of a handoff for this release: the new handoff revision. */
export async function nextHandoffRevision(db: DatabaseOrTransaction, releaseId: string): Promise<number> {
  const [row] = await db
    .update(releases)
    .set({ handoffRevision: sql`${releases.handoffRevision} + 1` })
    .where(eq(releases.releaseId, releaseId))
    .returning({ handoffRevision: releases.handoffRevision });
  if (!row) throw new Error(`release ${releaseId} is not known here: a handoff cannot change without it`);
  return row.handoffRevision;
}
