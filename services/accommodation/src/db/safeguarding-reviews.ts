import type { DatabaseOrTransaction } from '@resettle/messaging';
import { releases } from '@resettle/platform/release-copy';
import { and, count, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { SafeguardingReview } from '../domain/index.js';
import { accommodations } from './schema.js';

export type ReviewFilter = SafeguardingReview | 'all';

/** The places proposed for women released to a region, newest proposal first, one page at a time. */
export async function reviewsInRegion(
  db: DatabaseOrTransaction,
  region: string,
  filter: ReviewFilter,
  page: number,
  pageSize: number,
) {
  const where: SQL = and(
    eq(releases.probationRegion, region),
    filter === 'all' ? isNotNull(accommodations.safeguardingReview) : eq(accommodations.safeguardingReview, filter),
  )!;
  const rows = await db
    .select({ accommodation: accommodations, release: releases })
    .from(accommodations)
    .innerJoin(releases, eq(releases.releaseId, accommodations.releaseId))
    .where(where)
    .orderBy(desc(accommodations.proposedAt), desc(accommodations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db
    .select({ total: count() })
    .from(accommodations)
    .innerJoin(releases, eq(releases.releaseId, accommodations.releaseId))
    .where(where);
  return { rows, total: total?.total ?? 0 };
}
