import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { passports, releaseOutcomes } from './schema.js';

export interface UpcomingQuery {
  region: string;
  today: string;
  prison?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Risk score: gaps ÷ (calendar days to release + 1). More gaps and fewer days rank first; a complete passport
 * scores 0. Ties: earliest release, then prison number.
 */
export async function upcomingReleases(db: DatabaseOrTransaction, query: UpcomingQuery) {
  const score = sql<number>`(${passports.gaps}::float8 / (greatest(${passports.releaseDate} - ${query.today}::date, 0) + 1))`;
  const filters: SQL[] = [
    eq(passports.probationRegion, query.region),
    eq(passports.releaseStatus, 'scheduled'),
    gte(passports.releaseDate, query.from ?? query.today),
  ];
  if (query.to) filters.push(lte(passports.releaseDate, query.to));
  if (query.prison) filters.push(eq(passports.prisonCode, query.prison));
  const where = and(...filters);
  const offset = (query.page - 1) * query.pageSize;
  const items = await db
    .select({ row: passports, riskScore: score, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(passports)
    .where(where)
    .orderBy(desc(score), asc(passports.releaseDate), asc(passports.personId))
    .limit(query.pageSize)
    .offset(offset);
  // The window count comes with the page; only a page past the end needs its own count.
  if (items.length > 0 || offset === 0) return { items, total: items[0]?.total ?? 0 };
  const [total] = await db.select({ total: count() }).from(passports).where(where);
  return { items, total: total?.total ?? 0 };
}

/** The release of her current passport: the next scheduled release, else the latest one. */
export async function currentReleaseOf(db: DatabaseOrTransaction, personId: string): Promise<string | undefined> {
  const scheduledFirst = sql`case when ${passports.releaseStatus} = 'scheduled' then 0 else 1 end`;
  const [row] = await db
    .select({ releaseId: passports.releaseId })
    .from(passports)
    .where(eq(passports.personId, personId))
    .orderBy(
      scheduledFirst,
      sql`case when ${passports.releaseStatus} = 'scheduled' then ${passports.releaseDate} end asc`,
      desc(passports.releaseDate),
      desc(passports.updatedAt),
    )
    .limit(1);
  return row?.releaseId;
}

export function outcomeShares(db: DatabaseOrTransaction, filter: { prison?: string; month?: string }) {
  const filters: SQL[] = [];
  if (filter.prison) filters.push(eq(releaseOutcomes.prisonCode, filter.prison));
  if (filter.month) filters.push(eq(releaseOutcomes.month, filter.month));
  return db
    .select({
      prisonCode: releaseOutcomes.prisonCode,
      month: releaseOutcomes.month,
      releases: count(),
      releasedComplete: sql<number>`count(*) filter (where ${releaseOutcomes.complete} and not ${releaseOutcomes.awaitingReCheck})::int`,
      awaitingReCheck: sql<number>`count(*) filter (where ${releaseOutcomes.awaitingReCheck})::int`,
    })
    .from(releaseOutcomes)
    .where(and(...filters))
    .groupBy(releaseOutcomes.prisonCode, releaseOutcomes.month)
    .orderBy(desc(releaseOutcomes.month), asc(releaseOutcomes.prisonCode));
}
