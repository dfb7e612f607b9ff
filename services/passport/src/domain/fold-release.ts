import type { KnownEvent, ReleaseScheduled } from '@resettle/contracts';
import { longDate } from './dates.js';
import type { ReleaseFacts } from './passport.js';

export interface Folded<T> {
  facts: T;
  summary: string;
}

export function foldRelease(current: ReleaseFacts | null, event: KnownEvent): Folded<ReleaseFacts> | null {
  switch (event.type) {
    case 'release.scheduled':
      return {
        facts: {
          ...scheduledFacts(event.data, current),
          gateHistory: withGate(current, event.occurredAt, event.data.gateAt),
          movedFrom: current?.movedFrom ?? null,
        },
        summary: `Release scheduled for ${longDate(event.data.releaseDate)} at ${event.data.gateTime}`,
      };
    case 'release.rescheduled':
      return {
        facts: {
          ...scheduledFacts(event.data, current),
          gateHistory: withGate(current, event.occurredAt, event.data.gateAt),
          movedFrom:
            event.data.previous.releaseDate === event.data.releaseDate
              ? (current?.movedFrom ?? null)
              : event.data.previous.releaseDate,
        },
        summary:
          `Release moved from ${longDate(event.data.previous.releaseDate)} at ${event.data.previous.gateTime} ` +
          `to ${longDate(event.data.releaseDate)} at ${event.data.gateTime}: ${event.data.reason}`,
      };
    case 'release.cancelled':
      return {
        facts: {
          ...(current ?? placeholder(event.data.prisonCode)),
          status: 'cancelled',
          cancelledReason: event.data.reason,
        },
        summary: `Release cancelled: ${event.data.reason}`,
      };
    case 'release.occurred':
      return {
        facts: {
          ...(current ?? { ...placeholder(event.data.prisonCode), releaseDate: event.data.releaseDate }),
          status: 'released',
          gatePassedAt: event.data.gatePassedAt,
        },
        summary: `She left custody on ${longDate(event.data.releaseDate)}`,
      };
    default:
      return null;
  }
}

/** A release that has already passed the gate stays released whatever arrives late. */
function withGate(current: ReleaseFacts | null, at: string, gateAt: string) {
  return [...(current?.gateHistory ?? []), { at, gateAt }].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function scheduledFacts(
  data: ReleaseScheduled,
  current: ReleaseFacts | null,
): Omit<ReleaseFacts, 'movedFrom' | 'gateHistory'> {
  return {
    status: current?.status === 'released' ? 'released' : 'scheduled',
    prisonCode: data.prisonCode,
    probationRegion: data.probationRegion,
    releaseDate: data.releaseDate,
    gateTime: data.gateTime,
    gateAt: data.gateAt,
    shortNotice: data.shortNotice,
    shortNoticeReason: data.shortNoticeReason,
    shortSentence: data.shortSentence,
    weekendCoverPlanRequired: data.weekendCoverPlanRequired,
    cancelledReason: null,
    gatePassedAt: current?.gatePassedAt ?? null,
  };
}

/** For a cancellation or release that arrives before the schedule: what the event itself tells. */
function placeholder(prisonCode: string): ReleaseFacts {
  return {
    status: 'scheduled',
    prisonCode,
    probationRegion: null,
    releaseDate: null,
    gateTime: null,
    gateAt: null,
    gateHistory: [],
    movedFrom: null,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: false,
    weekendCoverPlanRequired: false,
    cancelledReason: null,
    gatePassedAt: null,
  };
}
