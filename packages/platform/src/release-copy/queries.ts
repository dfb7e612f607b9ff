import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, eq, lte, sql } from 'drizzle-orm';
import { type KnownRelease, releases } from './table.js';

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<KnownRelease | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

/** Her releases as this service knows them (restricted areas and other facts about her re-judge each). */
export function releasesOf(db: DatabaseOrTransaction, personId: string): Promise<KnownRelease[]> {
  return db.select().from(releases).where(eq(releases.personId, personId));
}

/** A v1 event carries no revision: it changes the facts but never lowers the revision we know. */
const keptRevision = (revision: number) => sql`greatest(${releases.revision}, ${revision})`;

/**
 * The latest schedule wins: a rescheduled release replaces the date and gate we had. An event older than the revision
 * we hold (a v2 with a lower revision) changes nothing and returns undefined.
 */
export async function saveRelease(
  db: DatabaseOrTransaction,
  release: Omit<KnownRelease, 'updatedAt' | 'gatePassedAt'>,
  at: Date,
): Promise<KnownRelease | undefined> {
  const [row] = await db
    .insert(releases)
    .values({ ...release, updatedAt: at })
    .onConflictDoUpdate({
      target: releases.releaseId,
      set: { ...release, revision: keptRevision(release.revision), updatedAt: at },
      setWhere: notOlderThan(release.revision),
    })
    .returning();
  return row;
}

/** Undefined when the cancellation came before any schedule we know of, or is older than what we hold. */
export async function markReleaseCancelled(
  db: DatabaseOrTransaction,
  releaseId: string,
  at: Date,
  revision = 0,
): Promise<KnownRelease | undefined> {
  const [row] = await db
    .update(releases)
    .set({ status: 'cancelled', revision: keptRevision(revision), updatedAt: at })
    .where(and(eq(releases.releaseId, releaseId), notOlderThan(revision)))
    .returning();
  return row;
}

/** She passed the gate at `gatePassedAt` (perhaps later than planned); undefined as for a cancellation. */
export async function markReleaseOccurred(
  db: DatabaseOrTransaction,
  occurred: { releaseId: string; gatePassedAt: Date; revision: number },
  at: Date,
): Promise<KnownRelease | undefined> {
  const { releaseId, gatePassedAt, revision } = occurred;
  const [row] = await db
    .update(releases)
    .set({ status: 'released', gatePassedAt, revision: keptRevision(revision), updatedAt: at })
    .where(and(eq(releases.releaseId, releaseId), notOlderThan(revision)))
    .returning();
  return row;
}

/** A revision of 0 (v1) is never older; a real one applies when it is at least the one we hold. */
function notOlderThan(revision: number) {
  return revision === 0 ? sql`true` : lte(releases.revision, revision);
}
