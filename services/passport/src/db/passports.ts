import { anyOf, type Database, type DatabaseOrTransaction, insertJsonRows } from '@resettle/messaging';
import { and, eq, getTableColumns, sql, type Table } from 'drizzle-orm';
import type { Passport } from '../domain/index.js';
import { passports, passportTimeline, releaseOutcomes } from './schema.js';

export type PassportRow = typeof passports.$inferSelect;

export async function loadPassportForUpdate(tx: DatabaseOrTransaction, releaseId: string) {
  const [row] = await tx.select().from(passports).where(eq(passports.releaseId, releaseId)).for('update');
  return row;
}

export interface PassportState {
  passport: Passport;
  complete: boolean;
  gaps: number;
  atRisk: boolean;
}

const passportsOf = (db: DatabaseOrTransaction, releaseIds: string[]) =>
  db
    .select()
    .from(passports)
    .where(sql`${passports.releaseId} = ${anyOf(releaseIds, 'uuid')}`);

const heldById = (rows: PassportRow[]) =>
  new Map(rows.map((row) => [row.releaseId, { passport: row.passport, atRisk: row.atRisk }]));

/** The passports of these releases, locked until the transaction ends. */
export async function loadPassportsForUpdate(tx: DatabaseOrTransaction, releaseIds: string[]) {
  return heldById(await passportsOf(tx, releaseIds).for('update'));
}

/** The passports of these releases, unlocked: for a rebuild, the only writer of its database. */
export async function loadPassports(db: DatabaseOrTransaction, releaseIds: string[]) {
  return heldById(await passportsOf(db, releaseIds));
}

/**
 * Saves the latest state of each passport in one statement. `saves` is how many changes the state stands for: the
 * revision goes up by that much, as if each had been saved in turn.
 */
export async function savePassports(
  tx: DatabaseOrTransaction,
  states: (PassportState & { saves: number })[],
  updatedAt: Date,
) {
  if (states.length === 0) return;
  const rows = states.map(({ passport, complete, gaps, atRisk, saves }) => ({
    releaseId: passport.releaseId,
    personId: passport.personId,
    prisonCode: passport.prisonCode,
    probationRegion: passport.probationRegion,
    releaseDate: passport.releaseDate,
    gateAt: passport.gateAt ? new Date(passport.gateAt) : null,
    releaseStatus: passport.releaseStatus,
    complete,
    gaps,
    atRisk,
    passport,
    revision: saves,
    updatedAt,
  }));
  const updated = [
    'personId',
    'prisonCode',
    'probationRegion',
    'releaseDate',
    'gateAt',
    'releaseStatus',
    'complete',
    'gaps',
    'atRisk',
    'passport',
    'updatedAt',
  ] as const;
  await tx.execute(sql`${insertJsonRows(passports, ['releaseId', ...updated, 'revision'], rows)}
    on conflict (${sql.identifier(passports.releaseId.name)}) do update set ${excludedColumns(passports, updated)},
    ${sql.identifier(passports.revision.name)} = ${passports.revision} + excluded.${sql.identifier(passports.revision.name)}`);
}

/** Incomplete passports of scheduled releases not yet at risk: those that may cross the threshold as days pass. */
export function notYetAtRisk(db: DatabaseOrTransaction) {
  return db
    .select({ releaseId: passports.releaseId, personId: passports.personId })
    .from(passports)
    .where(and(eq(passports.releaseStatus, 'scheduled'), eq(passports.complete, false), eq(passports.atRisk, false)));
}

export async function markAtRisk(tx: DatabaseOrTransaction, releaseId: string, now: Date): Promise<void> {
  await tx.update(passports).set({ atRisk: true, updatedAt: now }).where(eq(passports.releaseId, releaseId));
}

export type TimelineEntry = Omit<typeof passportTimeline.$inferInsert, 'seq'>;

const TIMELINE_KEYS = ['releaseId', 'at', 'eventId', 'eventType', 'source', 'correlationId', 'summary'] as const;

export async function appendTimeline(tx: DatabaseOrTransaction, entries: TimelineEntry[]): Promise<void> {
  if (entries.length > 0) await tx.execute(insertJsonRows(passportTimeline, TIMELINE_KEYS, entries));
}

/** A timeline entry as the passport view shows it, `at` already in ISO 8601 (UTC, milliseconds). */
export interface TimelineView {
  at: string;
  eventType: string;
  source: string;
  correlationId: string;
  summary: string;
}

/**
 * The passport and its timeline in one statement (one round trip, one pooled connection, instead of two of each):
 * the timeline comes aggregated as JSON in timeline order, shaped as the view sends it. Built once for `db`: drizzle
 * otherwise builds a query's SQL again on every run, a seventh of a read's CPU.
 */
export function passportWithTimelineQuery(db: Database) {
  const query = db
    .select({
      ...getTableColumns(passports),
      timeline: sql<TimelineView[]>`coalesce((
        select json_agg(json_build_object(
          'at', to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'eventType', t.event_type, 'source', t.source, 'correlationId', t.correlation_id, 'summary', t.summary
        ) order by t.at, t.seq)
        from ${passportTimeline} t where t.release_id = "passports"."release_id"
      ), '[]'::json)`,
    })
    .from(passports)
    .where(eq(passports.releaseId, sql.placeholder('releaseId')))
    .prepare('passport_with_timeline');
  return async (releaseId: string) => {
    const [row] = await query.execute({ releaseId });
    if (!row) return undefined;
    const { timeline, ...passport } = row;
    return { row: passport, timeline };
  };
}

export type ReleaseOutcome = typeof releaseOutcomes.$inferSelect;

export async function loadOutcomes(tx: DatabaseOrTransaction, releaseIds: string[]) {
  const rows = await tx
    .select()
    .from(releaseOutcomes)
    .where(sql`${releaseOutcomes.releaseId} = ${anyOf(releaseIds, 'uuid')}`);
  return new Map(rows.map((row) => [row.releaseId, row]));
}

export async function saveOutcomes(tx: DatabaseOrTransaction, outcomes: ReleaseOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const updated = ['prisonCode', 'month', 'releasedAt', 'complete', 'missing', 'awaitingReCheck'] as const;
  await tx.execute(sql`${insertJsonRows(releaseOutcomes, ['releaseId', ...updated], outcomes)}
    on conflict (${sql.identifier(releaseOutcomes.releaseId.name)}) do update set ${excludedColumns(releaseOutcomes, updated)}`);
}

/** `set` for a many-row upsert: each column takes the value the conflicting row would have inserted. */
function excludedColumns<T extends Table>(table: T, keys: readonly (keyof T['_']['columns'] & string)[]) {
  const columns = getTableColumns(table);
  return sql.join(
    keys.map((key) => sql`${sql.identifier(columns[key]!.name)} = excluded.${sql.identifier(columns[key]!.name)}`),
    sql`, `,
  );
}
