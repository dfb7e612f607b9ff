import { randomUUID } from 'node:crypto';
import type { Database } from '@resettle/messaging';
import { getTableName, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Clock, runUnit } from '../kernel/unit-of-work.js';
import { everyInterval, type Worker } from '../kernel/workers.js';
import { anonymisationDue, anonymisationThreshold, type LatestRelease, londonToday } from './anonymisation-rule.js';
import type { PersonalData } from './personal-data.js';

export const ANONYMISE_ACTION = 'anonymise-personal-data';
const BATCH = 50;

type Candidate = LatestRelease & {
  personId: string;
  releaseId: string;
};

/**
 * The women whose latest release (in this service's copy) is dated on or before the threshold and who have not been
 * anonymised since it: the audit row of an anonymisation names her latest release, so a later release starts afresh.
 */
async function candidates(db: Database, data: PersonalData, threshold: string): Promise<Candidate[]> {
  const { table, personId, releaseId, releaseDate, status } = data.releases;
  const rows = await db.execute<Record<string, string | null>>(sql`
    select latest.* from (
      select distinct on (${personId}) ${personId} as "personId", ${releaseId}::text as "releaseId",
        ${releaseDate}::text as "releaseDate", ${status} as status
      from ${sql.identifier(getTableName(table))}
      order by ${personId}, ${releaseDate} desc nulls last, ${releaseId}
    ) latest
    where latest."releaseDate" <= ${threshold}
      and not exists (select 1 from audit_log a where a.action = ${ANONYMISE_ACTION}
        and a.person_id = latest."personId" and a.resource_id = latest."releaseId")
    limit ${BATCH}`);
  return [...rows].map((row) => ({
    personId: String(row.personId),
    releaseId: String(row.releaseId),
    releaseDate: row.releaseDate ?? null,
    status: String(row.status),
  }));
}

/**
 * Replaces the personal content of every woman who is due, each in her own unit of work under her lock, with an audit
 * row (who: system; whose record; which release; which tables) committed with the change.
 */
export async function anonymiseDue(
  db: Database,
  options: { service: string; clock: Clock; afterDays: number },
  data: PersonalData,
): Promise<number> {
  const today = londonToday(options.clock());
  let anonymised = 0;
  for (;;) {
    const due = (await candidates(db, data, anonymisationThreshold(today, options.afterDays))).filter((candidate) =>
      anonymisationDue(candidate, today, options.afterDays),
    );
    for (const woman of due) {
      await runUnit(
        db,
        {
          service: options.service,
          clock: options.clock,
          cause: { correlationId: randomUUID() },
          personId: woman.personId,
        },
        async (work) => {
          const tables = await data.anonymise(work.tx, woman.personId);
          await work.audit({
            action: ANONYMISE_ACTION,
            personId: woman.personId,
            resourceId: woman.releaseId,
            categories: data.categories,
            outcome: 'allowed',
            justification: `${options.afterDays} days after her release on ${woman.releaseDate}; tables: ${tables.join(', ')}`,
          });
        },
      );
    }
    anonymised += due.length;
    if (due.length < BATCH) return anonymised;
  }
}

export function anonymisationWorker(
  db: Database,
  options: { service: string; clock: Clock; afterDays: number },
  data: PersonalData,
  intervalMs: number,
  logger: Logger,
): Worker {
  return everyInterval(
    'anonymisation',
    intervalMs,
    async () => {
      const count = await anonymiseDue(db, options, data);
      if (count > 0) logger.info({ anonymised: count }, 'anonymised the personal content of women released long ago');
    },
    logger,
  );
}
