import { createLogger, startService } from '@resettle/platform';
import { freshDatabase, type TestDatabase, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { type EndpointMode, FakeIssuer } from './support/fake-issuer.js';
import { claims, issuerKey, signedBy } from './support/signing.js';

const ISSUER = 'https://identity.example.test/';

describe('an external issuer whose JWKS endpoint is unreachable', () => {
  const issuer = new FakeIssuer();
  const keys = ['k-fail', 'k-drop', 'k-hang', 'k-down'].map((kid) => issuerKey(kid, 'RS256'));
  const logLines: string[] = [];
  const tokensSent: string[] = [];
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    issuer.published.push(...keys.map((key) => key.jwk));
    const jwksUrl = await issuer.start();
    database = await freshDatabase('jwks-outage');
    service = await startService(releaseScheduling, {
      env: {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: testInfra().kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('jwks-outage'),
        PORT: '0',
        JWT_JWKS_URL: jwksUrl,
        JWT_JWKS_ISSUER: ISSUER,
      },
      logger: createLogger('release-scheduling', 'info', { write: (line: string) => void logLines.push(line) }),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    await issuer.stop();
  });

  const statusWithKey = async (index: number) => {
    const token = signedBy(keys[index]!, claims(ISSUER));
    tokensSent.push(token);
    return (await fetch(`${service.url}/api/prisons`, { headers: { authorization: `Bearer ${token}` } })).status;
  };

  it.each<[EndpointMode, number]>([
    ['fail', 0],
    ['drop', 1],
    ['hang', 2],
  ])('an endpoint that %ss refuses the token with 401, then recovers after the back-off', async (mode, key) => {
    issuer.mode = mode;
    const started = Date.now();
    expect(await statusWithKey(key)).toBe(401);
    expect(Date.now() - started).toBeLessThan(5_000);
    issuer.mode = 'serve';
    expect(await statusWithKey(key)).toBe(401); // within a second of a failed lookup for a kid never found: no fetch
    await new Promise((done) => setTimeout(done, 1_100));
    expect(await statusWithKey(key)).toBe(200);
  });

  it('keeps trusting cached keys while the issuer is down; an uncached key is refused', async () => {
    await issuer.stop();
    await new Promise((done) => setTimeout(done, 1_100));
    expect(await statusWithKey(0)).toBe(200);
    expect(await statusWithKey(3)).toBe(401);
  });

  it('logs why each lookup failed, never the token', () => {
    const failures = logLines.filter((line) => line.includes('external issuer key lookup failed'));
    expect(failures.map((line) => JSON.parse(line).jwksLookup)).toEqual([
      'JWKS_REQUEST_FAILED',
      expect.any(String),
      'TIMEOUT',
      'ECONNREFUSED',
    ]);
    for (const token of tokensSent) {
      const [, payload, signature] = token.split('.');
      expect(logLines.join('\n')).not.toContain(payload);
      expect(logLines.join('\n')).not.toContain(signature);
    }
  });
});
