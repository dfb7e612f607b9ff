import type { EventData } from '@resettle/contracts';
import { gateAtOn, upstreamEvent } from './event.js';

export function releaseScheduled(personId: string, releaseId: string, releaseDate: string) {
  return upstreamEvent('release.scheduled', personId, releaseFacts(releaseId, releaseDate));
}

export function releaseRescheduled(personId: string, releaseId: string, releaseDate: string, previousDate: string) {
  return upstreamEvent('release.rescheduled', personId, {
    ...releaseFacts(releaseId, releaseDate),
    previous: { releaseDate: previousDate, gateTime: '09:30', gateAt: gateAtOn(previousDate) },
    reason: 'sentence recalculated',
  });
}

function releaseFacts(releaseId: string, releaseDate: string): EventData<'release.scheduled'> {
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
