import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry } from 'prom-client';

/** A figure read when Prometheus scrapes: one value, or one per set of labels. */
export interface ScrapedFigure {
  name: string;
  help: string;
  labelNames?: string[];
  read(): Promise<number | Array<{ labels: Record<string, string>; value: number }>>;
}

/**
 * The service's Prometheus registry: request latency for every route, and figures read at scrape time (consumer lag,
 * outbox depth and age, dead letters, and whatever the service adds). Served at GET /metrics.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    this.requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  /** Adds figures computed at scrape time; a figure that cannot be read is left out of that scrape. */
  scrape(figures: ScrapedFigure[]): void {
    for (const figure of figures) {
      const gauge = new Gauge({
        name: figure.name,
        help: figure.help,
        labelNames: figure.labelNames ?? [],
        registers: [this.registry],
        async collect() {
          this.reset();
          const value = await figure.read().catch(() => undefined);
          if (typeof value === 'number') this.set(value);
          else for (const row of value ?? []) this.set(row.labels, row.value);
        },
      });
      void gauge;
    }
  }

  /** Times every request by its route template (never the raw URL, which may carry a person's id). */
  instrument(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') return;
      this.requests.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const body = await this.registry.metrics();
      return reply.type(this.registry.contentType).send(body);
    });
  }
}
