import type { DatabaseOrTransaction } from '@resettle/messaging';
import { count, eq, sql } from 'drizzle-orm';
import { passports } from './schema.js';

/** Scheduled releases per prison: complete, at risk (incomplete and near), or incomplete; for operators' dashboards. */
export async function scheduledPassportsByPrison(db: DatabaseOrTransaction) {
  const state = sql<string>`case when ${passports.complete} then 'complete' when ${passports.atRisk} then 'at-risk' else 'incomplete' end`;
  const rows = await db
    .select({ prison: passports.prisonCode, state, passports: count() })
    .from(passports)
    .where(eq(passports.releaseStatus, 'scheduled'))
    .groupBy(passports.prisonCode, state);
  return rows.map((row) => ({ labels: { prison: row.prison ?? 'unknown', state: row.state }, value: row.passports }));
}
