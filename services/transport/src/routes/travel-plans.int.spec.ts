import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../app.js';
import { firstAppointment, releaseScheduled, watchTopic } from '../test-support/events.js';
import { planBody } from '../test-support/plans.js';

const coordinator: Caller = { sub: 'transport-1', roles: ['transport-coordinator'], prison: 'EHI' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('transport API on the real database and broker', () => {
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

  /** Publishes her release and waits until the service knows it (a POST stops answering 409 RELEASE_NOT_YET_KNOWN). */
  async function arrange(personId: string, overrides: Record<string, unknown> = {}) {
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    const response = await eventually(async () => {
      const answer = await service.call(
        coordinator,
        'POST',
        '/api/travel-plans',
        planBody(personId, releaseId, overrides),
      );
      expect(answer.body.rule).not.toBe('RELEASE_NOT_YET_KNOWN');
      return answer;
    });
    return { releaseId, response };
  }

  it('arranges a journey, stores the long-journey flag without refusing, and publishes transport.arranged', async () => {
    const { releaseId, response } = await arrange('A4001AA', { expectedArrivalAt: '2026-11-18T13:30:00Z' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'arranged', reasons: [] });
    expect(response.body.flags.map((flag: { rule: string }) => flag.rule)).toEqual(['LONG_JOURNEY_WITHOUT_ESCORT']);
    await eventually(() => expect(watcher.eventsFor('A4001AA')).toHaveLength(1));
    expect(watcher.eventsFor('A4001AA')[0]).toMatchObject({
      type: 'transport.arranged',
      data: { releaseId, longJourneyWithoutEscort: true },
    });
    const read = await service.call(coordinator, 'GET', `/api/travel-plans/${response.body.id}`);
    expect(read.body.flags).toHaveLength(1);
    const again = await service.call(coordinator, 'POST', '/api/travel-plans', planBody('A4001AA', releaseId));
    expect(again.status).toBe(409);
  });

  it('refuses a journey arriving after the evening cut-off with 422, storing nothing', async () => {
    const { releaseId, response } = await arrange('A4002AA', { expectedArrivalAt: '2026-11-18T17:30:00Z' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ rule: 'ARRIVES_AFTER_EVENING_CUTOFF', field: 'expectedArrivalAt' });
    const listed = await service.call(coordinator, 'GET', `/api/travel-plans?releaseId=${releaseId}`);
    expect(listed.body.items).toEqual([]);
  });

  it('refuses leaving before the gate, and arriving too close to the first appointment once it is known', async () => {
    const { releaseId, response } = await arrange('A4003AA', { departureAt: '2026-11-18T09:00:00Z' });
    expect(response.body.rule).toBe('DEPARTS_BEFORE_GATE');
    const inTime = planBody('A4003AA', releaseId, { expectedArrivalAt: '2026-11-18T12:15:00Z' });
    const created = await service.call(coordinator, 'POST', '/api/travel-plans', inTime);
    expect(created.status).toBe(201);
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment('A4003AA', releaseId, '2026-11-18T12:45:00Z'));
    const { personId: _, releaseId: __, ...fields } = planBody('A4003AA', releaseId);
    await eventually(async () => {
      const late = await service.call(coordinator, 'PUT', `/api/travel-plans/${created.body.id}`, fields);
      expect(late.status).toBe(422);
      expect(late.body.rule).toBe('ARRIVES_AFTER_APPOINTMENT');
    });
  });

  it('answers 400 naming the field for malformed input or an unknown release, and 403 for the wrong role', async () => {
    const releaseId = randomUUID();
    const badTime = await service.call(
      coordinator,
      'POST',
      '/api/travel-plans',
      planBody('A4004AA', releaseId, { departureAt: 'after lunch' }),
    );
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors[0].field).toBe('body.departureAt');
    const badMode = await service.call(
      coordinator,
      'POST',
      '/api/travel-plans',
      planBody('A4004AA', releaseId, { mode: 'bike' }),
    );
    expect(badMode.status).toBe(400);
    expect(badMode.body.errors[0].field).toBe('body.mode');
    const unknown = await service.call(coordinator, 'POST', '/api/travel-plans', planBody('A4004AA', releaseId));
    // Not the caller's mistake: the release's event may still be on its way.
    expect(unknown.status).toBe(409);
    expect(unknown.headers['retry-after']).toBe('2');
    expect(unknown.body).toMatchObject({ field: 'body.releaseId', rule: 'RELEASE_NOT_YET_KNOWN' });
    const wrongRole = await service.call(
      { sub: 'h-1', roles: ['accommodation-coordinator'], region: 'South West' },
      'POST',
      '/api/travel-plans',
      planBody('A4004AA', releaseId),
    );
    expect(wrongRole.status).toBe(403);
  });

  it('cancels a plan and publishes transport.cancelled', async () => {
    const { response } = await arrange('A4005AA', { mode: 'met-at-gate', metBy: 'Her mother' });
    expect(response.status).toBe(201);
    const cancelled = await service.call(coordinator, 'POST', `/api/travel-plans/${response.body.id}/cancel`, {
      reason: 'She will be collected by her support worker instead',
    });
    expect(cancelled.body.status).toBe('cancelled');
    await eventually(() =>
      expect(watcher.eventsFor('A4005AA').map((event) => event.type)).toEqual([
        'transport.arranged',
        'transport.cancelled',
      ]),
    );
  });
});
