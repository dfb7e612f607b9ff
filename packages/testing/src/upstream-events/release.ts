import type { EventData } from '@resettle/contracts';
import { gateAtOn, upstreamEvent } from './event.js';

type ReleaseFacts = EventData<'release.scheduled'>;

/** `facts` changes what the plan says beyond the date (the prison, a weekend cover plan being required, …). */
export function releaseScheduled(
  personId: string,
  releaseId: string,
  releaseDate: string,
  facts: Partial<ReleaseFacts> = {},
) {
  return upstreamEvent('release.scheduled', personId, { ...releaseFacts(releaseId, releaseDate), ...facts });
}

export function releaseCancelled(personId: string, releaseId: string, prisonCode = 'EHI') {
  return upstreamEvent('release.cancelled', personId, { releaseId, prisonCode, reason: 'remanded on a new charge' });
}

export function releaseRescheduled(personId: string, releaseId: string, releaseDate: string, previousDate: string) {
  return upstreamEvent('release.rescheduled', personId, {
    ...releaseFacts(releaseId, releaseDate),
    previous: { releaseDate: previousDate, gateTime: '09:30', gateAt: gateAtOn(previousDate) },
    reason: 'sentence recalculated',
  });
}

function releaseFacts(releaseId: string, releaseDate: string): ReleaseFacts {
  return {
    releaseId,
    prisonCode: 'EHI',
    probationRegion: 'South West',
    legalReleaseDate: releaseDate,
    releaseDate,
    gateTime: '09:30',
    gateAt: gateAtOn(releaseDate),
    rulesApplied: [],
    dayOfReleaseMoveEligible: true,
    weekendCoverPlanRequired: false,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: false,
  };
}
