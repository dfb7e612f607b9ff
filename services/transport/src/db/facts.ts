import type { DatabaseOrTransaction } from '@resettle/messaging';
import { eq } from 'drizzle-orm';
import type { AccommodationFact, TravelFacts } from '../domain/index.js';
import { accommodations, appointments, releases } from './schema.js';

export type KnownRelease = typeof releases.$inferSelect;

export async function findRelease(db: DatabaseOrTransaction, releaseId: string): Promise<KnownRelease | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.releaseId, releaseId));
  return row;
}

export async function saveRelease(db: DatabaseOrTransaction, release: Omit<KnownRelease, 'updatedAt'>) {
  const changes = { ...release, updatedAt: new Date() };
  await db.insert(releases).values(changes).onConflictDoUpdate({ target: releases.releaseId, set: changes });
}

export async function markReleaseCancelled(db: DatabaseOrTransaction, releaseId: string): Promise<void> {
  await db
    .update(releases)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(eq(releases.releaseId, releaseId));
}

export async function saveAppointment(
  db: DatabaseOrTransaction,
  appointment: { releaseId: string; personId: string; at: Date | null },
) {
  const changes = { ...appointment, updatedAt: new Date() };
  await db.insert(appointments).values(changes).onConflictDoUpdate({ target: appointments.releaseId, set: changes });
}

export async function saveAccommodation(
  db: DatabaseOrTransaction,
  fact: Omit<typeof accommodations.$inferInsert, 'updatedAt'>,
) {
  const changes = { ...fact, updatedAt: new Date() };
  await db
    .insert(accommodations)
    .values(changes)
    .onConflictDoUpdate({ target: accommodations.releaseId, set: changes });
}

/** Everything a travel plan is checked against, as the pure rules want it. */
export async function travelFactsFor(db: DatabaseOrTransaction, release: KnownRelease) {
  const [appointment] = await db.select().from(appointments).where(eq(appointments.releaseId, release.releaseId));
  const [accommodation] = await db.select().from(accommodations).where(eq(accommodations.releaseId, release.releaseId));
  const facts: TravelFacts = {
    releaseDate: release.releaseDate,
    gateAt: release.gateAt.toISOString(),
    firstAppointmentAt: appointment?.at?.toISOString() ?? null,
  };
  const accommodationFact: AccommodationFact | null = accommodation
    ? { status: accommodation.status, type: accommodation.type }
    : null;
  return { facts, accommodation: accommodationFact };
}
