import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { auditLog } from '@resettle/platform/audit-schema';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../app.js';
import { releaseScheduled, watchTopic } from '../test-support/events.js';
import { planBody } from '../test-support/plans.js';

// Her release is from EHI to the South West (the upstream events' defaults).
const ofHerPrison: Caller = { sub: 'travel-ehi', roles: ['transport-coordinator'], prison: 'EHI' };
const ofHerRegion: Caller = { sub: 'travel-sw', roles: ['transport-coordinator'], region: 'South West' };
const ofAnotherPrison: Caller = { sub: 'travel-sti', roles: ['transport-coordinator'], prison: 'STI' };
const ofAnotherRegion: Caller = { sub: 'travel-wales', roles: ['transport-coordinator'], region: 'Wales' };
const PERSON = 'A4901AA';

describe('a transport coordinator sees only her caseload: her prison or her region', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;
  let releaseId: string;
  let id: string;
  let revision: number;

  beforeAll(async () => {
    service = await startTestService(transport, { clock: () => new Date('2026-11-02T10:00:00Z') });
    watcher = await watchTopic(TOPICS.transport, service.namespace);
    releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(PERSON, releaseId, '2026-11-18'));
    const created = await eventually(async () => {
      const answer = await service.call(ofHerPrison, 'POST', '/api/travel-plans', planBody(PERSON, releaseId));
      expect(answer.status).toBe(201);
      return answer;
    });
    id = created.body.id;
    revision = created.body.revision;
  });
  afterAll(async () => {
    await watcher.close();
    await service.close();
  });

  it('her prison and her region read the plan and the release list', async () => {
    for (const caller of [ofHerPrison, ofHerRegion]) {
      expect((await service.call(caller, 'GET', `/api/travel-plans/${id}`)).status).toBe(200);
      const listed = await service.call(caller, 'GET', `/api/travel-plans?releaseId=${releaseId}`);
      expect(listed.body.items.map((plan: { id: string }) => plan.id)).toEqual([id]);
    }
  });

  it('another prison or region gets 404 for her plan, her release list, a change and a new plan, each audited as denied', async () => {
    for (const caller of [ofAnotherPrison, ofAnotherRegion]) {
      const read = await service.call(caller, 'GET', `/api/travel-plans/${id}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(PERSON);
      expect((await service.call(caller, 'GET', `/api/travel-plans?releaseId=${releaseId}`)).status).toBe(404);
      const change = await service.call(caller, 'PUT', `/api/travel-plans/${id}`, {
        ...planBody(PERSON, releaseId),
        personId: undefined,
        releaseId: undefined,
      });
      expect(change.status).toBe(404);
      const cancel = await service.call(caller, 'POST', `/api/travel-plans/${id}/cancel`, { reason: 'not hers' });
      expect(cancel.status).toBe(404);
      const arrange = await service.call(caller, 'POST', '/api/travel-plans', planBody(PERSON, releaseId));
      expect(arrange.status).toBe(404);
    }
    const denied = (await service.context.db.select().from(auditLog)).filter((row) => row.outcome === 'denied');
    for (const sub of [ofAnotherPrison.sub, ofAnotherRegion.sub]) {
      expect(
        denied
          .filter((row) => row.sub === sub)
          .map((row) => [row.action, row.personId])
          .sort(),
      ).toEqual(
        [
          ['arrange-travel', PERSON],
          ['cancel-travel', PERSON],
          ['change-travel', PERSON],
          ['list-travel-plans', PERSON],
          ['read-travel-plan', PERSON],
        ].sort(),
      );
    }
    const still = await service.call(ofHerPrison, 'GET', `/api/travel-plans/${id}`);
    expect(still.body).toMatchObject({ status: 'arranged', revision });
  });

  it('refuses a coordinator token with neither a prison nor a region', async () => {
    const unscoped = await service.call(
      { sub: 'travel-x', roles: ['transport-coordinator'] },
      'GET',
      `/api/travel-plans/${id}`,
    );
    expect(unscoped.status).toBe(403);
  });
});
