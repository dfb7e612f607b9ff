// The yardsticks for the APIs, each a bare Fastify route on a pool the size of a service's (10), on the same
// PostgreSQL: `GET /bare` does one `select 1` (the reads' reference); `POST /api/releases` inserts the request's body
// as one row in one transaction and answers 201 with its id (the writes' reference: same path, body and writers as
// the real booking, none of its rules, outbox, audit or auth).
// Started by the bench as its own process: PORT and DATABASE_URL from the environment.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL ?? '', { max: Number(process.env.POOL_MAX ?? 10), onnotice: () => {} });
await sql`create table if not exists bare_writes (id uuid primary key, person_id text not null, body jsonb not null)`;
const app = Fastify({ logger: false });
app.get('/bare', async () => {
  const [row] = await sql<{ one: number }[]>`select 1 as one`;
  return { one: row?.one };
});
app.post<{ Body: { personId?: string } }>('/api/releases', async (request, reply) => {
  const id = randomUUID();
  await sql.begin(
    (tx) =>
      tx`insert into bare_writes (id, person_id, body) values (${id}, ${request.body.personId ?? ''}, ${tx.json(request.body)})`,
  );
  return reply.code(201).send({ id });
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
