import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { ContinuityRelease } from '../domain/index.js';
import { passports, releaseOutcomes } from './schema.js';

export interface ContinuityFilter {
  prison?: string | undefined;
  /** 'YYYY-MM', inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Every release that has an outcome (she has left), whether a handoff was booked, what the provider recorded since. */
export async function releasesForContinuity(
  db: DatabaseOrTransaction,
  filter: ContinuityFilter,
): Promise<ContinuityRelease[]> {
  const filters: SQL[] = [];
  if (filter.prison) filters.push(eq(releaseOutcomes.prisonCode, filter.prison));
  if (filter.from) filters.push(gte(releaseOutcomes.month, filter.from));
  if (filter.to) filters.push(lte(releaseOutcomes.month, filter.to));
  const rows = await db
    .select({
      prisonCode: releaseOutcomes.prisonCode,
      month: releaseOutcomes.month,
      complete: releaseOutcomes.complete,
      awaitingReCheck: releaseOutcomes.awaitingReCheck,
      releaseDate: passports.releaseDate,
      passport: passports.passport,
    })
    .from(releaseOutcomes)
    .innerJoin(passports, eq(passports.releaseId, releaseOutcomes.releaseId))
    .where(and(...filters));
  return rows.map((row) => {
    const aftercare = row.passport.facts.aftercare;
    return {
      prisonCode: row.prisonCode,
      month: row.month,
      releaseDate: row.releaseDate ?? `${row.month}-01`,
      complete: row.awaitingReCheck ? null : row.complete,
      treatmentNeed: Boolean(row.passport.facts.handoff),
      firstAppointmentAttended: aftercare?.attended ?? false,
      treatmentStartedOn: aftercare?.treatmentStartedOn ?? null,
    };
  });
}
