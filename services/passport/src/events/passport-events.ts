import type { EventDraft } from '@resettle/contracts';
import { type Passport, pathwayEntries, type RiskAssessment } from '../domain/index.js';

/** v2: each pathway's owner's verdict on the current release revision, or awaiting re-check and by whom. */
export function passportUpdated(passport: Passport, complete: boolean): EventDraft<'passport.updated'> {
  return {
    type: 'passport.updated',
    version: 2,
    personId: passport.personId,
    data: {
      releaseId: passport.releaseId,
      complete,
      releaseRevision: passport.releaseRevision,
      pathways: pathwayEntries(passport).map(({ name, required, status, reason, reasons, owedBy }) => ({
        pathway: name,
        required,
        status,
        reason,
        reasons,
        owedBy,
      })),
    },
  };
}

export function passportCompleted(passport: Passport): EventDraft<'passport.completed'> {
  return { type: 'passport.completed', personId: passport.personId, data: { releaseId: passport.releaseId } };
}

export function passportAtRisk(passport: Passport, risk: RiskAssessment): EventDraft<'passport.at-risk'> {
  return {
    type: 'passport.at-risk',
    personId: passport.personId,
    data: {
      releaseId: passport.releaseId,
      releaseDate: passport.releaseDate ?? '',
      workingDaysToRelease: risk.workingDaysToRelease ?? 0,
      missing: risk.missing,
    },
  };
}

export function passportReleasedIncomplete(
  passport: Passport,
  released: { prisonCode: string; releaseDate: string },
  missing: string[],
): EventDraft<'passport.released-incomplete'> {
  return {
    type: 'passport.released-incomplete',
    personId: passport.personId,
    data: { releaseId: passport.releaseId, ...released, missing },
  };
}

/** The alarm: she missed her first community appointment (probation and the provider hear within seconds). */
export function passportMissedFirstAppointment(
  passport: Passport,
  missed: { handoffId: string; appointmentAt: string; recordedAt: string },
): EventDraft<'passport.missed-first-appointment'> {
  return {
    type: 'passport.missed-first-appointment',
    personId: passport.personId,
    data: { releaseId: passport.releaseId, ...missed },
  };
}
