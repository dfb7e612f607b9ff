import type { Span } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { startSpan } from './tracing.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span: what it writes carries its trace to every consumer. */
    span?: Span;
  }
}

/** A server span per request, continuing the caller's W3C `traceparent`, named by route template (never the URL). */
export function traceRequests(app: FastifyInstance, service: string): void {
  app.decorateRequest('span', undefined);
  app.addHook('onRequest', async (request) => {
    const incoming = request.headers.traceparent;
    const route = request.routeOptions.url ?? 'unmatched';
    request.span = startSpan(
      service,
      `${request.method} ${route}`,
      'server',
      typeof incoming === 'string' ? incoming : null,
    );
  });
  app.addHook('onResponse', async (request, reply) => {
    request.span?.setAttribute('http.response.status_code', reply.statusCode);
    request.span?.end();
  });
}
