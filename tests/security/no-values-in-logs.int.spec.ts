import { randomUUID } from 'node:crypto';
import { InboxConsumer, type IncomingMessage } from '@resettle/messaging';
import { buildServer, createLogger, type Server } from '@resettle/platform';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelledEvent,
  createHarness,
  type Harness,
  noteOf,
} from '../../packages/messaging/src/test-support/harness.js';
import { effects } from '../../packages/messaging/src/test-support/schema.js';

// Values that must never reach a log line or a dead letter's headers, whatever the database says about them.
const PERSON = 'Z9999ZZ';
const CANARY = 'canary-lives-at-12-acacia-avenue';
const CANARIES = [PERSON, CANARY, 'acacia'];

describe('a database error with personal values reaches no log and no dead-letter header', () => {
  let harness: Harness;
  let app: Server;
  const lines: string[] = [];
  const logger = createLogger('canary-test', 'info', { write: (line: string) => void lines.push(line) });
  let from = 0; // each test reads only the lines it caused
  const text = () => lines.slice(from).join('\n');
  const logged = () => lines.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    harness = await createHarness('canary');
    // One effect per person: a second insert for her fails with her id in the error's detail.
    await harness.sql`create unique index effects_one_per_person on effects (person_id)`;
    await harness.sql`insert into effects (event_id, person_id, note) values (${randomUUID()}, ${PERSON}, ${CANARY})`;
    app = await buildServer({
      service: 'canary-test',
      description: 'canary test',
      logger,
      auth: { audience: 'resettle', maxAgeSeconds: 3_600, local: { secret: 'k'.repeat(40), issuer: 'iss' } },
    });
    app.post('/duplicate', async () => {
      await harness.db.insert(effects).values({ eventId: randomUUID(), personId: PERSON, note: CANARY });
    });
    app.post('/invalid', async () => harness.sql`select ${`${PERSON} ${CANARY}`}::uuid`);
    await app.ready();
  });
  beforeEach(() => {
    from = lines.length;
  });
  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  it('logs a failed request by class, code and constraint, never the values', async () => {
    expect((await app.inject({ method: 'POST', url: '/duplicate' })).statusCode).toBe(500);
    expect((await app.inject({ method: 'POST', url: '/invalid' })).statusCode).toBe(500);
    for (const canary of CANARIES) expect(text()).not.toContain(canary);
    const failures = logged().filter((line) => line.msg === 'request failed');
    expect(failures.map((line) => line.err)).toEqual([
      expect.objectContaining({
        type: 'DrizzleQueryError',
        cause: expect.objectContaining({
          type: 'PostgresError',
          code: '23505',
          table: 'effects',
          constraint: 'effects_one_per_person',
        }),
      }),
      expect.objectContaining({ type: 'PostgresError', code: '22P02', stack: expect.stringContaining('at ') }),
    ]);
  });

  it('logs an error passed on its own without its message as the line', async () => {
    const error = await harness.sql`select ${CANARY}::uuid`.catch((failure: unknown) => failure);
    logger.error(error);
    for (const canary of CANARIES) expect(text()).not.toContain(canary);
    expect(logged().at(-1)).toMatchObject({ msg: 'PostgresError 22P02', err: { code: '22P02' } });
  });

  it('dead-letters a failing event and unparseable JSON with headers that name no value', async () => {
    const letters: IncomingMessage[] = [];
    const watcher = await harness.bus.subscribe({
      groupId: `dlq-watch-${randomUUID()}`,
      topics: ['dlq'],
      handle: async (message) => void letters.push(message),
    });
    const consumer = new InboxConsumer({
      groupId: `canary-${randomUUID()}`,
      topics: [harness.topic],
      deadLetterTopic: 'dlq',
      db: harness.db,
      bus: harness.bus,
      logger,
      handlers: {
        'release.cancelled@v1': async (tx, event) => {
          await tx.insert(effects).values({ eventId: event.id, personId: event.personId, note: noteOf(event) });
        },
      },
    });
    const event = cancelledEvent(PERSON, CANARY);
    await harness.bus.send(harness.topic, [
      { key: PERSON, value: JSON.stringify(event) },
      { key: 'Y8888YY', value: `${PERSON} ${CANARY}` },
    ]);
    try {
      await consumer.start();
      await eventually(() => expect(letters).toHaveLength(2), 30_000);
    } finally {
      await consumer.stop();
      await watcher.stop();
    }
    const headers = JSON.stringify(letters.map((letter) => letter.headers));
    for (const canary of CANARIES) expect(headers).not.toContain(canary);
    for (const canary of CANARIES) expect(text()).not.toContain(canary);
    const byReason = Object.fromEntries(letters.map((letter) => [letter.headers['dlq-reason'], letter.headers]));
    expect(byReason.HANDLER_FAILED?.['dlq-error']).toBe(
      'DrizzleQueryError <- PostgresError 23505 constraint=effects_one_per_person schema=public table=effects',
    );
    expect(byReason.INVALID_JSON?.['dlq-error']).toBe('SyntaxError');
    expect(logged().filter((line) => line.msg === 'dead-lettering event')).toHaveLength(2);
  });
});
