import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../app.js';
import {
  firstAppointment,
  firstAppointmentV2,
  releaseOccurredV2,
  releaseRescheduledV2,
  releaseScheduled,
  releaseScheduledV2,
  watchTopic,
} from '../test-support/events.js';
import { planBody } from '../test-support/plans.js';

const coordinator: Caller = { sub: 'transport-1', roles: ['transport-coordinator'], prison: 'EHI' };
const clock = () => new Date('2026-11-02T10:00:00Z');

describe('transport publishes its verdict on every change and every release revision', () => {
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

  const verdicts = (personId: string, releaseId: string) =>
    watcher
      .judgementsFor(personId)
      .filter((judged) => judged.releaseId === releaseId)
      .map(
        (judged) =>
          `${judged.status}@${judged.judgedAgainst.releaseRevision}/${judged.judgedAgainst.handoffRevision ?? '-'}`,
      );

  async function arrangedAtRevision1(personId: string, overrides: Record<string, unknown> = {}) {
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduledV2(personId, releaseId, '2026-11-18'));
    const plan = await eventually(async () => {
      const response = await service.call(
        coordinator,
        'POST',
        '/api/travel-plans',
        planBody(personId, releaseId, overrides),
      );
      expect(response.status).toBe(201);
      return response.body;
    });
    return { releaseId, plan };
  }

  it('re-judges on a release move with no change of verdict, and judges a release with no plan as not started', async () => {
    const personId = 'A5101AA';
    const { releaseId } = await arrangedAtRevision1(personId);
    // The gate stays at 09:30 and the journey still fits the same day's gate: only the revision is new.
    await watcher.publish(
      TOPICS.releaseScheduling,
      releaseRescheduledV2(personId, releaseId, '2026-11-18', '2026-11-18', 2),
    );
    await eventually(() =>
      expect(verdicts(personId, releaseId)).toEqual(['not-started@1/-', 'complete@1/-', 'complete@2/-']),
    );
    const first = watcher.judgementsFor(personId)[0]!;
    expect(first).toMatchObject({ pathway: 'transport', required: true, missing: ['travel from the gate'] });
    expect(watcher.eventsFor(personId).map((event) => event.type)).toEqual(['transport.arranged']);
  });

  it('stamps the handoff revision of its first appointment (v1 counts as 0) and re-judges when the appointment moves', async () => {
    const personId = 'A5102AA';
    const { releaseId, plan } = await arrangedAtRevision1(personId);
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment(personId, releaseId, '2026-11-18T14:00:00Z'));
    await watcher.publish(
      TOPICS.treatmentLogistics,
      firstAppointmentV2(personId, releaseId, '2026-11-18T12:45:00Z', 3),
    );
    await eventually(() =>
      expect(verdicts(personId, releaseId)).toEqual(['not-started@1/-', 'complete@1/-', 'complete@1/0', 'at-risk@1/3']),
    );
    expect(
      watcher
        .judgementsFor(personId)
        .at(-1)!
        .reasons.map((reason) => reason.rule),
    ).toEqual(['ARRIVES_AFTER_APPOINTMENT']);
    const cancelled = await service.call(coordinator, 'POST', `/api/travel-plans/${plan.id}/cancel`, {
      reason: 'Driver unavailable',
    });
    expect(cancelled.status).toBe(200);
    await eventually(() => expect(verdicts(personId, releaseId)).toHaveLength(5));
    expect(verdicts(personId, releaseId).at(-1)).toBe('at-risk@1/3');
    expect(watcher.judgementsFor(personId).at(-1)!.reasons).toEqual([
      { rule: 'TRAVEL_CANCELLED', message: 'Travel cancelled: Driver unavailable' },
    ]);
  });

  it('the gate passed later than planned: a journey that left before she came out is at risk, not complete', async () => {
    const personId = 'A5103AA';
    // She was due out at 09:30; the journey leaves at 10:00 and gets her there at 12:30, before a 14:00 appointment.
    const { releaseId } = await arrangedAtRevision1(personId);
    await watcher.publish(
      TOPICS.treatmentLogistics,
      firstAppointmentV2(personId, releaseId, '2026-11-18T14:00:00Z', 1),
    );
    await eventually(() => expect(verdicts(personId, releaseId).at(-1)).toBe('complete@1/1'));
    await watcher.publish(TOPICS.releaseScheduling, releaseOccurredV2(personId, releaseId, '2026-11-18T12:15:00Z', 2));
    await eventually(() => expect(verdicts(personId, releaseId).at(-1)).toBe('at-risk@2/1'));
    expect(
      watcher
        .judgementsFor(personId)
        .at(-1)!
        .reasons.map((reason) => reason.rule),
    ).toEqual(['GATE_AFTER_DEPARTURE', 'GATE_TOO_LATE_FOR_APPOINTMENT']);
  });

  it('an older v1 release event counts as revision 0', async () => {
    const personId = 'A5104AA';
    const releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(personId, releaseId, '2026-11-18'));
    await eventually(() => expect(verdicts(personId, releaseId)).toEqual(['not-started@0/-']));
  });
});
