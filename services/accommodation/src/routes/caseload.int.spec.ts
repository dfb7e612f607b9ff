import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { auditLog } from '@resettle/platform/audit-schema';
import type { TestService } from '@resettle/platform/testing';
import { startTestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../app.js';
import { accommodationBody } from '../test-support/accommodations.js';
import { releaseScheduled, watchTopic } from '../test-support/events.js';

// Her release is from EHI to the South West (the upstream events' defaults).
const ofHerPrison: Caller = { sub: 'housing-ehi', roles: ['accommodation-coordinator'], prison: 'EHI' };
const ofHerRegion: Caller = { sub: 'housing-sw', roles: ['accommodation-coordinator'], region: 'South West' };
const ofAnotherPrison: Caller = { sub: 'housing-sti', roles: ['accommodation-coordinator'], prison: 'STI' };
const ofAnotherRegion: Caller = { sub: 'housing-wales', roles: ['accommodation-coordinator'], region: 'Wales' };
const PERSON = 'A2901AA';

describe('an accommodation coordinator sees only her caseload: her prison or her region', () => {
  let service: TestService;
  let watcher: Awaited<ReturnType<typeof watchTopic>>;
  let releaseId: string;
  let id: string;
  let revision: number;

  beforeAll(async () => {
    service = await startTestService(accommodation, { clock: () => new Date('2026-11-02T10:00:00Z') });
    watcher = await watchTopic(TOPICS.accommodation, service.namespace);
    releaseId = randomUUID();
    await watcher.publish(TOPICS.releaseScheduling, releaseScheduled(PERSON, releaseId, '2026-11-18'));
    const created = await eventually(async () => {
      const answer = await service.call(
        ofHerPrison,
        'POST',
        '/api/accommodations',
        accommodationBody(PERSON, releaseId),
      );
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

  it('her prison and her region read the record and the release list', async () => {
    for (const caller of [ofHerPrison, ofHerRegion]) {
      expect((await service.call(caller, 'GET', `/api/accommodations/${id}`)).status).toBe(200);
      const listed = await service.call(caller, 'GET', `/api/accommodations?releaseId=${releaseId}`);
      expect(listed.body.items.map((row: { id: string }) => row.id)).toEqual([id]);
      expect(await service.auditOf(listed)).toMatchObject([
        { personId: null, listed: [PERSON], resourceId: releaseId, outcome: 'allowed' },
      ]);
    }
  });

  it('another prison or region gets 404 for her accommodation, her release list, a change and a new record, each audited as denied', async () => {
    for (const caller of [ofAnotherPrison, ofAnotherRegion]) {
      const read = await service.call(caller, 'GET', `/api/accommodations/${id}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(PERSON);
      expect((await service.call(caller, 'GET', `/api/accommodations?releaseId=${releaseId}`)).status).toBe(404);
      const change = await service.call(caller, 'PUT', `/api/accommodations/${id}`, {
        ...accommodationBody(PERSON, releaseId),
        personId: undefined,
        releaseId: undefined,
      });
      expect(change.status).toBe(404);
      const cancel = await service.call(caller, 'POST', `/api/accommodations/${id}/withdraw`, { reason: 'not hers' });
      expect(cancel.status).toBe(404);
      const arrange = await service.call(caller, 'POST', '/api/accommodations', accommodationBody(PERSON, releaseId));
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
          ['confirm-accommodation', PERSON],
          ['withdraw-accommodation', PERSON],
          ['change-accommodation', PERSON],
          ['list-accommodations', PERSON],
          ['read-accommodation', PERSON],
        ].sort(),
      );
    }
    const still = await service.call(ofHerPrison, 'GET', `/api/accommodations/${id}`);
    expect(still.body).toMatchObject({ status: 'confirmed', revision });
  });

  it('refuses a coordinator token with neither a prison nor a region', async () => {
    const unscoped = await service.call(
      { sub: 'housing-x', roles: ['accommodation-coordinator'] },
      'GET',
      `/api/accommodations/${id}`,
    );
    expect(unscoped.status).toBe(403);
  });
});
