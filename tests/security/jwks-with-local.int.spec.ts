import { startTestService, type TestService } from '@resettle/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { FakeIssuer } from './support/fake-issuer.js';
import { claims, hmacSigned, issuerKey, signedBy } from './support/signing.js';

const EXTERNAL = 'https://identity.example.test/';
const LOCAL = 'resettle-local-issuer';
const SECRET = 's'.repeat(48);

// Development shape: JWT_SECRET and a JWKS both set. Each issuer's tokens are checked only with its own key and iss.
describe('the local issuer and an external issuer together', () => {
  const issuer = new FakeIssuer();
  const rsa = issuerKey('rsa-2026-01', 'RS256');
  let service: TestService;
  beforeAll(async () => {
    issuer.published.push(rsa.jwk);
    const jwksUrl = await issuer.start();
    service = await startTestService(releaseScheduling, {
      env: { JWT_SECRET: SECRET, JWT_JWKS_URL: jwksUrl, JWT_JWKS_ISSUER: EXTERNAL },
    });
  });
  afterAll(async () => {
    await service?.close();
    await issuer.stop();
  });

  const statusWith = async (token: string) =>
    (await fetch(`${service.url}/api/prisons`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('accepts both issuers, each on its own terms', async () => {
    expect(await statusWith(hmacSigned(SECRET, claims(LOCAL)))).toBe(200);
    expect(await statusWith(signedBy(rsa, claims(EXTERNAL)))).toBe(200);
  });

  it.each([
    ['HS256 signed with the public key PEM', () => hmacSigned(rsa.publicPem, claims(EXTERNAL), { kid: rsa.kid })],
    ['HS256 with the PEM, local iss', () => hmacSigned(rsa.publicPem, claims(LOCAL), { kid: rsa.kid })],
    ["HS256 with the secret but the external issuer's iss", () => hmacSigned(SECRET, claims(EXTERNAL))],
    ["RS256 from the JWKS but the local issuer's iss", () => signedBy(rsa, claims(LOCAL))],
    ['HS384 with the secret', () => hmacSigned(SECRET, claims(LOCAL), { alg: 'HS384' })],
  ])('refuses %s with 401', async (_name, make) => {
    expect(await statusWith(make())).toBe(401);
  });
});
