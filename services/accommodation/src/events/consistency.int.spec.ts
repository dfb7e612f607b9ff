import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../app.js';
import { releaseRescheduled, releaseScheduled, watchTopic } from '../test-support/events.js';
import { addRestrictedArea, approvePlace } from '../test-support/reviews.js';

const coordinator: Caller = { sub: 'housing-1', roles: ['accommodation-coordinator'], region: 'South West' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('accommodation kept consistent through events', () => {
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

  async function confirmed(personId: string, releaseId: string) {
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    return eventually(async () => {
      const response = await service.call(coordinator, 'POST', '/api/accommodations', {
        personId,
        releaseId,
        type: 'family-or-friends',
        localAuthority: 'Plymouth',
        postcodeDistrict: 'PL4',
        confirmedFrom: '2026-11-18',
        womenOnly: false,
        confirmedBy: 'Her sister',
      });
      expect(response.status).toBe(201);
      return response.body;
    });
  }

  const typesFor = (personId: string) => watcher.eventsFor(personId).map((event) => event.type);

  it('turns at risk exactly once when the release moves a day earlier, even if the event arrives twice', async () => {
    const personId = 'A3001AA';
    const releaseId = randomUUID();
    const record = await confirmed(personId, releaseId);
    const earlier = releaseRescheduled(personId, releaseId, '2026-11-17', '2026-11-18');
    await watcher.publish(TOPICS.releaseScheduling, earlier);
    await watcher.publish(TOPICS.releaseScheduling, earlier);
    // The same change again under a new event id is not a new change either.
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduled(personId, releaseId, '2026-11-17', '2026-11-18'),
    );
    await eventually(() => expect(typesFor(personId)).toEqual(['accommodation.confirmed', 'accommodation.at-risk']));
    const atRisk = watcher.eventsFor(personId)[1]!;
    expect(atRisk.data).toMatchObject({ releaseDate: '2026-11-17', confirmedFrom: '2026-11-18' });
    const read = await service.call(coordinator, 'GET', `/api/accommodations/${record.id}`);
    expect(read.body).toMatchObject({ status: 'at-risk' });
    expect(read.body.statusReason).toContain('Tue 17 Nov 2026');

    // A later release of hers, on the same partition after the duplicates: once it is known, they were consumed.
    // The outbox publishes in commit order, so an extra at-risk would show before this confirmation.
    await confirmed(personId, randomUUID());
    await eventually(() =>
      expect(typesFor(personId)).toEqual([
        'accommodation.confirmed',
        'accommodation.at-risk',
        'accommodation.confirmed',
      ]),
    );

    const { id: _, ...fields } = accommodationFields(record);
    const reconfirmed = await service.call(coordinator, 'PUT', `/api/accommodations/${record.id}`, {
      ...fields,
      confirmedFrom: '2026-11-17',
    });
    expect(reconfirmed.body).toMatchObject({ status: 'confirmed', statusReason: null });
    await eventually(() =>
      expect(typesFor(personId)).toEqual([
        'accommodation.confirmed',
        'accommodation.at-risk',
        'accommodation.confirmed',
        'accommodation.changed',
      ]),
    );
  });

  it('sends an approved place back to review when a restricted area covering it is added, publishing no at-risk and naming no area', async () => {
    const personId = 'A3002AA';
    const record = await confirmed(personId, randomUUID());
    await approvePlace(service, record.id);
    expect((await service.call(coordinator, 'GET', `/api/accommodations/${record.id}`)).body.safeguardingReview).toBe(
      'approved',
    );
    await addRestrictedArea(service, personId, { kind: 'postcode-district', value: 'PL4' });
    const read = await service.call(coordinator, 'GET', `/api/accommodations/${record.id}`);
    expect(read.body).toMatchObject({ status: 'confirmed', safeguardingReview: 'awaiting-review' });
    await eventually(() =>
      expect(watcher.judgementsFor(personId).map((judged) => judged.status)).toEqual([
        'not-started',
        'in-progress',
        'complete',
        'in-progress',
      ]),
    );
    expect(typesFor(personId)).toEqual(['accommodation.confirmed']);
    expect(JSON.stringify(watcher.judgementsFor(personId))).not.toContain('PL4');
  });
});

function accommodationFields(record: Record<string, unknown>) {
  const { id, type, localAuthority, postcodeDistrict, confirmedFrom, womenOnly, confirmedBy } = record;
  return { id, type, localAuthority, postcodeDistrict, confirmedFrom, womenOnly, confirmedBy };
}
