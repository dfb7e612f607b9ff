import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';
import { accommodationBody } from '../../services/accommodation/src/test-support/accommodations.js';
import { releaseScheduled, treatmentIn, watchTopic } from '../../services/accommodation/src/test-support/events.js';
import { everyoneBut } from './support/roles.js';

const coordinator: Caller = { sub: 'housing-1', roles: ['accommodation-coordinator'], region: 'South West' };
const probation: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };
const PERSON = 'A7101AA';
/** Everything the coordinator's work needs, and nothing else: no treatment detail, no restricted area. */
const COORDINATOR_FIELDS = [
  'id',
  'personId',
  'releaseId',
  'type',
  'localAuthority',
  'postcodeDistrict',
  'confirmedFrom',
  'womenOnly',
  'confirmedBy',
  'status',
  'statusReason',
  'localTreatmentMismatch',
  'withdrawnReason',
  'safeguardingReview',
  'revision',
].sort();
// Known to the service, never to be shown to the coordinator: her restricted areas and the provider's area and id.
const SECRETS = /Wiltshire|M14|Bath and North East Somerset|provider-1/;

describe('what each role sees of accommodation', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;
  let id: string;
  let releaseId: string;
  beforeAll(async () => {
    service = await startTestService(accommodation, { clock: () => new Date('2026-11-02T10:00:00Z') });
    watcher = await watchTopic(TOPICS.accommodation, service.namespace);
    releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(PERSON, releaseId, '2026-11-18'));
    await watcher.publish(TOPICS.treatmentLogistics, treatmentIn(PERSON, releaseId, 'Bath and North East Somerset'));
    const body = accommodationBody(PERSON, releaseId);
    const created = await eventually(async () => {
      const answer = await service.call(coordinator, 'POST', '/api/accommodations', body);
      expect(answer.status).toBe(201);
      return answer;
    });
    id = created.body.id;
    const areas = [
      { kind: 'local-authority', value: 'Bristol' },
      { kind: 'local-authority', value: 'Wiltshire' },
      { kind: 'postcode-district', value: 'M14' },
    ];
    for (const area of areas) {
      const added = await service.call(probation, 'POST', `/api/people/${PERSON}/restricted-areas`, {
        ...area,
        reason: 'Her former partner lives there',
      });
      expect(added.status).toBe(201);
    }
  });
  afterAll(async () => {
    await watcher?.close();
    await service?.close();
  });

  it('the coordinator sees her place awaiting safeguarding review and far from treatment, but nothing of her restricted areas', async () => {
    const one = await eventually(async () => {
      const answer = await service.call(coordinator, 'GET', `/api/accommodations/${id}`);
      expect(answer.body.localTreatmentMismatch).toBe(true);
      return answer;
    });
    const list = await service.call(coordinator, 'GET', `/api/accommodations?releaseId=${releaseId}`);
    for (const view of [one.body, ...list.body.items]) {
      expect(Object.keys(view).sort()).toEqual(COORDINATOR_FIELDS);
      // It falls in one of her restricted areas (Bristol): nothing in the answer says so.
      expect(view).toMatchObject({ status: 'confirmed', statusReason: null, safeguardingReview: 'awaiting-review' });
      expect(JSON.stringify(view)).not.toMatch(SECRETS);
      expect(JSON.stringify(view)).not.toMatch(/restrict|must not live/i);
    }
  });

  it('probation of her region sees her restricted areas and the review; no other role does', async () => {
    for (const path of [`/api/people/${PERSON}/restricted-areas`, `/api/safeguarding-reviews/${id}`]) {
      const read = await service.call(probation, 'GET', path);
      expect(read.status).toBe(200);
      for (const caller of everyoneBut('probation')) {
        const denied = await service.call(caller, 'GET', path);
        expect({ role: caller.roles[0], status: denied.status }).toEqual({ role: caller.roles[0], status: 403 });
        expect(JSON.stringify(denied.body)).not.toMatch(SECRETS);
      }
    }
    const areas = await service.call(probation, 'GET', `/api/people/${PERSON}/restricted-areas`);
    expect(areas.body.restrictedAreas).toHaveLength(3);
    const review = await service.call(probation, 'GET', `/api/safeguarding-reviews/${id}`);
    expect(review.body).toMatchObject({
      matchesRestrictedArea: true,
      matchingAreas: [{ kind: 'local-authority', value: 'Bristol' }],
    });
  });

  it('every role but the coordinator is refused accommodation records (403)', async () => {
    for (const caller of everyoneBut('accommodation-coordinator')) {
      for (const path of [`/api/accommodations/${id}`, `/api/accommodations?releaseId=${releaseId}`]) {
        const denied = await service.call(caller, 'GET', path);
        expect({ role: caller.roles[0], path, status: denied.status }).toEqual({
          role: caller.roles[0],
          path,
          status: 403,
        });
      }
    }
  });
});
