import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The key for sealing webhook secrets at rest: `WEBHOOK_SECRET_KEY`, 32 bytes as base64 (`openssl rand -base64 32`). */
export function secretKeyFrom(setting: string | undefined): Buffer | null {
  if (!setting) return null;
  const key = Buffer.from(setting, 'base64');
  if (key.length !== 32)
    throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/**
 * AES-256-GCM with a fresh 96-bit IV; the provider id is the additional data, so a sealed secret copied onto another
 * provider's row does not open. Stored as `v1.<iv>.<tag>.<ciphertext>`, the three parts base64.
 */
export function sealSecret(key: Buffer, providerId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(providerId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64'))].join('.');
}

/** The secret back; throws when the key, the provider or the stored text is not the one it was sealed with. */
export function openSecret(key: Buffer, providerId: string, stored: string): string {
  const [version, iv, tag, sealed] = stored.split('.');
  if (version !== VERSION || !iv || !tag || sealed === undefined) {
    throw new Error('not a sealed webhook secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(providerId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
}
