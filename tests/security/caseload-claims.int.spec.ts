import { buildServer, type Caller, localTokenIssuer, ROLES, type Role, type Server } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';

const secret = 'c'.repeat(40);
const tokenFor = localTokenIssuer({ secret });
const NEEDS: [Role, 'prison' | 'organisation' | 'region'][] = [
  ['release-planner', 'prison'],
  ['release-supervisor', 'prison'],
  ['prison-healthcare', 'prison'],
  ['provider', 'organisation'],
  ['probation', 'region'],
  // A coordinator's caseload is her prison or her region: either alone is enough, and neither is refused.
  ['accommodation-coordinator', 'prison'],
  ['accommodation-coordinator', 'region'],
  ['transport-coordinator', 'prison'],
  ['transport-coordinator', 'region'],
];
const UNSCOPED = ROLES.filter((role) => !NEEDS.some(([needing]) => needing === role));

describe('caseload claims: empty or missing is refused, never read as "all"', () => {
  let app: Server;
  beforeAll(async () => {
    app = await buildServer({
      service: 'caseload-test',
      description: 'caseload claims test',
      logger: pino({ level: 'silent' }),
      auth: { audience: 'resettle', maxAgeSeconds: 3_600, local: { secret, issuer: 'resettle-local-issuer' } },
    });
    app.get('/api/anyone', { onRequest: app.requireRole(...ROLES) }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const call = async (caller: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/anyone',
      headers: { authorization: `Bearer ${tokenFor(caller as unknown as Caller)}` },
    });
    return { status: response.statusCode, body: response.json() as { detail?: string } };
  };

  describe.each(NEEDS)('%s needs `%s`', (role, claim) => {
    it.each<[string, unknown]>([
      ['missing', undefined],
      ['empty', ''],
      ['blank', '   '],
      ['not a string', ['DWI', 'EHI']],
    ])('refuses it %s with 403 naming the claim', async (_how, value) => {
      const { status, body } = await call({ sub: 'someone', roles: [role], [claim]: value });
      expect(status).toBe(403);
      expect(body.detail).toContain(`\`${claim}\``);
    });

    it('accepts it given', async () => {
      expect((await call({ sub: 'someone', roles: [role], [claim]: 'X1' })).status).toBe(200);
    });

    it('refuses it even alongside a role that needs no caseload', async () => {
      expect((await call({ sub: 'someone', roles: ['admin', role] })).status).toBe(403);
    });
  });

  it.each(UNSCOPED)('%s needs no caseload claim', async (role) => {
    expect((await call({ sub: 'someone', roles: [role] })).status).toBe(200);
  });
});

describe('an empty prison claim does not list every prison', () => {
  let service: TestService;
  const eligibility = {
    homeDetentionCurfew: false,
    indeterminateSentence: false,
    paroleBoardRelease: false,
    daysServedSinceSentence: 60,
  };
  const schedule = (prisonCode: string, personId: string) =>
    service.call(
      { sub: `planner-${prisonCode}`, roles: ['release-planner'], prison: prisonCode },
      'POST',
      '/api/releases',
      {
        personId,
        prisonCode,
        probationRegion: 'London',
        legalReleaseDate: '2026-11-18',
        gateTime: '09:00',
        releaseFrom: 'PRISON',
        eligibility,
        sentenceLengthDays: 300,
      },
    );
  beforeAll(async () => {
    service = await startTestService(releaseScheduling, { clock: () => new Date('2026-11-02T10:00:00Z') });
    expect((await schedule('DWI', 'A4001AA')).status).toBe(201);
    expect((await schedule('STI', 'A4002AA')).status).toBe(201);
  });
  afterAll(() => service.close());

  it('refuses a planner whose token names an empty prison', async () => {
    const listed = await service.call(
      { sub: 'planner-none', roles: ['release-planner'], prison: '' },
      'GET',
      '/api/releases',
    );
    expect(listed.status).toBe(403);
    expect(JSON.stringify(listed.body)).not.toContain('A400');
  });

  it('still lists her own prison for a planner with one', async () => {
    const listed = await service.call(
      { sub: 'planner-dwi', roles: ['release-planner'], prison: 'DWI' },
      'GET',
      '/api/releases',
    );
    expect(listed.body.items.map((item: { personId: string }) => item.personId)).toEqual(['A4001AA']);
  });
});
