import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const secretPath = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache/dev-jwt-secret');

/** The local issuer's key for development: made once per checkout, never committed. */
export function readDevSecret(): string {
  if (!existsSync(secretPath)) {
    mkdirSync(dirname(secretPath), { recursive: true });
    writeFileSync(secretPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(secretPath, 'utf8').trim();
}
