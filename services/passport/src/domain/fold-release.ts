import type { ReleaseScheduled } from '@resettle/contracts';
import { longDate } from './dates.js';
import type { ReleaseFacts } from './passport.js';
import type { ReleaseEvent } from './upstream.js';

export interface Folded<T> {
  facts: T;
  summary: string;
}

type ReleaseChangeEvent = Exclude<ReleaseEvent, { type: 'release.pathway-judged' }>;

/** A v1 event (published before revisions existed) counts as revision 0. */
function revisionOf(event: ReleaseChangeEvent): number {
  return 'revision' in event.data ? event.data.revision : 0;
}

export function isReleaseChange(event: { type: string }): event is ReleaseChangeEvent {
  return ['release.scheduled', 'release.rescheduled', 'release.cancelled', 'release.occurred'].includes(event.type);
}

/** The release's own topic keeps its order, so each event is the latest; the revision never goes back. */
export function foldRelease(current: ReleaseFacts | null, event: ReleaseChangeEvent): Folded<ReleaseFacts> {
  const revision = Math.max(current?.revision ?? 0, revisionOf(event));
  const stamp = revision > 0 ? ` (revision ${revision})` : '';
  switch (event.type) {
    case 'release.scheduled':
      return {
        facts: {
          ...scheduledFacts(event.data, current),
          revision,
          latestChange: { kind: 'scheduled', releaseDate: event.data.releaseDate },
        },
        summary: `Release scheduled for ${longDate(event.data.releaseDate)} at ${event.data.gateTime}${stamp}`,
      };
    case 'release.rescheduled':
      return {
        facts: {
          ...scheduledFacts(event.data, current),
          revision,
          latestChange: { kind: 'moved', releaseDate: event.data.releaseDate },
        },
        summary:
          `Release moved from ${longDate(event.data.previous.releaseDate)} at ${event.data.previous.gateTime} ` +
          `to ${longDate(event.data.releaseDate)} at ${event.data.gateTime}${stamp}: ${event.data.reason}`,
      };
    case 'release.cancelled': {
      const base = current ?? placeholder(event.data.prisonCode);
      return {
        facts: {
          ...base,
          revision,
          status: 'cancelled',
          cancelledReason: event.data.reason,
          latestChange: { kind: 'cancelled', releaseDate: base.releaseDate },
        },
        summary: `Release cancelled${stamp}: ${event.data.reason}`,
      };
    }
    case 'release.occurred': {
      const base = current ?? { ...placeholder(event.data.prisonCode), releaseDate: event.data.releaseDate };
      return {
        facts: {
          ...base,
          revision,
          status: 'released',
          gatePassedAt: event.data.gatePassedAt,
          latestChange: { kind: 'released', releaseDate: event.data.releaseDate },
        },
        summary: `She left custody on ${longDate(event.data.releaseDate)}${stamp}`,
      };
    }
  }
}

/** A release that has already passed the gate stays released whatever arrives late. */
function scheduledFacts(
  data: ReleaseScheduled,
  current: ReleaseFacts | null,
): Omit<ReleaseFacts, 'revision' | 'latestChange'> {
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
    revision: 0,
    latestChange: { kind: 'scheduled', releaseDate: null },
    prisonCode,
    probationRegion: null,
    releaseDate: null,
    gateTime: null,
    gateAt: null,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: false,
    weekendCoverPlanRequired: false,
    cancelledReason: null,
    gatePassedAt: null,
  };
}
