import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../../services/transport/src/app.js';
import { firstAppointment, releaseScheduled, watchTopic } from '../../services/transport/src/test-support/events.js';
import { planBody } from '../../services/transport/src/test-support/plans.js';
import { everyoneBut } from './support/roles.js';

const coordinator: Caller = { sub: 'transport-1', roles: ['transport-coordinator'], prison: 'EHI' };
const PERSON = 'A7201AA';
/** Everything the journey needs, and nothing else: no treatment detail, nothing about where she may not go. */
const COORDINATOR_FIELDS = [
  'id',
  'personId',
  'releaseId',
  'mode',
  'metBy',
  'departureAt',
  'expectedArrivalAt',
  'destination',
  'arrangedBy',
  'escorted',
  'status',
  'reasons',
  'flags',
  'cancelledReason',
  'revision',
].sort();
// In the handoff events the service consumes; the coordinator learns only the appointment's time.
const TREATMENT_DETAIL = /Community drug service|provider-1|Bristol|BS1|dailyOst|naloxone|referral|methadone|dose/i;

describe('what each role sees of travel plans', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;
  let id: string;
  let releaseId: string;
  beforeAll(async () => {
    service = await startTestService(transport, { clock: () => new Date('2026-11-02T10:00:00Z') });
    watcher = await watchTopic(TOPICS.transport, service.namespace);
    releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(PERSON, releaseId, '2026-11-18'));
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment(PERSON, releaseId, '2026-11-18T14:00:00Z'));
    const created = await eventually(async () => {
      const answer = await service.call(coordinator, 'POST', '/api/travel-plans', planBody(PERSON, releaseId));
      expect(answer.status).toBe(201);
      return answer;
    });
    id = created.body.id;
    // Her appointment moves to 12:45: arriving 12:30 no longer leaves the margin, so the plan is at risk.
    await watcher.publish(TOPICS.treatmentLogistics, firstAppointment(PERSON, releaseId, '2026-11-18T12:45:00Z'));
  });
  afterAll(async () => {
    await watcher?.close();
    await service?.close();
  });

  it('the coordinator sees why the plan is at risk by the appointment time alone', async () => {
    const one = await eventually(async () => {
      const answer = await service.call(coordinator, 'GET', `/api/travel-plans/${id}`);
      expect(answer.body.status).toBe('at-risk');
      return answer;
    });
    const list = await service.call(coordinator, 'GET', `/api/travel-plans?releaseId=${releaseId}`);
    for (const view of [one.body, ...list.body.items]) {
      expect(Object.keys(view).sort()).toEqual(COORDINATOR_FIELDS);
      expect(view.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['ARRIVES_AFTER_APPOINTMENT']);
      expect(JSON.stringify(view)).not.toMatch(TREATMENT_DETAIL);
    }
  });

  it('every role but the transport coordinator is refused travel plans (403)', async () => {
    for (const caller of everyoneBut('transport-coordinator')) {
      for (const path of [`/api/travel-plans/${id}`, `/api/travel-plans?releaseId=${releaseId}`]) {
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
