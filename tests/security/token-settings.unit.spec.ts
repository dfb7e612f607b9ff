import { loadConfig } from '@resettle/platform';
import { describe, expect, it } from 'vitest';
import { settings } from '../../services/accommodation/src/app.js';

const base = { DATABASE_URL: 'postgres://db', KAFKA_BROKERS: 'kafka:9092' };
const load = (env: Record<string, string>) => loadConfig(settings, { ...base, ...env });
const jwks = { JWT_JWKS_URL: 'https://id.example.test/jwks.json', JWT_JWKS_ISSUER: 'https://id.example.test/' };

describe('token settings at start-up', () => {
  it.each<[string, Record<string, string>]>([
    ['the local issuer only', { JWT_SECRET: 'k'.repeat(32) }],
    ['an external issuer only', jwks],
    ['an external issuer, JWT_SECRET empty', { ...jwks, JWT_SECRET: '' }],
    ['both', { ...jwks, JWT_SECRET: 'k'.repeat(32) }],
    ['plain http to this machine', { JWT_JWKS_URL: 'http://127.0.0.1:8080/jwks', JWT_JWKS_ISSUER: 'x' }],
  ])('start with %s', (_name, env) => {
    expect(() => load(env)).not.toThrow();
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no issuer at all', {}, /Set JWT_SECRET .* or JWT_JWKS_URL and JWT_JWKS_ISSUER/],
    ['an empty secret and no JWKS', { JWT_SECRET: '' }, /Set JWT_SECRET/],
    ['a short secret', { JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters/],
    ['a JWKS URL without its issuer', { JWT_JWKS_URL: jwks.JWT_JWKS_URL }, /set together/],
    ['an issuer without its JWKS URL', { JWT_JWKS_ISSUER: jwks.JWT_JWKS_ISSUER }, /set together/],
    ['a relative JWKS URL', { ...jwks, JWT_JWKS_URL: '/jwks.json' }, /JWT_JWKS_URL must be an absolute URL/],
    ['a maximum token age under a minute', { ...jwks, JWT_MAX_AGE_SECONDS: '30' }, /JWT_MAX_AGE_SECONDS/],
    ['a maximum token age over a day', { ...jwks, JWT_MAX_AGE_SECONDS: '86401' }, /JWT_MAX_AGE_SECONDS/],
    ['plain http elsewhere', { ...jwks, JWT_JWKS_URL: 'http://id.example.test/jwks' }, /JWT_JWKS_URL must be https/],
  ])('stop with a clear message given %s', (_name, env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('limits token age to an hour unless told otherwise', () => {
    expect(load(jwks).JWT_MAX_AGE_SECONDS).toBe(3_600);
    expect(load({ ...jwks, JWT_MAX_AGE_SECONDS: '900' }).JWT_MAX_AGE_SECONDS).toBe(900);
  });
});
