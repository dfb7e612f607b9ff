import { type EventEnvelope, parseEvent } from '@resettle/contracts';
import { watchTopicWithVerdicts } from '@resettle/platform/testing';
import {
  atLaterVersion,
  handoffLogistics,
  releaseRescheduled,
  releaseScheduled,
  upstreamEvent,
} from '@resettle/testing/upstream-events';

export {
  accommodationConfirmed,
  accommodationWithdrawn,
  releaseRescheduled,
  releaseScheduled,
} from '@resettle/testing/upstream-events';

/** Her first community appointment booked or moved to `appointmentAt` (null: none yet). */
export function firstAppointment(personId: string, releaseId: string, appointmentAt: string | null) {
  return handoffLogistics(personId, releaseId, { appointmentAt });
}

/** The rules a published transport.at-risk names, read through its contract. */
export function rulesNamedBy(event: EventEnvelope): string[] {
  const parsed = parseEvent(event);
  if (!parsed.ok || parsed.event.type !== 'transport.at-risk')
    throw new Error(`not a valid transport.at-risk: ${event.type}`);
  return parsed.event.data.reasons.map((reason) => reason.rule);
}

/** The same event as its owner publishes it now: v2, with `extra` (the release's or the handoff's revision). */
function asV2(event: EventEnvelope, extra: Record<string, number>) {
  return atLaterVersion(event, extra);
}

export function releaseScheduledV2(personId: string, releaseId: string, releaseDate: string) {
  return asV2(releaseScheduled(personId, releaseId, releaseDate), { revision: 1 });
}

export function releaseRescheduledV2(
  personId: string,
  releaseId: string,
  date: string,
  from: string,
  revision: number,
) {
  return asV2(releaseRescheduled(personId, releaseId, date, from), { revision });
}

/** She passed the gate at `gatePassedAt` (v2, a new revision). */
export function releaseOccurredV2(personId: string, releaseId: string, gatePassedAt: string, revision: number) {
  const occurred = upstreamEvent('release.occurred', personId, {
    releaseId,
    prisonCode: 'EHI',
    releaseDate: gatePassedAt.slice(0, 10),
    gatePassedAt,
  });
  return asV2(occurred, { revision });
}

/** Her first appointment from a handoff at `handoffRevision` (logistics v2). */
export function firstAppointmentV2(
  personId: string,
  releaseId: string,
  appointmentAt: string,
  handoffRevision: number,
) {
  return asV2(handoffLogistics(personId, releaseId, { appointmentAt }), { handoffRevision });
}

/** Her events on this service's topic, its verdicts apart. */
export function watchTopic(topic: string, namespace: string) {
  return watchTopicWithVerdicts(topic, namespace, 'transport.pathway-judged@v1');
}
