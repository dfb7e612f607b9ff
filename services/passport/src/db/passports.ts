import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Passport } from '../domain/index.js';
import { passports, passportTimeline, releaseOutcomes } from './schema.js';

export type PassportRow = typeof passports.$inferSelect;

export async function loadPassportForUpdate(tx: DatabaseOrTransaction, releaseId: string) {
  const [row] = await tx.select().from(passports).where(eq(passports.releaseId, releaseId)).for('update');
  return row;
}

export async function findPassport(db: DatabaseOrTransaction, releaseId: string) {
  const [row] = await db.select().from(passports).where(eq(passports.releaseId, releaseId));
  return row;
}

export interface PassportState {
  passport: Passport;
  complete: boolean;
  gaps: number;
  atRisk: boolean;
}

export async function savePassport(tx: DatabaseOrTransaction, state: PassportState): Promise<void> {
  const { passport } = state;
  const columns = {
    personId: passport.personId,
    prisonCode: passport.prisonCode,
    probationRegion: passport.probationRegion,
    releaseDate: passport.releaseDate,
    gateAt: passport.gateAt ? new Date(passport.gateAt) : null,
    releaseStatus: passport.releaseStatus,
    complete: state.complete,
    gaps: state.gaps,
    atRisk: state.atRisk,
    passport,
    updatedAt: new Date(),
  };
  await tx
    .insert(passports)
    .values({ releaseId: passport.releaseId, ...columns })
    .onConflictDoUpdate({
      target: passports.releaseId,
      set: { ...columns, revision: sqlIncrement() },
    });
}

function sqlIncrement() {
  return sql`${passports.revision} + 1`;
}

export type TimelineEntry = Omit<typeof passportTimeline.$inferInsert, 'seq'>;

export async function appendTimeline(tx: DatabaseOrTransaction, entries: TimelineEntry[]): Promise<void> {
  if (entries.length > 0) await tx.insert(passportTimeline).values(entries);
}

export function timelineOf(db: DatabaseOrTransaction, releaseId: string) {
  return db
    .select()
    .from(passportTimeline)
    .where(eq(passportTimeline.releaseId, releaseId))
    .orderBy(asc(passportTimeline.at), asc(passportTimeline.seq));
}

export async function recordOutcome(
  tx: DatabaseOrTransaction,
  outcome: typeof releaseOutcomes.$inferInsert,
): Promise<void> {
  const { releaseId, ...rest } = outcome;
  await tx.insert(releaseOutcomes).values(outcome).onConflictDoUpdate({ target: releaseOutcomes.releaseId, set: rest });
}

export async function correctOutcomeIfEarlier(
  tx: DatabaseOrTransaction,
  correction: { releaseId: string; occurredAt: Date; complete: boolean; missing: string[] },
): Promise<void> {
  await tx
    .update(releaseOutcomes)
    .set({ complete: correction.complete, missing: correction.missing })
    .where(
      and(eq(releaseOutcomes.releaseId, correction.releaseId), gte(releaseOutcomes.releasedAt, correction.occurredAt)),
    );
}
