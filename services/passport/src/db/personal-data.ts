import { ANONYMISED, type PersonalData } from '@resettle/platform';
import { eq, inArray } from 'drizzle-orm';
import { anonymisedPassport } from '../domain/index.js';
import { passports, passportTimeline, releaseOutcomes } from './schema.js';
import { forgetExportsOf } from './subject-access.js';

/**
 * What the passport holds about her: her passports (statuses, reasons, aftercare), their timelines and release
 * outcomes. Anonymising replaces the free-text reasons and timeline summaries and empties her past exports; statuses,
 * dates, outcomes and aftercare stay, so the continuity figures do not change.
 */
export const passportPersonalData: PersonalData = {
  categories: ['passport', 'release', 'treatment-status', 'accommodation', 'transport'],
  releases: {
    table: passports,
    personId: passports.personId,
    releaseId: passports.releaseId,
    releaseDate: passports.releaseDate,
    status: passports.releaseStatus,
  },
  recordsOf: async (db, personId) => {
    const hers = await db.select().from(passports).where(eq(passports.personId, personId));
    const releaseIds = hers.map((passport) => passport.releaseId);
    if (releaseIds.length === 0) return { passports: [], passport_timeline: [], release_outcomes: [] };
    return {
      passports: hers,
      passport_timeline: await db
        .select()
        .from(passportTimeline)
        .where(inArray(passportTimeline.releaseId, releaseIds)),
      release_outcomes: await db.select().from(releaseOutcomes).where(inArray(releaseOutcomes.releaseId, releaseIds)),
    };
  },
  anonymise: async (tx, personId) => {
    const hers = await tx.select().from(passports).where(eq(passports.personId, personId));
    for (const row of hers) {
      await tx
        .update(passports)
        .set({ passport: anonymisedPassport(row.passport) })
        .where(eq(passports.releaseId, row.releaseId));
    }
    const releaseIds = hers.map((passport) => passport.releaseId);
    if (releaseIds.length > 0) {
      await tx
        .update(passportTimeline)
        .set({ summary: ANONYMISED })
        .where(inArray(passportTimeline.releaseId, releaseIds));
    }
    await forgetExportsOf(tx, personId);
    return ['passports', 'passport_timeline', 'subject_access_answers'];
  },
};
