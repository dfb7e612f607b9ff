import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isTransientError } from '@resettle/messaging';
import { buildServer, connectDatabase, type Server } from '@resettle/platform';
import { startTestService } from '@resettle/platform/testing';
import { freshDatabase, type TestDatabase } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';

describe('database timeouts', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('timeouts');
  });
  afterAll(() => database.drop());

  it('cancels a slow statement, and the consumer would retry it rather than dead-letter', async () => {
    const { sql, close } = connectDatabase(database.url, {}, { statementTimeoutMs: 500 });
    try {
      const started = Date.now();
      const error = await sql`select pg_sleep(5)`.then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(isTransientError(error)).toBe(true);
    } finally {
      await close();
    }
  });

  it('ends a session left idle inside a transaction, so its locks are not held for ever', async () => {
    const { sql, close } = connectDatabase(database.url, {}, { idleInTransactionTimeoutMs: 1_000 });
    try {
      const transaction = sql.begin(async (tx) => {
        await tx`select 1`;
        await sleep(2_500);
        await tx`select 1`;
      });
      await expect(transaction).rejects.toThrow();
      expect((await sql`select 1 as alive`)[0]).toEqual({ alive: 1 }); // the pool carries on with a new session
    } finally {
      await close();
    }
  });

  it('sets both on every connection by default', async () => {
    const { sql, close } = connectDatabase(database.url, {});
    try {
      const [settings] = await sql`
        select current_setting('statement_timeout') as statement,
               current_setting('idle_in_transaction_session_timeout') as idle`;
      expect(settings).toEqual({ statement: '15s', idle: '1min' });
    } finally {
      await close();
    }
  });

  it("takes a service's settings from its environment", async () => {
    const service = await startTestService(releaseScheduling, {
      env: { DB_STATEMENT_TIMEOUT_MS: '700', DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000' },
    });
    try {
      const [settings] = await service.context.sql`
        select current_setting('statement_timeout') as statement,
               current_setting('idle_in_transaction_session_timeout') as idle`;
      expect(settings).toEqual({ statement: '700ms', idle: '5s' });
      await expect(service.context.sql`select pg_sleep(3)`).rejects.toMatchObject({ code: '57014' });
    } finally {
      await service.close();
    }
  });
});

describe('request timeouts', () => {
  let app: Server;
  let port: number;
  beforeAll(async () => {
    app = await buildServer({
      service: 'timeouts-test',
      description: 'timeouts test',
      logger: pino({ level: 'silent' }),
      auth: { audience: 'resettle', maxAgeSeconds: 3_600, local: { secret: 't'.repeat(40), issuer: 'iss' } },
      timeouts: { requestTimeoutMs: 1_000, handlerTimeoutMs: 4_000 },
    });
    app.get('/slow', async () => {
      await sleep(8_000);
      return { late: true };
    });
    app.post('/echo', async (request) => request.body);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app.close());

  it('answers 503 when the answer is not ready in time', async () => {
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${port}/slow`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(6_500);
  });

  it('answers 408 and closes the connection when a client sends its request too slowly', async () => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    await new Promise((resolve) => socket.on('connect', resolve));
    const started = Date.now();
    socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a"');
    const closedAt = await Promise.race([closed, sleep(8_000).then(() => Number.NaN)]);
    socket.destroy();
    expect(closedAt - started).toBeLessThan(3_900); // before the handler's own 4 s
    expect(Buffer.concat(received).toString('utf8')).toMatch(/^HTTP\/1\.1 408/);
  });
});
