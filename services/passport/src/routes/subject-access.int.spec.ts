import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';

const officer: Caller = { sub: 'dpo-1', roles: ['data-protection'] };
const probation: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };

describe('a subject access request on the passport alone (the other services silent)', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService(passport, { env: { RISK_SWEEP_SECONDS: '0', DB_POOL_MAX: '3' } });
  });
  afterAll(async () => service.close());

  it('is for the data protection role only, shows its progress, and refuses the export until every service answered', async () => {
    const refused = await service.call(probation, 'POST', '/api/subject-access-requests', { personId: 'A1234BC' });
    expect(refused.status).toBe(403);
    const asked = await service.call(officer, 'POST', '/api/subject-access-requests', { personId: 'A1234BC' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const path = `/api/subject-access-requests/${asked.body.id}`;
    // The passport answers its own request over the broker, like every other service.
    await eventually(async () => {
      const progress = await service.call(officer, 'GET', path);
      expect(progress.body).toMatchObject({
        answered: ['passport'],
        progress: '1 of 5 services answered',
        complete: false,
      });
    }, 30_000);
    const early = await service.call(officer, 'GET', `${path}/export`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('1 of 5 services answered');
    expect(
      (await service.call(officer, 'GET', '/api/subject-access-requests/3b241101-e2bb-4255-8caf-4136c566a962')).status,
    ).toBe(404);
    const bad = await service.call(officer, 'POST', '/api/subject-access-requests', { personId: 'nobody' });
    expect(bad.status).toBe(400);
  });
});
