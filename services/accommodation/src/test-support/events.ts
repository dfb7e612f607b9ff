import type { EventEnvelope } from '@resettle/contracts';
import { watchTopicWithVerdicts } from '@resettle/platform/testing';
import {
  atLaterVersion,
  handoffLogistics,
  releaseRescheduled,
  releaseScheduled,
} from '@resettle/testing/upstream-events';

export { releaseRescheduled, releaseScheduled } from '@resettle/testing/upstream-events';

/** Her treatment handed over to a community provider in `localAuthority`. */
export function treatmentIn(personId: string, releaseId: string, localAuthority: string) {
  return handoffLogistics(personId, releaseId, { localAuthority });
}

/** The same event as release-scheduling publishes it now: v2, with the release's revision. */
export function atRevision(event: EventEnvelope, revision: number) {
  return atLaterVersion(event, { revision });
}

export function releaseScheduledV2(personId: string, releaseId: string, releaseDate: string) {
  return atRevision(releaseScheduled(personId, releaseId, releaseDate), 1);
}

export function releaseRescheduledV2(
  personId: string,
  releaseId: string,
  date: string,
  from: string,
  revision: number,
) {
  return atRevision(releaseRescheduled(personId, releaseId, date, from), revision);
}

/** Her events on this service's topic, its verdicts apart. */
export function watchTopic(topic: string, namespace: string) {
  return watchTopicWithVerdicts(topic, namespace, 'accommodation.pathway-judged@v1');
}
