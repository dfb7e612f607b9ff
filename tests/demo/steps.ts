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
import { housing, nurse, planner, provider, travel } from './staff.js';

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

export function house(release: Release) {
  const body = { ...about(release), ...accommodationDetail(release) };
  return whenKnown(() => call('accommodation', housing, 'POST', '/api/accommodations', body));
}

export function arrangeTravel(release: Release) {
  const body = { ...about(release), ...travelDetail(release) };
  return whenKnown(() => call('transport', travel, 'POST', '/api/travel-plans', body));
}
