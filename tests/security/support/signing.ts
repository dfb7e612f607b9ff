import { createHmac, generateKeyPairSync, type JsonWebKey, type KeyObject, sign } from 'node:crypto';

export interface IssuerKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  /** The public half as the issuer publishes it in its JWKS. */
  jwk: JsonWebKey;
  publicPem: string;
}

export function issuerKey(kid: string, alg: IssuerKey['alg']): IssuerKey {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, jwk, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const encoded = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Claims valid for ten minutes from now; `extra` overrides or adds. */
export const claims = (issuer: string, extra: object = {}) => ({
  sub: 'planner-7',
  roles: ['release-planner'],
  prison: 'DWI',
  aud: 'resettle',
  iss: issuer,
  iat: now(),
  exp: now() + 600,
  ...extra,
});
export const secondsFromNow = (seconds: number) => now() + seconds;

/** A token signed by `key`; `header` overrides its alg/kid (to forge or confuse). */
export function signedBy(key: IssuerKey, payload: object, header: object = {}): string {
  const input = `${encoded({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${encoded(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** An HS256 token with `secret` as the HMAC key (the algorithm-confusion attack passes a public key PEM). */
export function hmacSigned(secret: string, payload: object, header: object = {}): string {
  const input = `${encoded({ alg: 'HS256', typ: 'JWT', ...header })}.${encoded(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function unsigned(payload: object, header: object = {}): string {
  return `${encoded({ alg: 'none', typ: 'JWT', ...header })}.${encoded(payload)}.`;
}
