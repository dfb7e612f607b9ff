import { startTestService, type TestService } from '@resettle/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { FakeIssuer } from './support/fake-issuer.js';
import { claims, hmacSigned, issuerKey, secondsFromNow, signedBy, unsigned } from './support/signing.js';

const ISSUER = 'https://identity.example.test/';

// Production shape: only the external issuer is trusted (JWT_SECRET empty), its keys fetched from its JWKS.
describe('tokens from an external issuer (JWKS)', () => {
  const issuer = new FakeIssuer();
  const rsa = issuerKey('rsa-2026-01', 'RS256');
  const ec = issuerKey('ec-2026-01', 'ES256');
  const impostor = issuerKey('impostor', 'RS256');
  // `alg` is optional in a JWK; without it only the verifier stands between the key and an HS256 token.
  const bare = issuerKey('rsa-without-alg', 'RS256');
  let service: TestService;
  beforeAll(async () => {
    issuer.published.push(rsa.jwk, ec.jwk, { ...bare.jwk, alg: undefined });
    const jwksUrl = await issuer.start();
    service = await startTestService(releaseScheduling, {
      env: { JWT_SECRET: '', JWT_JWKS_URL: jwksUrl, JWT_JWKS_ISSUER: ISSUER },
    });
  });
  afterAll(async () => {
    await service?.close();
    await issuer.stop();
  });

  const statusWith = async (token: string) =>
    (await fetch(`${service.url}/api/prisons`, { headers: { authorization: `Bearer ${token}` } })).status;
  const valid = (extra: object = {}) => claims(ISSUER, extra);

  it.each([
    ['RS256', rsa],
    ['ES256', ec],
    ['RS256 (key published without alg)', bare],
  ])('accepts a %s token signed with a published key', async (_alg, key) => {
    expect(await statusWith(signedBy(key, valid()))).toBe(200);
  });

  it.each([
    ['signed by another key under a published kid', () => signedBy(impostor, valid(), { kid: rsa.kid })],
    ['naming a kid the issuer does not publish', () => signedBy(impostor, valid())],
    ['without a kid', () => signedBy(rsa, valid(), { kid: undefined })],
    ['HS256 with the public key PEM as secret', () => hmacSigned(rsa.publicPem, valid(), { kid: rsa.kid })],
    ['HS256 with the PEM of a key published without alg', () => hmacSigned(bare.publicPem, valid(), { kid: bare.kid })],
    ['HS256 with the JWK as secret', () => hmacSigned(JSON.stringify(rsa.jwk), valid(), { kid: rsa.kid })],
    ['alg: none, unsigned', () => unsigned(valid(), { kid: rsa.kid })],
    ['claiming ES256 under an RSA kid', () => signedBy(rsa, valid(), { alg: 'ES256' })],
    ['claiming RS384 under an RSA kid', () => signedBy(rsa, valid(), { alg: 'RS384' })],
    ['for another audience', () => signedBy(rsa, valid({ aud: 'someone-else' }))],
    ['from another issuer', () => signedBy(rsa, valid({ iss: 'https://elsewhere.example.test/' }))],
    ["naming the local issuer's iss", () => signedBy(rsa, valid({ iss: 'resettle-local-issuer' }))],
    ['expired', () => signedBy(ec, valid({ exp: secondsFromNow(-60) }))],
    ['not yet valid (nbf)', () => signedBy(ec, valid({ nbf: secondsFromNow(600) }))],
    ['without exp', () => signedBy(ec, valid({ exp: undefined }))],
    ['without sub', () => signedBy(ec, valid({ sub: undefined }))],
    ['without aud', () => signedBy(rsa, valid({ aud: undefined }))],
    ['without iss', () => signedBy(rsa, valid({ iss: undefined }))],
    ['without iat', () => signedBy(rsa, valid({ iat: undefined }))],
    ['older than the maximum age (1 h)', () => signedBy(ec, valid({ iat: secondsFromNow(-3_601) }))],
    ['issued in the future', () => signedBy(ec, valid({ iat: secondsFromNow(300), exp: secondsFromNow(900) }))],
  ])('refuses a token %s with 401', async (_name, make) => {
    expect(await statusWith(make())).toBe(401);
  });

  it('refuses local-issuer tokens when no JWT_SECRET is set', async () => {
    const local = await service.call({ sub: 'p', roles: ['release-planner'], prison: 'DWI' }, 'GET', '/api/prisons');
    expect(local.status).toBe(401);
  });

  it('still checks roles: a valid token without the role gets 403', async () => {
    expect(await statusWith(signedBy(rsa, valid({ roles: ['transport-coordinator'] })))).toBe(403);
  });

  it('follows key rotation: a kid newly published on the endpoint is fetched and trusted', async () => {
    const rotated = issuerKey('rsa-2026-07', 'RS256');
    await pastBackOff();
    expect(await statusWith(signedBy(rotated, valid()))).toBe(401);
    issuer.published.push(rotated.jwk);
    await pastBackOff();
    const fetchesBefore = issuer.fetches;
    expect(await statusWith(signedBy(rotated, valid()))).toBe(200);
    expect(await statusWith(signedBy(rotated, valid()))).toBe(200);
    expect(issuer.fetches - fetchesBefore).toBe(1);
  });

  it('does not let made-up kids hammer the issuer: one lookup, then refusals without a fetch', async () => {
    await pastBackOff();
    const fetchesBefore = issuer.fetches;
    const madeUp = Array.from({ length: 20 }, (_, n) => signedBy(impostor, valid(), { kid: `made-up-${n}` }));
    const together = await Promise.all(madeUp.slice(0, 10).map(statusWith));
    const oneByOne = [];
    for (const token of madeUp.slice(10)) oneByOne.push(await statusWith(token));
    expect([...together, ...oneByOne].every((status) => status === 401)).toBe(true);
    // Ten at once share one lookup; the ten after it fall in the back-off (a slow machine may let one more through).
    expect(issuer.fetches - fetchesBefore).toBeLessThanOrEqual(2);
    expect(await statusWith(signedBy(rsa, valid()))).toBe(200); // a known key is never held back
  });
});

/** A lookup for a kid never found is not tried again within a second of one that failed. */
const pastBackOff = () => new Promise((done) => setTimeout(done, 1_100));
