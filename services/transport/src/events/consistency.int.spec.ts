import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../app.js';
import {
  accommodationConfirmed,
  accommodationWithdrawn,
  firstAppointment,
  releaseRescheduled,
  releaseScheduled,
  rulesNamedBy,
  watchTopic,
} from '../test-support/events.js';
import { planBody } from '../test-support/plans.js';

const coordinator: Caller = { sub: 'transport-1', roles: ['transport-coordinator'], prison: 'EHI' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('travel plans kept consistent through events', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;

  beforeAll(async () => {
    service = await startTestService(transport, { clock });
    watcher = await watchTopic(TOPICS.transport, service.namespace);
  });
  afterAll(async () => {
    await watcher.close();
    await service.close();
  });

  async function arranged(personId: string, releaseId: string, overrides: Record<string, unknown> = {}) {
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    return eventually(async () => {
      const response = await service.call(
        coordinator,
        'POST',
        '/api/travel-plans',
        planBody(personId, releaseId, overrides),
      );
      expect(response.status).toBe(201);
      return response.body;
    });
  }

  const typesFor = (personId: string) => watcher.eventsFor(personId).map((event) => event.type);
  const rulesOf = (plan: { reasons: { rule: string }[] }) => plan.reasons.map((reason) => reason.rule);

  it('turns at risk exactly once when the release moves a day earlier, even if the event arrives twice', async () => {
    const personId = 'A5001AA';
    const releaseId = randomUUID();
    const plan = await arranged(personId, releaseId);
    const earlier = releaseRescheduled(personId, releaseId, '2026-11-17', '2026-11-18');
    await watcher.publish(TOPICS.releaseScheduling, earlier);
    await watcher.publish(TOPICS.releaseScheduling, earlier);
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduled(personId, releaseId, '2026-11-17', '2026-11-18'),
    );
    await eventually(() => expect(typesFor(personId)).toEqual(['transport.arranged', 'transport.at-risk']));
    const atRisk = watcher.eventsFor(personId)[1]!;
    expect(atRisk.data).toMatchObject({ travelPlanId: plan.id, releaseId });
    expect(rulesNamedBy(atRisk)).toContain('DEPARTS_ON_WRONG_DAY');
    const read = await service.call(coordinator, 'GET', `/api/travel-plans/${plan.id}`);
    expect(read.body.status).toBe('at-risk');
    expect(rulesOf(read.body)).toContain('DEPARTS_ON_WRONG_DAY');

    // A later release of hers, on the same partition after the duplicates: once it is known, they were consumed,
    // and the outbox publishes in commit order, so an extra at-risk would show before this plan's event.
    await arranged(personId, randomUUID());
    await eventually(() =>
      expect(typesFor(personId)).toEqual(['transport.arranged', 'transport.at-risk', 'transport.arranged']),
    );

    const { personId: _, releaseId: __, ...fields } = planBody(personId, releaseId);
    const moved = await service.call(coordinator, 'PUT', `/api/travel-plans/${plan.id}`, {
      ...fields,
      departureAt: '2026-11-17T10:00:00Z',
      expectedArrivalAt: '2026-11-17T12:30:00Z',
    });
    expect(moved.body).toMatchObject({ status: 'arranged', reasons: [] });
    await eventually(() => expect(typesFor(personId).at(-1)).toBe('transport.changed'));
  });

  it('turns at risk when the appointment moves earlier, and back to arranged when it moves back', async () => {
    const personId = 'A5002AA';
    const releaseId = randomUUID();
    const plan = await arranged(personId, releaseId);
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment(personId, releaseId, '2026-11-18T12:00:00Z'));
    await eventually(() => expect(typesFor(personId)).toEqual(['transport.arranged', 'transport.at-risk']));
    expect(rulesNamedBy(watcher.eventsFor(personId)[1]!)).toEqual(['ARRIVES_AFTER_APPOINTMENT']);
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment(personId, releaseId, '2026-11-18T14:00:00Z'));
    await eventually(() =>
      expect(typesFor(personId)).toEqual(['transport.arranged', 'transport.at-risk', 'transport.changed']),
    );
    const read = await service.call(coordinator, 'GET', `/api/travel-plans/${plan.id}`);
    expect(read.body).toMatchObject({ status: 'arranged', reasons: [] });
  });

  it('turns a journey to her accommodation at risk when the accommodation is withdrawn', async () => {
    const personId = 'A5003AA';
    const releaseId = randomUUID();
    const accommodationId = randomUUID();
    await arranged(personId, releaseId, { destination: 'accommodation' });
    await watcher.publish(TOPICS.accommodation, accommodationConfirmed(personId, releaseId, accommodationId));
    await watcher.publish(TOPICS.accommodation, accommodationWithdrawn(personId, releaseId, accommodationId));
    await eventually(() => expect(typesFor(personId)).toEqual(['transport.arranged', 'transport.at-risk']));
    expect(rulesNamedBy(watcher.eventsFor(personId)[1]!)).toEqual(['NO_ACCOMMODATION_TO_TRAVEL_TO']);
  });
});
