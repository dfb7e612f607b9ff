import { ANONYMISED, type PersonalData, releaseCopyHeld } from '@resettle/platform';
import { eq } from 'drizzle-orm';
import { accommodations, releases, restrictedAreas, safeguardingAlerts, treatmentProviders } from './schema.js';

/**
 * What accommodation holds about her: release copies, where her treatment provider is, her restricted areas (where
 * the person who abused her lives, with probation's reasons), her accommodation with its safeguarding review, and the
 * alerts raised after repeated declines. Anonymising replaces every place and free-text reason; types, statuses, dates
 * and flags stay for the figures.
 */
export const accommodationPersonalData: PersonalData = {
  categories: ['release', 'accommodation', 'restricted-areas'],
  releases: releaseCopyHeld(releases),
  recordsOf: async (db, personId) => ({
    releases: await db.select().from(releases).where(eq(releases.personId, personId)),
    treatment_providers: await db.select().from(treatmentProviders).where(eq(treatmentProviders.personId, personId)),
    restricted_areas: await db.select().from(restrictedAreas).where(eq(restrictedAreas.personId, personId)),
    accommodations: await db.select().from(accommodations).where(eq(accommodations.personId, personId)),
    safeguarding_alerts: await db.select().from(safeguardingAlerts).where(eq(safeguardingAlerts.personId, personId)),
  }),
  anonymise: async (tx, personId) => {
    await tx
      .update(treatmentProviders)
      .set({ localAuthority: ANONYMISED, postcodeDistrict: ANONYMISED })
      .where(eq(treatmentProviders.personId, personId));
    await tx
      .update(restrictedAreas)
      .set({ value: ANONYMISED, reason: ANONYMISED, removedReason: null })
      .where(eq(restrictedAreas.personId, personId));
    await tx
      .update(accommodations)
      .set({
        localAuthority: null,
        postcodeDistrict: null,
        statusReason: null,
        withdrawnReason: null,
        declineReason: null,
      })
      .where(eq(accommodations.personId, personId));
    return ['treatment_providers', 'restricted_areas', 'accommodations'];
  },
};
