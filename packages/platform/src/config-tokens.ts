import { type Static, Type } from '@sinclair/typebox';
import type { TokenTrust } from './http/token-verifiers.js';

/** Which token issuers a service trusts: the local issuer's shared secret, an external issuer's JWKS, or both. */
export const TokenSettings = Type.Object({
  JWT_SECRET: Type.Optional(
    Type.String({ description: 'HS256 key shared with the local issuer (≥ 32 characters); empty: not trusted' }),
  ),
  JWT_AUDIENCE: Type.String({ default: 'resettle' }),
  JWT_ISSUER: Type.String({ default: 'resettle-local-issuer', description: 'the `iss` of local-issuer tokens' }),
  JWT_JWKS_URL: Type.Optional(
    Type.String({ description: "an external issuer's JWKS endpoint (https); its RS256/ES256 tokens are trusted" }),
  ),
  JWT_JWKS_ISSUER: Type.Optional(Type.String({ description: 'the `iss` of the external issuer, exactly' })),
  JWT_MAX_AGE_SECONDS: Type.Integer({
    minimum: 60,
    maximum: 86_400,
    default: 3_600,
    description: 'oldest token accepted, counted from its `iat` (a token without `iat` is refused)',
  }),
});

type TokenEnv = Static<typeof TokenSettings>;

/** The validated trust settings; throws naming the setting when they are missing, short or inconsistent. */
export function tokenTrust(config: TokenEnv): TokenTrust {
  const local = localIssuer(config);
  const external = externalIssuer(config);
  if (!local && !external) {
    throw new Error('Set JWT_SECRET (local issuer) or JWT_JWKS_URL and JWT_JWKS_ISSUER (external issuer)');
  }
  return {
    audience: config.JWT_AUDIENCE,
    maxAgeSeconds: config.JWT_MAX_AGE_SECONDS,
    ...(local && { local }),
    ...(external && { external }),
  };
}

function localIssuer({ JWT_SECRET: secret, JWT_ISSUER: issuer }: TokenEnv) {
  if (!secret) return undefined;
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters (or empty: no local tokens)');
  return { secret, issuer };
}

function externalIssuer({ JWT_JWKS_URL: url, JWT_JWKS_ISSUER: issuer }: TokenEnv) {
  if (!url && !issuer) return undefined;
  if (!url || !issuer) throw new Error('JWT_JWKS_URL and JWT_JWKS_ISSUER are set together');
  return { jwksUrl: jwksUrl(url), issuer };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function jwksUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('JWT_JWKS_URL must be an absolute URL');
  }
  const plainLoopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !plainLoopback) {
    throw new Error('JWT_JWKS_URL must be https (plain http only to this machine, for tests)');
  }
  return url.href;
}
