import type { PersonalData } from '@resettle/platform';
import { eq } from 'drizzle-orm';
import { releases } from './schema.js';

/**
 * What release-scheduling holds about her: her releases. Anonymising clears the free-text reason for a second-day
 * approval; dates, gate times, statuses and the rule and eligibility flags stay for the figures.
 */
export const releasePersonalData: PersonalData = {
  categories: ['release'],
  releases: {
    table: releases,
    personId: releases.personId,
    releaseId: releases.id,
    releaseDate: releases.releaseDate,
    status: releases.status,
  },
  recordsOf: async (db, personId) => ({
    releases: await db.select().from(releases).where(eq(releases.personId, personId)),
  }),
  anonymise: async (tx, personId) => {
    await tx.update(releases).set({ overrideReason: null }).where(eq(releases.personId, personId));
    return ['releases'];
  },
};
