import fastifyJwt, { type JwtVerifyFunction } from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EXTERNAL_ALGORITHMS, isExternalAlgorithm, jwksKeyFor } from './jwks-keys.js';

declare module 'fastify' {
  interface FastifyRequest {
    verifyLocalToken: JwtVerifyFunction;
    verifyExternalToken: JwtVerifyFunction;
  }
}

export interface TokenTrust {
  audience: string;
  /** Oldest token accepted, counted from its `iat`. */
  maxAgeSeconds: number;
  /** HS256 tokens signed with a shared secret: the local issuer (development and tests). */
  local?: { secret: string; issuer: string };
  /** RS256/ES256 tokens from an external issuer, checked against the public keys its JWKS endpoint publishes. */
  external?: { jwksUrl: string; issuer: string };
}

const VERIFIED_TOKENS_REMEMBERED = 1_000;

/**
 * Every token names its audience, issuer, subject, issue and expiry times; none older than `maxAgeSeconds`.
 * A token's verdict is remembered (fast-jwt's cache, keyed by the whole token) only while its `nbf`, `exp` and maximum
 * age still hold, so a practitioner's tenth read of the morning skips the signature check, never a time check.
 */
const claimChecks = (trust: TokenTrust, issuer: string) => ({
  allowedAud: trust.audience,
  allowedIss: issuer,
  maxAge: trust.maxAgeSeconds, // @fastify/jwt reads a number here as seconds
  requiredClaims: ['aud', 'iss', 'iat', 'exp', 'sub'],
  cache: VERIFIED_TOKENS_REMEMBERED,
});

/**
 * One verifier per trusted issuer, each with its own key, algorithms and `iss`, so a token is checked only against
 * the issuer its algorithm belongs to: an HS256 token never meets a public key, an RS256/ES256 token never the secret.
 */
export async function registerTokenVerifiers(app: FastifyInstance, trust: TokenTrust): Promise<void> {
  if (trust.local) {
    await app.register(fastifyJwt, {
      namespace: 'local',
      jwtVerify: 'verifyLocalToken',
      secret: trust.local.secret,
      verify: { algorithms: ['HS256'], ...claimChecks(trust, trust.local.issuer) },
    });
  }
  if (trust.external) {
    await app.register(fastifyJwt, {
      namespace: 'external',
      jwtVerify: 'verifyExternalToken',
      secret: jwksKeyFor(trust.external.jwksUrl),
      decode: { complete: true },
      verify: { algorithms: EXTERNAL_ALGORITHMS, ...claimChecks(trust, trust.external.issuer) },
    });
  }
}

/** Clocks differ a little between issuer and service; an `iat` further ahead than this is refused. */
const ISSUED_AHEAD_TOLERANCE_SECONDS = 30;

/** `iat` is a time already past (so the maximum age cannot be stretched by dating a token in the future). */
export function issuedInThePast(payload: unknown, nowMs = Date.now()): boolean {
  const iat = (payload as { iat?: unknown } | null)?.iat;
  return typeof iat === 'number' && iat <= nowMs / 1000 + ISSUED_AHEAD_TOLERANCE_SECONDS;
}

/** The verifier for this request's token, by the `alg` in its (not yet verified) header; none for `none` or HS384… */
export function verifierFor(request: FastifyRequest, trust: TokenTrust): JwtVerifyFunction | undefined {
  const alg = tokenAlgorithm(request.headers.authorization);
  if (alg === 'HS256' && trust.local) return request.verifyLocalToken.bind(request);
  if (isExternalAlgorithm(alg) && trust.external) return request.verifyExternalToken.bind(request);
  return undefined;
}

function tokenAlgorithm(authorization: string | undefined): string | undefined {
  const header = /^Bearer ([A-Za-z0-9_-]+)\./i.exec(authorization ?? '')?.[1];
  if (!header) return undefined;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}
