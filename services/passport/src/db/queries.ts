import type { Database, DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, count, desc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { PassportOutline } from '../domain/index.js';
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

const { placeholder } = sql;

/**
 * A page of upcoming releases, highest risk first. Risk score: gaps ÷ (calendar days to release + 1). More gaps and
 * fewer days rank first; a complete passport scores 0. Ties: earliest release, then prison number. The region's
 * releases are ranked on narrow columns and only the page's rows are read whole, each passport in outline (without
 * the facts behind it, two thirds of its size). The statement is built once for `db` (each filter left out is a null
 * parameter), not on every request.
 */
export function upcomingReleasesQuery(db: Database) {
  const today = sql`${placeholder('today')}::date`;
  const score = sql<number>`(${passports.gaps}::float8 / (greatest(${passports.releaseDate} - ${today}, 0) + 1))`;
  const where = and(
    eq(passports.probationRegion, placeholder('region')),
    eq(passports.releaseStatus, 'scheduled'),
    gte(passports.releaseDate, placeholder('from')),
    sql`(${placeholder('to')}::date is null or ${passports.releaseDate} <= ${placeholder('to')}::date)`,
    sql`(${placeholder('prison')}::text is null or ${passports.prisonCode} = ${placeholder('prison')}::text)`,
  );
  // The ranking's order, once: the page keeps it after joining back to read its rows.
  const byRisk = (riskScore: Parameters<typeof desc>[0]) => [
    desc(riskScore),
    asc(passports.releaseDate),
    asc(passports.personId),
  ];
  const ranked = db
    .select({
      releaseId: passports.releaseId,
      riskScore: score.as('risk_score'),
      total: sql<number>`count(*) over ()`.as('total'),
    })
    .from(passports)
    .where(where)
    .orderBy(...byRisk(score))
    .limit(placeholder('limit'))
    .offset(placeholder('offset'))
    .as('ranked');
  const page = db
    .select({
      row: {
        releaseId: passports.releaseId,
        personId: passports.personId,
        prisonCode: passports.prisonCode,
        releaseDate: passports.releaseDate,
        releaseStatus: passports.releaseStatus,
        gaps: passports.gaps,
        passport: sql<PassportOutline>`${passports.passport} - 'facts'`.mapWith(passports.passport),
      },
      riskScore: ranked.riskScore,
      total: sql<number>`${ranked.total}`.mapWith(Number),
    })
    .from(ranked)
    .innerJoin(passports, eq(passports.releaseId, ranked.releaseId))
    .orderBy(...byRisk(ranked.riskScore))
    .prepare('upcoming_releases');
  const counted = db.select({ total: count() }).from(passports).where(where).prepare('upcoming_releases_count');
  return async (query: UpcomingQuery) => {
    const offset = (query.page - 1) * query.pageSize;
    const parameters = {
      today: query.today,
      region: query.region,
      from: query.from ?? query.today,
      to: query.to ?? null,
      prison: query.prison ?? null,
    };
    const items = await page.execute({ ...parameters, limit: query.pageSize, offset });
    // The window count comes with the page; only a page past the end needs its own count.
    if (items.length > 0 || offset === 0) return { items, total: items[0]?.total ?? 0 };
    const [total] = await counted.execute(parameters);
    return { items, total: total?.total ?? 0 };
  };
}

/** The release of her current passport: the next scheduled release, else the latest one. Built once for `db`. */
export function currentReleaseQuery(db: Database) {
  const scheduledFirst = sql`case when ${passports.releaseStatus} = 'scheduled' then 0 else 1 end`;
  const query = db
    .select({ releaseId: passports.releaseId })
    .from(passports)
    .where(eq(passports.personId, placeholder('personId')))
    .orderBy(
      scheduledFirst,
      sql`case when ${passports.releaseStatus} = 'scheduled' then ${passports.releaseDate} end asc`,
      desc(passports.releaseDate),
      desc(passports.updatedAt),
    )
    .limit(1)
    .prepare('current_release');
  return async (personId: string): Promise<string | undefined> => (await query.execute({ personId }))[0]?.releaseId;
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
