import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, secretKeyFrom } from './sealed-secret.js';

const key = randomBytes(32);
const secret = 'whsec_c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw==';

describe('webhook secrets sealed at rest (AES-256-GCM)', () => {
  it('opens what it sealed, and never stores the secret in the clear', () => {
    const sealed = sealSecret(key, 'provider-a', secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(key, 'provider-a', sealed)).toBe(secret);
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    expect(sealSecret(key, 'provider-a', secret)).not.toBe(sealSecret(key, 'provider-a', secret));
  });

  it('does not open with another key, for another provider, or when tampered with', () => {
    const sealed = sealSecret(key, 'provider-a', secret);
    expect(() => openSecret(randomBytes(32), 'provider-a', sealed)).toThrow();
    expect(() => openSecret(key, 'provider-b', sealed)).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret(key, 'provider-a', [version, iv, tag, flipped.toString('base64')].join('.'))).toThrow();
    expect(() => openSecret(key, 'provider-a', secret)).toThrow('not a sealed webhook secret');
  });

  it('reads the key setting: 32 bytes of base64, or none', () => {
    expect(secretKeyFrom(key.toString('base64'))).toEqual(key);
    expect(secretKeyFrom(undefined)).toBeNull();
    expect(secretKeyFrom('')).toBeNull();
    expect(() => secretKeyFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
