import { buildServer, type Caller, localTokenIssuer, type Server } from '@resettle/platform';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LIMIT = 5;
const secret = 's'.repeat(40);
const tokenFor = localTokenIssuer({ secret });
const planner = (sub: string): Caller => ({ sub, roles: ['release-planner'], prison: 'DWI' });

describe('rate limit, counted before authentication', () => {
  let app: Server;
  beforeAll(async () => {
    app = await buildServer({
      service: 'rate-limit-test',
      description: 'rate limit test',
      logger: pino({ level: 'silent' }),
      auth: { audience: 'resettle', maxAgeSeconds: 3_600, local: { secret, issuer: 'resettle-local-issuer' } },
      rateLimitPerMinute: LIMIT,
    });
    app.get('/api/thing', { onRequest: app.requireRole('release-planner') }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const get = (remoteAddress: string, authorization?: string, url = '/api/thing') =>
    app.inject({ method: 'GET', url, remoteAddress, headers: authorization ? { authorization } : {} });
  const forged = (n: number) => `Bearer ${tokenFor(planner('x')).slice(0, -6)}${String(n).padStart(6, 'A')}`;

  it('limits invalid tokens per address, however often the token changes', async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= LIMIT; n += 1) statuses.push((await get('10.0.0.1', forged(n))).statusCode);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    // Nor does dropping the token or asking for a route that does not exist help.
    expect((await get('10.0.0.1')).statusCode).toBe(429);
    expect((await get('10.0.0.1', undefined, '/api/no-such-route')).statusCode).toBe(429);
  });

  it('keeps other addresses and valid callers out of that bucket', async () => {
    expect((await get('10.0.0.2', forged(99))).statusCode).toBe(401);
    expect((await get('10.0.0.1', `Bearer ${tokenFor(planner('alice'))}`)).statusCode).toBe(200);
  });

  it('gives each valid subject its own budget, wherever it calls from', async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= LIMIT; n += 1) {
      statuses.push((await get(`10.0.1.${n}`, `Bearer ${tokenFor(planner('bob'))}`)).statusCode);
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    expect((await get('10.0.1.0', `Bearer ${tokenFor(planner('carol'))}`)).statusCode).toBe(200);
  });
});
