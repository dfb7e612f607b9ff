import { createHmac } from 'node:crypto';
import { localTokenIssuer } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = {
  sub: 'planner',
  roles: ['release-planner'],
  prison: 'DWI',
  aud: 'resettle',
  iss: 'resettle-local-issuer',
};

function token(header: object, payload: object, secret: string | null): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

describe('bearer tokens', () => {
  let service: TestService;
  let secret: string;
  beforeAll(async () => {
    secret = 'x'.repeat(48);
    service = await startTestService(releaseScheduling, { env: { JWT_SECRET: secret } });
  });
  afterAll(() => service.close());

  const statusWith = async (bearer: string) =>
    (await fetch(`${service.url}/api/prisons`, { headers: { authorization: `Bearer ${bearer}` } })).status;
  const hs256 = { alg: 'HS256', typ: 'JWT' };
  const valid = () => ({ ...claims, iat: now(), exp: now() + 600 });

  it('accepts a well-formed token from the configured issuer', async () => {
    expect(await statusWith(token(hs256, valid(), secret))).toBe(200);
  });

  it('accepts a token just inside the maximum age', async () => {
    expect(await statusWith(token(hs256, { ...valid(), iat: now() - 3_500 }, secret))).toBe(200);
  });

  it('refuses a token once it expires or grows too old, though it was accepted (and remembered) before', async () => {
    const expiring = token(hs256, { ...valid(), exp: now() + 2 }, secret);
    const ageing = token(hs256, { ...valid(), iat: now() - 3_598 }, secret);
    expect([await statusWith(expiring), await statusWith(ageing)]).toEqual([200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect([await statusWith(expiring), await statusWith(ageing)]).toEqual([401, 401]);
  });

  it('issues only compliant tokens itself (aud, iss, iat, exp)', async () => {
    const issued = localTokenIssuer({ secret })({ sub: 'planner', roles: ['release-planner'], prison: 'DWI' });
    const payload = JSON.parse(Buffer.from(issued.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(payload).toMatchObject({ aud: 'resettle', iss: 'resettle-local-issuer' });
    expect(payload.iat).toBeGreaterThan(now() - 60);
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(3_600);
    expect(await statusWith(issued)).toBe(200);
  });

  it.each([
    ['alg: none, unsigned', () => token({ alg: 'none', typ: 'JWT' }, valid(), null)],
    ['signed with another key', () => token(hs256, valid(), 'y'.repeat(48))],
    ['for another audience', () => token(hs256, { ...valid(), aud: 'someone-else' }, secret)],
    ['from another issuer', () => token(hs256, { ...valid(), iss: 'elsewhere' }, secret)],
    ['expired', () => token(hs256, { ...valid(), exp: now() - 60 }, secret)],
    ['not yet valid (nbf)', () => token(hs256, { ...valid(), nbf: now() + 600 }, secret)],
    ['without exp', () => token(hs256, { ...claims, iat: now() }, secret)],
    ['without aud', () => token(hs256, { ...valid(), aud: undefined }, secret)],
    ['without iss', () => token(hs256, { ...valid(), iss: undefined }, secret)],
    ['without iat', () => token(hs256, { ...valid(), iat: undefined }, secret)],
    ['older than the maximum age (1 h)', () => token(hs256, { ...valid(), iat: now() - 3_601 }, secret)],
    ['issued in the future', () => token(hs256, { ...valid(), iat: now() + 300, exp: now() + 900 }, secret)],
    ['garbage', () => 'not.a.token'],
  ])('refuses a token %s with 401', async (_name, make) => {
    expect(await statusWith(make())).toBe(401);
  });
});
