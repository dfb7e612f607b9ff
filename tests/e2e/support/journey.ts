import type { Caller } from '@resettle/platform';
import { eventually } from '@resettle/testing';
import { expect } from 'vitest';
import { housing, nurse, planner, probation, provider, travel } from '../../shared/people.js';
import {
  about,
  acceptanceBody,
  accommodationDetail,
  appointmentFor,
  handoffBody,
  type ReleaseFacts,
  scheduleBody,
  travelDetail,
} from '../../shared/requests.js';
import type { Reply, RunningSystem } from './system.js';

export interface Release extends ReleaseFacts {
  weekendCoverPlanRequired: boolean;
}

function ok(reply: Reply, status = 201): Reply {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply;
}

export async function scheduleRelease(system: RunningSystem, personId: string, asked: Record<string, unknown>) {
  return ok(await system.call('release-scheduling', planner, 'POST', '/api/releases', scheduleBody(personId, asked)))
    .body as Release;
}

type Downstream = 'treatment-continuity' | 'accommodation' | 'transport';

/**
 * A write about a release to a service that learns of releases from events: until the release event has reached
 * it, the service answers 409 RELEASE_NOT_YET_KNOWN (with Retry-After), so the write is retried until it knows.
 */
async function postAboutRelease(
  system: RunningSystem,
  service: Downstream,
  caller: Caller,
  path: string,
  body: object,
) {
  return eventually(
    async () => {
      const reply = await system.call(service, caller, 'POST', path, body);
      const unknownRelease = reply.status === 409 && JSON.stringify(reply.body).includes('RELEASE_NOT_YET_KNOWN');
      expect(unknownRelease, `${service} has not heard of the release yet`).toBe(false);
      return ok(reply);
    },
    30_000,
    100,
  );
}

export async function bookHandoff(system: RunningSystem, release: Release, changes: Record<string, unknown> = {}) {
  const body = handoffBody(release, changes);
  return (await postAboutRelease(system, 'treatment-continuity', nurse, '/api/handoffs', body)).body as { id: string };
}

export async function acceptHandoff(system: RunningSystem, handoffId: string, body: object = acceptanceBody) {
  const path = `/api/provider/handoffs/${handoffId}/accept`;
  return ok(await system.call('treatment-continuity', provider, 'POST', path, body), 200);
}

/** The coordinator proposes a place: it awaits her offender manager's safeguarding review. */
export async function proposeAccommodation(system: RunningSystem, release: Release) {
  const body = { ...about(release), ...accommodationDetail(release) };
  return (await postAboutRelease(system, 'accommodation', housing, '/api/accommodations', body)).body as {
    id: string;
    safeguardingReview: string;
  };
}

/** Her offender manager (probation of her region) approves the place at safeguarding review. */
export async function approveAccommodation(system: RunningSystem, accommodationId: string) {
  const review = `/api/safeguarding-reviews/${accommodationId}`;
  const seen = ok(await system.call('accommodation', probation, 'GET', review), 200);
  return ok(
    await system.call('accommodation', probation, 'POST', `${review}/approve`, { revision: seen.body.revision }),
    200,
  );
}

/** Proposed by the coordinator and approved by her offender manager: the accommodation pathway can complete. */
export async function confirmAccommodation(system: RunningSystem, release: Release) {
  const proposed = await proposeAccommodation(system, release);
  await approveAccommodation(system, proposed.id);
  return proposed;
}

/** Adds one restricted area for her, once accommodation has heard of her release (so knows her region). */
export async function addRestrictedArea(
  system: RunningSystem,
  personId: string,
  area: { kind: string; value: string },
) {
  const path = `/api/people/${personId}/restricted-areas`;
  return eventually(
    async () =>
      ok(await system.call('accommodation', probation, 'POST', path, { ...area, reason: 'Her abuser lives there' })),
    30_000,
    200,
  );
}

export async function arrangeTravel(system: RunningSystem, release: Release) {
  const body = { ...about(release), ...travelDetail(release) };
  return (await postAboutRelease(system, 'transport', travel, '/api/travel-plans', body)).body as { id: string };
}

export interface PassportView {
  complete: boolean;
  releaseDate: string | null;
  weekendCoverPlanRequired: boolean;
  pathways: { pathway: string; status: string; reason: string | null; required: boolean }[];
  risk: { atRisk: boolean; missing: string[] };
  shortNoticeChecklist: { item: string; status: string }[] | null;
}

export async function passportOf(system: RunningSystem, releaseId: string): Promise<PassportView> {
  return ok(await system.call('passport', probation, 'GET', `/api/passports/${releaseId}`), 200).body;
}

export function passportWhen(
  system: RunningSystem,
  releaseId: string,
  check: (passport: PassportView) => void,
  timeoutMs = 30_000,
) {
  return eventually(
    async () => {
      const passport = await passportOf(system, releaseId);
      check(passport);
      return passport;
    },
    timeoutMs,
    200,
  );
}

export function statusOf(passport: PassportView, pathway: string): string | undefined {
  return passport.pathways.find((entry) => entry.pathway === pathway)?.status;
}

/** The ordinary journey up to a complete passport. */
export async function completeJourney(system: RunningSystem, personId: string, asked: Record<string, unknown>) {
  const release = await scheduleRelease(system, personId, asked);
  const handoff = await bookHandoff(system, release);
  await acceptHandoff(system, handoff.id);
  const accommodation = await confirmAccommodation(system, release);
  const travelPlan = await arrangeTravel(system, release);
  await passportWhen(system, release.id, (passport) => expect(passport.complete).toBe(true), 60_000);
  return { release, handoff, accommodation, travelPlan };
}

/** After the release moved: the provider confirms again, housing from the new date, travel on the new day. */
export async function reconfirmEverything(
  system: RunningSystem,
  release: Release,
  records: { handoffId: string; accommodationId: string; travelPlanId: string },
) {
  const acceptance = { ...acceptanceBody, firstAppointment: appointmentFor(release) };
  await eventually(() => acceptHandoff(system, records.handoffId, acceptance), 30_000, 200);
  const housingPath = `/api/accommodations/${records.accommodationId}`;
  ok(await system.call('accommodation', housing, 'PUT', housingPath, accommodationDetail(release)), 200);
  const travelPath = `/api/travel-plans/${records.travelPlanId}`;
  ok(await system.call('transport', travel, 'PUT', travelPath, travelDetail(release)), 200);
}
