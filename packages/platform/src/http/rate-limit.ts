import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type AuthOptions, authenticated } from './auth.js';

/**
 * Requests per minute per client, counted before authentication: every request is counted, a bad token included,
 * and answered 429 once over the limit. A valid token's subject is its own bucket; anything else (no token, a
 * forged, expired or malformed one) counts against the address it came from, so varying the token buys nothing.
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number, auth: AuthOptions): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => rateLimitKey(request, auth),
  });
  // A root onRequest hook runs before every route's own onRequest hooks (where the role check is) and for 404s.
  app.addHook('onRequest', app.rateLimit());
}

async function rateLimitKey(request: FastifyRequest, auth: AuthOptions): Promise<string> {
  return (await authenticated(request, auth)) ? `subject:${request.user.sub}` : `address:${request.ip}`;
}
