import { handoffLogistics } from '@resettle/testing/upstream-events';

export { releaseRescheduled, releaseScheduled } from '@resettle/testing/upstream-events';

/** Her treatment handed over to a community provider in `localAuthority`. */
export function treatmentIn(personId: string, releaseId: string, localAuthority: string) {
  return handoffLogistics(personId, releaseId, { localAuthority });
}
export { watchTopic } from '@resettle/platform/testing';
