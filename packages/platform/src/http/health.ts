import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => Promise<void>;

/** /health/live answers while the process runs; /health/ready only when every dependency answers. */
export function registerHealthRoutes(app: FastifyInstance, checks: Record<string, ReadinessCheck>): void {
  const hidden = { schema: { hide: true } };
  app.get('/health/live', hidden, async () => ({ status: 'live' }));
  app.get('/health', hidden, async () => ({ status: 'live' }));
  app.get('/health/ready', hidden, async (_request, reply) => {
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        results[name] = await check().then(
          () => 'up',
          () => 'down',
        );
      }),
    );
    const ready = Object.values(results).every((result) => result === 'up');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks: results });
  });
}
