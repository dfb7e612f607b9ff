import { freshDatabase, type TestDatabase } from '@resettle/testing';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf, insertJsonRows, insertNewRowsReturning } from './json-rows.js';

const visits = pgTable('visits', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  visitId: uuid('visit_id').notNull().unique(),
  personId: text('person_id').notNull(),
  onDay: date('on_day'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  attended: boolean('attended').notNull(),
  count: integer('count').notNull().default(1),
  details: jsonb('details').$type<{ note: string; tags: string[] }>(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

describe('many rows in one JSON parameter, on real PostgreSQL', () => {
  let database: TestDatabase;
  let client: postgres.Sql;
  let db: ReturnType<typeof drizzle>;

  beforeAll(async () => {
    database = await freshDatabase('jsonrows');
    client = postgres(database.ownerUrl, { max: 2, onnotice: () => {} });
    db = drizzle(client);
    await client`create table visits (seq bigserial primary key, visit_id uuid not null unique, person_id text not null,
      on_day date, at timestamptz not null, attended boolean not null, count integer not null default 1,
      details jsonb, recorded_at timestamptz not null default now())`;
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const first = '0b8f2a6e-2f7e-4d7a-9c51-1c6b8a1f2e11';
  const second = '1c9f3b7f-3a8f-4e8b-8d62-2d7c9b2f3f22';

  it('inserts every row with each value as drizzle would have written it, defaults for the columns left out', async () => {
    const at = new Date('2027-01-06T13:00:00.123Z');
    const awkward = `She said "don't" \\ then {left}, [x] 'ok' — ünïcode ✓`;
    const keys = ['visitId', 'personId', 'onDay', 'at', 'attended', 'details'] as const;
    await db.execute(
      insertJsonRows(visits, keys, [
        {
          visitId: first,
          personId: 'A1234BC',
          onDay: '2027-01-06',
          at,
          attended: true,
          details: { note: awkward, tags: ['a', 'b'] },
        },
        { visitId: second, personId: awkward, onDay: null, at, attended: false, details: null },
      ]),
    );
    const rows = await db.select().from(visits).orderBy(visits.seq);
    expect(rows).toMatchObject([
      {
        visitId: first,
        personId: 'A1234BC',
        onDay: '2027-01-06',
        at,
        attended: true,
        count: 1,
        details: { note: awkward, tags: ['a', 'b'] },
      },
      { visitId: second, personId: awkward, onDay: null, at, attended: false, count: 1, details: null },
    ]);
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);
    expect(rows[0]!.recordedAt).toBeInstanceOf(Date);
  });

  it('takes on conflict and returning after it, and finds rows by many ids in one parameter', async () => {
    const third = '2d0a4c80-4b90-4f9c-9e73-3e8d0c3a4a33';
    const inserted = await db.execute<{ visit_id: string }>(
      sql`${insertJsonRows(
        visits,
        ['visitId', 'personId', 'at', 'attended'],
        [
          { visitId: first, personId: 'again', at: new Date(), attended: true },
          { visitId: third, personId: 'B2222BB', at: new Date(), attended: true },
        ],
      )} on conflict (visit_id) do nothing returning visit_id`,
    );
    expect(inserted.map((row) => row.visit_id)).toEqual([third]);
    const found = await db
      .select({ visitId: visits.visitId })
      .from(visits)
      .where(sql`${visits.visitId} = ${anyOf([first, third, 'e0000000-0000-4000-8000-000000000000'], 'uuid')}`)
      .orderBy(visits.visitId);
    expect(found.map((row) => row.visitId)).toEqual([first, third]);
    expect(
      await db
        .select()
        .from(visits)
        .where(sql`${visits.personId} = ${anyOf([])}`),
    ).toEqual([]);
  });

  it('returns the rows it inserted as drizzle reads them, and skips a row that conflicts', async () => {
    const fourth = '3e1b5d91-5ca1-4a0d-8f84-4f9e1d4b5b44';
    const at = new Date('2027-02-01T09:30:00.5Z');
    const returned = await insertNewRowsReturning(
      db,
      visits,
      ['visitId', 'personId', 'onDay', 'at', 'attended', 'details'],
      [
        {
          visitId: fourth,
          personId: 'C3333CC',
          onDay: '2027-02-01',
          at,
          attended: true,
          details: { note: 'n', tags: [] },
        },
        { visitId: first, personId: 'conflicts', onDay: null, at, attended: false, details: null },
      ],
    );
    const stored = await db.select().from(visits).where(sql`${visits.visitId} = ${fourth}`);
    expect(returned).toEqual(stored);
    expect(returned[0]).toMatchObject({ onDay: '2027-02-01', at, count: 1, details: { note: 'n', tags: [] } });
    expect(returned[0]!.recordedAt).toBeInstanceOf(Date);
    expect(typeof returned[0]!.seq).toBe('number');
  });
});
