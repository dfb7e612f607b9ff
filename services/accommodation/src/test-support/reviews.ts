import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { expect } from 'vitest';

/** Probation of the South West, where the upstream events release her to. */
export const offenderManager: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };

/** Her offender manager approves the place as it is now. */
export async function approvePlace(service: TestService, accommodationId: string, by: Caller = offenderManager) {
  const seen = await service.call(by, 'GET', `/api/safeguarding-reviews/${accommodationId}`);
  expect(seen.status, JSON.stringify(seen.body)).toBe(200);
  const path = `/api/safeguarding-reviews/${accommodationId}/approve`;
  const approved = await service.call(by, 'POST', path, { revision: seen.body.revision });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

/** Her offender manager declines the place, with a reason kept for probation. */
export async function declinePlace(service: TestService, accommodationId: string, reason = 'Too near her abuser') {
  const seen = await service.call(offenderManager, 'GET', `/api/safeguarding-reviews/${accommodationId}`);
  expect(seen.status, JSON.stringify(seen.body)).toBe(200);
  const path = `/api/safeguarding-reviews/${accommodationId}/decline`;
  const declined = await service.call(offenderManager, 'POST', path, { revision: seen.body.revision, reason });
  expect(declined.status, JSON.stringify(declined.body)).toBe(200);
  return declined.body;
}

/**
 * Adds a restricted area once her release has reached the service (before that her region is unknown, so probation
 * gets a 404 like anyone else).
 */
export async function addRestrictedArea(
  service: TestService,
  personId: string,
  area: { kind: 'postcode-district' | 'local-authority'; value: string },
  by: Caller = offenderManager,
) {
  return eventually(async () => {
    const added = await service.call(by, 'POST', `/api/people/${personId}/restricted-areas`, {
      ...area,
      reason: 'Her former partner lives there',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return added.body as { id: string };
  });
}
