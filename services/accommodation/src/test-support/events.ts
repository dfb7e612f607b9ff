import type { EventEnvelope } from '@resettle/contracts';
import { watchTopic as watchAll } from '@resettle/platform/testing';
import {
  asKnown,
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

const isJudgement = (event: EventEnvelope) => event.type.endsWith('.pathway-judged');

/**
 * Watches a topic; `eventsFor` lists her events other than judgements (as before judgements existed), and
 * `judgementsFor` lists the judgements' data.
 */
export async function watchTopic(topic: string, namespace: string) {
  const watcher = await watchAll(topic, namespace);
  return {
    ...watcher,
    eventsFor: (personId: string) => watcher.eventsFor(personId).filter((event) => !isJudgement(event)),
    judgementsFor: (personId: string) =>
      watcher
        .eventsFor(personId)
        .filter(isJudgement)
        .map((event) => asKnown('accommodation.pathway-judged@v1', event).data),
  };
}
