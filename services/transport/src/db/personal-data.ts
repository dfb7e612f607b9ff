import { type PersonalData, releaseCopyHeld } from '@resettle/platform';
import { eq } from 'drizzle-orm';
import { accommodations, appointments, releases, travelPlans } from './schema.js';

/**
 * What transport holds about her: release copies, her first appointment's time, her accommodation's type and status,
 * her travel plans. Anonymising clears who meets her and the free-text cancellation reason; modes, times, statuses and
 * the rule verdicts stay for the figures.
 */
export const transportPersonalData: PersonalData = {
  categories: ['release', 'transport'],
  releases: releaseCopyHeld(releases),
  recordsOf: async (db, personId) => ({
    releases: await db.select().from(releases).where(eq(releases.personId, personId)),
    appointments: await db.select().from(appointments).where(eq(appointments.personId, personId)),
    accommodations: await db.select().from(accommodations).where(eq(accommodations.personId, personId)),
    travel_plans: await db.select().from(travelPlans).where(eq(travelPlans.personId, personId)),
  }),
  anonymise: async (tx, personId) => {
    await tx.update(travelPlans).set({ metBy: null, cancelledReason: null }).where(eq(travelPlans.personId, personId));
    return ['travel_plans'];
  },
};
