import type { TokenOrHeader } from '@fastify/jwt';
import type { FastifyRequest } from 'fastify';
import buildGetJwks from 'get-jwks';
import { newKeyGate } from './new-key-gate.js';

type ExternalAlgorithm = 'RS256' | 'ES256';
/** What an external issuer may sign with: asymmetric only, so its public keys can never serve as an HMAC secret. */
export const EXTERNAL_ALGORITHMS: ExternalAlgorithm[] = ['RS256', 'ES256'];
export const isExternalAlgorithm = (alg: unknown): alg is ExternalAlgorithm =>
  EXTERNAL_ALGORITHMS.includes(alg as ExternalAlgorithm);
const KEY_CACHE_MS = 10 * 60_000;
const LOOKUP_TIMEOUT_MS = 3_000;

class LookupTimedOut extends Error {
  code = 'TIMEOUT';
}

/**
 * The external issuer's public key for a token, found by the `kid` in its header on the configured JWKS endpoint
 * (never on an address the token names). Keys are cached; a `kid` not seen yet refetches the set, so a key rotated
 * in works at once. A lookup that fails or times out refuses the token. One `kid` never found before is looked up at
 * a time, and none for a second after such a lookup failed (those tokens are refused without a fetch): tokens with
 * made-up kids cannot make us hammer the issuer.
 */
export function jwksKeyFor(jwksUrl: string) {
  const { origin, pathname, search } = new URL(jwksUrl);
  const domain = `${origin}/`;
  const jwks = buildGetJwks({ jwksPath: `${pathname}${search}`, ttl: KEY_CACHE_MS });
  const foundBefore = new Set<string>();
  const gate = newKeyGate();
  return async (request: FastifyRequest, token: TokenOrHeader): Promise<string> => {
    const { alg, kid } = 'header' in token ? token.header : token;
    if (!isExternalAlgorithm(alg) || typeof kid !== 'string') throw new Error('no key for this token');
    const cacheKey = jwks.generateCacheKey(alg, kid, domain);
    const isNew = !foundBefore.has(cacheKey) && jwks.cache.get(cacheKey) === undefined;
    if (isNew && !gate.tryEnter()) {
      request.log.info(
        { jwksLookup: 'BACKING_OFF' },
        'unknown key id while the issuer lookup backs off; token refused',
      );
      throw new Error('no key for this token');
    }
    let failed = true;
    try {
      const key = await withTimeout(jwks.getPublicKey({ domain, alg, kid }), LOOKUP_TIMEOUT_MS);
      foundBefore.add(cacheKey);
      failed = false;
      return key;
    } catch (error) {
      // A fetch that hangs stays cached as pending; dropping it lets the next request try the endpoint afresh.
      if (error instanceof LookupTimedOut) jwks.cache.delete(cacheKey);
      logLookupFailure(request, error);
      throw error;
    } finally {
      if (isNew) gate.leave(failed);
    }
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LookupTimedOut('JWKS lookup timed out')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Logs why, never the token. An unknown `kid` is the caller's problem; anything else is the endpoint's. */
function logLookupFailure(request: FastifyRequest, error: unknown) {
  const { code, cause, message } = (error ?? {}) as { code?: string; cause?: { code?: string }; message?: string };
  const reason = code ?? cause?.code ?? message ?? 'unknown';
  const level = code === 'JWK_NOT_FOUND' ? 'info' : 'warn';
  request.log[level]({ jwksLookup: reason }, 'external issuer key lookup failed; token refused');
}
