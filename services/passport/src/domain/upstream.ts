import type { EventEnvelope, EventKey, EventOf } from '@resettle/contracts';

/**
 * Every upstream event a passport folds, at the versions this service knows: the release at both versions (a v1 still
 * on the topic counts as revision 0), every owner's verdicts, and the status events it keeps for display only.
 */
export const PASSPORT_EVENT_KEYS = [
  'release.scheduled@v1',
  'release.rescheduled@v1',
  'release.cancelled@v1',
  'release.occurred@v1',
  'release.scheduled@v2',
  'release.rescheduled@v2',
  'release.cancelled@v2',
  'release.occurred@v2',
  'release.pathway-judged@v1',
  'treatment.pathway-judged@v1',
  'accommodation.pathway-judged@v1',
  'transport.pathway-judged@v1',
  'treatment.handoff.booked@v1',
  'treatment.handoff.accepted@v1',
  'treatment.handoff.declined@v1',
  'treatment.handoff.needs-reconfirmation@v1',
  'treatment.first-appointment.recorded@v1',
  'treatment.started@v1',
  'treatment.disengaged@v1',
  'accommodation.confirmed@v1',
  'accommodation.changed@v1',
  'accommodation.withdrawn@v1',
  'transport.arranged@v1',
  'transport.changed@v1',
  'transport.cancelled@v1',
] as const satisfies readonly EventKey[];

export type PassportEventKey = (typeof PASSPORT_EVENT_KEYS)[number];

/** One upstream event a passport folds; each names the release it is about (`data.releaseId`). */
export type UpstreamEvent = EventOf<PassportEventKey>;

export type JudgementEvent = Extract<UpstreamEvent, { type: `${string}.pathway-judged` }>;
export type ReleaseEvent = Extract<UpstreamEvent, { type: `release.${string}` }>;

const FOLDED: ReadonlySet<string> = new Set(PASSPORT_EVENT_KEYS);

/** Whether an event, already checked against its contract, is one a passport folds (its type at this version). */
export function isUpstreamEvent(event: EventEnvelope): event is UpstreamEvent {
  return FOLDED.has(`${event.type}@v${event.version}`);
}
