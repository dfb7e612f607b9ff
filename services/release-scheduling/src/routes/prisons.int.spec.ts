import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../app.js';

const admin: Caller = { sub: 'admin-7', roles: ['admin'] };
const planner: Caller = { sub: 'planner-1', roles: ['release-planner'], prison: 'EWI' };

describe("a prison's release window, changed by an admin", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(releaseScheduling);
  });
  afterAll(() => service.close());

  it('is audited with who changed it and what changed, old and new', async () => {
    const changed = await service.call(admin, 'PUT', '/api/prisons/EWI/release-window', {
      opens: '09:00',
      closes: '12:00',
    });
    expect(changed.status).toBe(200);
    expect(await service.auditOf(changed)).toMatchObject([
      {
        action: 'change-release-window',
        resourceId: 'EWI',
        sub: 'admin-7',
        outcome: 'allowed',
        categories: ['reference-data'],
      },
    ]);
    const [row] = await service.context.sql<{ justification: string }[]>`
      select justification from audit_log where action = 'change-release-window'`;
    expect(row?.justification).toBe('opens 08:00 → 09:00');
  });

  it('changes nothing and audits nothing for an unknown prison, or for a planner', async () => {
    expect(
      (await service.call(admin, 'PUT', '/api/prisons/ZZZ/release-window', { opens: '09:00', closes: '12:00' })).status,
    ).toBe(404);
    expect(
      (await service.call(planner, 'PUT', '/api/prisons/EWI/release-window', { opens: '10:00', closes: '12:00' }))
        .status,
    ).toBe(403);
    const [count] = await service.context.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where action = 'change-release-window'`;
    expect(count?.n).toBe(1);
  });
});
