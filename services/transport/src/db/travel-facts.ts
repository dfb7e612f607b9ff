import type { DatabaseOrTransaction } from '@resettle/messaging';
import type { KnownRelease } from '@resettle/platform/release-copy';
import { eq } from 'drizzle-orm';
import type { AccommodationFact, TravelFacts } from '../domain/index.js';
import { accommodations, appointments } from './schema.js';

/** What a release's travel plans are checked against, as `travelFactsFor` reads it. */
export type TravelFactsOnRecord = Awaited<ReturnType<typeof travelFactsFor>>;

export type AccommodationCopy = Omit<typeof accommodations.$inferInsert, 'updatedAt'>;

export async function saveAppointment(
  db: DatabaseOrTransaction,
  appointment: { releaseId: string; personId: string; at: Date | null; handoffRevision: number },
  at: Date,
) {
  const changes = { ...appointment, updatedAt: at };
  await db.insert(appointments).values(changes).onConflictDoUpdate({ target: appointments.releaseId, set: changes });
}

export async function saveAccommodation(db: DatabaseOrTransaction, fact: AccommodationCopy, at: Date) {
  const changes = { ...fact, updatedAt: at };
  await db
    .insert(accommodations)
    .values(changes)
    .onConflictDoUpdate({ target: accommodations.releaseId, set: changes });
}

/** Everything a travel plan is checked against, as the pure rules want it, and the handoff revision it came from. */
export async function travelFactsFor(db: DatabaseOrTransaction, release: KnownRelease) {
  // Side by side: one round trip for both.
  const [[appointment], [accommodation]] = await Promise.all([
    db.select().from(appointments).where(eq(appointments.releaseId, release.releaseId)),
    db.select().from(accommodations).where(eq(accommodations.releaseId, release.releaseId)),
  ]);
  const facts: TravelFacts = {
    releaseDate: release.releaseDate,
    gateAt: release.gateAt.toISOString(),
    firstAppointmentAt: appointment?.at?.toISOString() ?? null,
  };
  const accommodationFact: AccommodationFact | null = accommodation
    ? { status: accommodation.status, type: accommodation.type }
    : null;
  return { facts, accommodation: accommodationFact, handoffRevision: appointment?.handoffRevision ?? null };
}
