import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../app.js';
import { accommodationBody } from '../test-support/accommodations.js';
import {
  releaseRescheduledV2,
  releaseScheduled,
  releaseScheduledV2,
  treatmentIn,
  watchTopic,
} from '../test-support/events.js';
import { addRestrictedArea, approvePlace } from '../test-support/reviews.js';

const coordinator: Caller = { sub: 'housing-1', roles: ['accommodation-coordinator'], region: 'South West' };
const probation: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('accommodation publishes its verdict on every change and every release revision', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;

  beforeAll(async () => {
    service = await startTestService(accommodation, { clock });
    watcher = await watchTopic(TOPICS.accommodation, service.namespace);
  });
  afterAll(async () => {
    await watcher.close();
    await service.close();
  });

  const verdicts = (personId: string) =>
    watcher.judgementsFor(personId).map((judged) => `${judged.status}@${judged.judgedAgainst.releaseRevision}`);

  async function confirmedAtRevision1(personId: string, body: Record<string, unknown> = {}) {
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, releaseId, '2026-11-18'));
    const created = await eventually(async () => {
      const response = await service.call(coordinator, 'POST', '/api/accommodations', {
        ...accommodationBody(personId, releaseId),
        ...body,
      });
      expect(response.status).toBe(201);
      return response.body;
    });
    await approvePlace(service, created.id);
    return { releaseId, created };
  }

  it('a restriction added after approval, then the release moved: back to review (in progress), judged against the new revision', async () => {
    const personId = 'A3101AA';
    const { releaseId } = await confirmedAtRevision1(personId);
    await eventually(() => expect(verdicts(personId)).toEqual(['not-started@1', 'in-progress@1', 'complete@1']));
    await addRestrictedArea(service, personId, { kind: 'local-authority', value: 'City of Bristol' });
    await eventually(() =>
      expect(verdicts(personId)).toEqual(['not-started@1', 'in-progress@1', 'complete@1', 'in-progress@1']),
    );
    // The move changes nothing for accommodation (it is confirmed from an earlier day) but is a new revision.
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-19', '2026-11-18', 2),
    );
    await eventually(() =>
      expect(verdicts(personId)).toEqual([
        'not-started@1',
        'in-progress@1',
        'complete@1',
        'in-progress@1',
        'in-progress@2',
      ]),
    );
    const last = watcher.judgementsFor(personId).at(-1)!;
    expect(last).toMatchObject({
      releaseId,
      pathway: 'accommodation',
      required: true,
      reasons: [expect.objectContaining({ rule: 'AWAITING_SAFEGUARDING_REVIEW' })],
    });
    expect(JSON.stringify(watcher.judgementsFor(personId))).not.toMatch(/Bristol"|City of Bristol/);
  });

  it('re-judges on a release move even when the verdict is unchanged, and when no accommodation is recorded', async () => {
    const personId = 'A3102AA';
    const { releaseId } = await confirmedAtRevision1(personId);
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-20', '2026-11-18', 2),
    );
    await eventually(() =>
      expect(verdicts(personId)).toEqual(['not-started@1', 'in-progress@1', 'complete@1', 'complete@2']),
    );

    const nothingYet = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, nothingYet, '2026-12-01'));
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, nothingYet, '2026-12-02', '2026-12-01', 2),
    );
    await eventually(() => {
      const forIt = watcher.judgementsFor(personId).filter((judged) => judged.releaseId === nothingYet);
      expect(forIt.map((judged) => `${judged.status}@${judged.judgedAgainst.releaseRevision}`)).toEqual([
        'not-started@1',
        'not-started@2',
      ]);
      expect(forIt[0]!.missing).toEqual(['release-night accommodation']);
    });
  });

  it('ignores a release event older than the revision it holds (the copy keeps the newer facts)', async () => {
    const personId = 'A3105AA';
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, releaseId, '2026-11-18'));
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-20', '2026-11-18', 3),
    );
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-10', '2026-11-18', 2),
    );
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-21', '2026-11-20', 4),
    );
    await eventually(() => expect(verdicts(personId)).toEqual(['not-started@1', 'not-started@3', 'not-started@4']));
    // Confirmed from the 21st fits the release as of revision 4 (the 21st), not the stale 10th.
    const created = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId, { confirmedFrom: '2026-11-21' }),
    );
    expect(created.status).toBe(201);
    await eventually(() => expect(verdicts(personId).at(-1)).toBe('in-progress@4'));
    await approvePlace(service, created.body.id);
    await eventually(() => expect(verdicts(personId).at(-1)).toBe('complete@4'));
  });

  it('an older v1 release event counts as revision 0; changes, the provider area and withdrawal are judged too', async () => {
    const personId = 'A3103AA';
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    await eventually(() => expect(verdicts(personId)).toEqual(['not-started@0']));
    const created = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId, { confirmedFrom: null }),
    );
    expect(created.status).toBe(201);
    await approvePlace(service, created.body.id);
    const { personId: _, releaseId: __, ...fields } = accommodationBody(personId, releaseId);
    const changed = await service.call(coordinator, 'PUT', `/api/accommodations/${created.body.id}`, fields);
    expect(changed.status).toBe(200);
    await watcher.publish(TOPICS.treatmentLogistics, treatmentIn(personId, releaseId, 'South Gloucestershire'));
    await eventually(() => expect(verdicts(personId)).toHaveLength(5));
    const withdrawn = await service.call(coordinator, 'POST', `/api/accommodations/${created.body.id}/withdraw`, {
      reason: 'Room no longer available',
    });
    expect(withdrawn.status).toBe(200);
    await eventually(() =>
      expect(verdicts(personId)).toEqual([
        'not-started@0',
        'in-progress@0',
        'in-progress@0',
        'complete@0',
        'complete@0',
        'at-risk@0',
      ]),
    );
    const judged = watcher.judgementsFor(personId);
    expect(judged[4]!.reasons.map((reason) => reason.rule)).toEqual(['LOCAL_TREATMENT_MISMATCH']);
    expect(judged[5]!.reasons.map((reason) => reason.rule)).toEqual(['ACCOMMODATION_WITHDRAWN']);
  });

  it('shows probation the restriction a place falls in whatever the spelling, and refuses an authority it does not know', async () => {
    const personId = 'A3104AA';
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, releaseId, '2026-11-18'));
    await addRestrictedArea(service, personId, { kind: 'local-authority', value: 'bristol city council' });
    await addRestrictedArea(service, personId, { kind: 'postcode-district', value: 'bs 7' });
    const inside = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId, { localAuthority: 'Bristol, City of' }),
    );
    expect(inside.status).toBe(201);
    const reviewed = await service.call(probation, 'GET', `/api/safeguarding-reviews/${inside.body.id}`);
    expect(reviewed.body).toMatchObject({
      matchesRestrictedArea: true,
      matchingAreas: [{ kind: 'local-authority', value: 'bristol city council' }],
    });
    await service.call(probation, 'POST', `/api/safeguarding-reviews/${inside.body.id}/decline`, {
      revision: reviewed.body.revision,
      reason: 'In her restricted area',
    });
    const byDistrict = await service.call(
      coordinator,
      'POST',
      '/api/accommodations',
      accommodationBody(personId, releaseId, { localAuthority: 'North Somerset', postcodeDistrict: 'bs7' }),
    );
    expect(byDistrict.status).toBe(201);
    const second = await service.call(probation, 'GET', `/api/safeguarding-reviews/${byDistrict.body.id}`);
    expect(second.body.matchingAreas).toEqual([{ kind: 'postcode-district', value: 'bs 7' }]);
    const typo = await service.call(coordinator, 'PUT', `/api/accommodations/${byDistrict.body.id}`, {
      ...accommodationBody(personId, releaseId, { localAuthority: 'Bristoll' }),
      personId: undefined,
      releaseId: undefined,
    });
    expect(typo.status).toBe(422);
    expect(typo.body).toMatchObject({ rule: 'LOCAL_AUTHORITY_UNKNOWN', field: 'localAuthority' });
    expect(typo.body.detail ?? JSON.stringify(typo.body)).toContain('is not a known local authority');
    const unknownRestriction = await service.call(probation, 'POST', `/api/people/${personId}/restricted-areas`, {
      kind: 'local-authority',
      value: 'Bristoll',
      reason: 'Her former partner lives there',
    });
    expect(unknownRestriction.status).toBe(400);
    expect(unknownRestriction.body.errors[0]).toMatchObject({ field: 'body.value', rule: 'local-authority' });
  });
});
