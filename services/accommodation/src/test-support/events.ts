export { watchTopic } from '@resettle/platform/testing';

import { handoffBooked as booked } from '@resettle/testing/upstream-events';

export { releaseRescheduled, releaseScheduled } from '@resettle/testing/upstream-events';

/** Her handoff booked with a community treatment provider in `localAuthority`. */
export function handoffBooked(personId: string, releaseId: string, localAuthority: string) {
  return booked(personId, releaseId, { localAuthority });
}
