// The reads' yardstick: a bare Fastify route doing one `select 1` on a pool the size of a service's (10).
// Started by the bench as its own process: PORT and DATABASE_URL from the environment.
import Fastify from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL ?? '', { max: Number(process.env.POOL_MAX ?? 10), onnotice: () => {} });
const app = Fastify({ logger: false });
app.get('/bare', async () => {
  const [row] = await sql<{ one: number }[]>`select 1 as one`;
  return { one: row?.one };
});
app.get('/health/ready', async () => ({ ready: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = async () => {
  await app.close();
  await sql.end({ timeout: 5 });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
