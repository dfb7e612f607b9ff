import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { type AuthOptions, authPlugin } from './auth.js';
import { type ReadinessCheck, registerHealthRoutes } from './health.js';
import { registerNulGuard } from './nul-guard.js';
import { registerProblemHandlers } from './problems.js';
import { registerRateLimit } from './rate-limit.js';

export interface ServerOptions {
  service: string;
  description: string;
  version?: string;
  logger: Logger;
  auth: AuthOptions;
  readiness?: Record<string, ReadinessCheck>;
  bodyLimit?: number;
  timeouts?: HttpTimeouts;
  /** Requests per minute per client (a valid token's subject, else the address), counted before authentication. */
  rateLimitPerMinute?: number;
}

export interface HttpTimeouts {
  /** The whole request (headers and body) must arrive within this, else 408 and the connection is closed. */
  requestTimeoutMs: number;
  /** An answer not ready within this is a 503 (the database's statement timeout stops the work behind it). */
  handlerTimeoutMs: number;
}

const DEFAULT_TIMEOUTS: HttpTimeouts = { requestTimeoutMs: 10_000, handlerTimeoutMs: 30_000 };

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The one way a service gets its Fastify instance: logging, auth, OpenAPI at /docs, problem+json, health. */
export async function buildServer(options: ServerOptions) {
  const { requestTimeoutMs, handlerTimeoutMs } = options.timeouts ?? DEFAULT_TIMEOUTS;
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    requestTimeout: requestTimeoutMs,
    handlerTimeout: handlerTimeoutMs,
    // A socket silent for longer than a request may take to arrive and be answered is dropped.
    connectionTimeout: requestTimeoutMs + handlerTimeoutMs,
    // Node looks for overdue requests every 30 s by default; look every second so the timeout means what it says.
    http: { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: 1_000 },
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers[CORRELATION_HEADER];
      return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, request.id);
    void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
  });
  registerProblemHandlers(app as unknown as FastifyInstance);
  registerNulGuard(app as unknown as FastifyInstance);
  // The docs page needs inline scripts and styles; every API answer is JSON, where CSP does not matter.
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  await registerRateLimit(app as unknown as FastifyInstance, options.rateLimitPerMinute ?? 600, options.auth);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.service, description: options.description, version: options.version ?? '1.0.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(authPlugin, options.auth);
  registerHealthRoutes(app as unknown as FastifyInstance, options.readiness ?? {});
  return app;
}

export type Server = Awaited<ReturnType<typeof buildServer>>;
