import { createEvent, type EventEnvelope } from '@resettle/contracts';
import { type Passport, pathwayEntries, type RiskAssessment } from '../domain/index.js';

const SOURCE = 'passport';

export interface Cause {
  correlationId: string;
  causationId: string | null;
}

export function passportUpdated(passport: Passport, complete: boolean, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'passport.updated',
    personId: passport.personId,
    source: SOURCE,
    ...cause,
    data: {
      releaseId: passport.releaseId,
      complete,
      pathways: pathwayEntries(passport).map(({ name, required, status, reason }) => ({
        pathway: name,
        required,
        status,
        reason,
      })),
    },
  });
}

export function passportCompleted(passport: Passport, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'passport.completed',
    personId: passport.personId,
    source: SOURCE,
    ...cause,
    data: { releaseId: passport.releaseId },
  });
}

export function passportAtRisk(passport: Passport, risk: RiskAssessment, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'passport.at-risk',
    personId: passport.personId,
    source: SOURCE,
    ...cause,
    data: {
      releaseId: passport.releaseId,
      releaseDate: passport.releaseDate ?? '',
      workingDaysToRelease: risk.workingDaysToRelease ?? 0,
      missing: risk.missing,
    },
  });
}

export function passportReleasedIncomplete(
  passport: Passport,
  released: { prisonCode: string; releaseDate: string },
  missing: string[],
  cause: Cause,
): EventEnvelope {
  return createEvent({
    type: 'passport.released-incomplete',
    personId: passport.personId,
    source: SOURCE,
    ...cause,
    data: { releaseId: passport.releaseId, ...released, missing },
  });
}
