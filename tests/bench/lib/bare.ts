import { freePort, waitFor } from '@resettle/infra';
import { startScript } from './child.js';
import type { Infra } from './infra.js';

/** The bare Fastify reference routes (`measures/bare-server.ts`) on a fresh database, as their own process. */
export async function startBareServer(
  infra: Infra,
  label: string,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const bare = startScript('measures/bare-server.ts', {
    env: { PORT: String(port), DATABASE_URL: await infra.freshDatabase(`bare_${label}`), POOL_MAX: '10' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'bare server',
    async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok === true,
    120_000,
  );
  return { url, pid: bare.child.pid ?? 0, stop: () => bare.stop() };
}
