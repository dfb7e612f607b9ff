import {
  about,
  acceptanceBody,
  accommodationDetail,
  handoffBody,
  type ReleaseFacts,
  scheduleBody,
  travelDetail,
} from '../shared/requests.js';
import { call, whenKnown } from './client.js';
import { housing, nurse, planner, probation, provider, travel } from './staff.js';

export type Release = ReleaseFacts;

export function schedule(personId: string, asked: Record<string, unknown>): Promise<Release> {
  return call('release-scheduling', planner, 'POST', '/api/releases', scheduleBody(personId, asked));
}

export function book(release: Release, changes: Record<string, unknown> = {}): Promise<{ id: string }> {
  return whenKnown(() => call('treatment-continuity', nurse, 'POST', '/api/handoffs', handoffBody(release, changes)));
}

export async function handOver(release: Release, changes: Record<string, unknown> = {}) {
  const handoff = await book(release, changes);
  await call('treatment-continuity', provider, 'POST', `/api/provider/handoffs/${handoff.id}/accept`, acceptanceBody);
  return handoff;
}

/** The coordinator proposes a place; her offender manager reviews it at safeguarding review and approves it. */
export async function house(release: Release) {
  const body = { ...about(release), ...accommodationDetail(release) };
  const proposed = await whenKnown(() => call('accommodation', housing, 'POST', '/api/accommodations', body));
  const review = `/api/safeguarding-reviews/${proposed.id}`;
  const seen = await call('accommodation', probation, 'GET', review);
  await call('accommodation', probation, 'POST', `${review}/approve`, { revision: seen.revision });
  return proposed;
}

export function arrangeTravel(release: Release) {
  const body = { ...about(release), ...travelDetail(release) };
  return whenKnown(() => call('transport', travel, 'POST', '/api/travel-plans', body));
}
