import { freshDatabase, type TestDatabase } from '@resettle/testing';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparingEveryQuery } from './prepared.js';

const prisons = pgTable('prisons', { code: text('code').primaryKey(), beds: integer('beds').notNull() });

describe('drizzle over a client that prepares every query, on real PostgreSQL', () => {
  let database: TestDatabase;
  let client: postgres.Sql;

  beforeAll(async () => {
    database = await freshDatabase('prepared');
    client = postgres(database.ownerUrl, { max: 1, onnotice: () => {} });
    await client`create table prisons (code text primary key, beds integer not null)`;
    await client`insert into prisons values ('ESI', 300), ('LNI', 500)`;
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  /** The statements this (single) connection holds prepared that read or write the prisons table. */
  const preparedOnPrisons = async (db: ReturnType<typeof drizzle>) => {
    const rows = await db.execute<{ statement: string }>(
      sql`select statement from pg_prepared_statements where statement like '%"prisons"%'`,
    );
    return rows.map((row) => row.statement);
  };

  it('leaves drizzle queries unprepared without it (each one described before it runs)', async () => {
    const plain = drizzle(client);
    expect(await plain.select().from(prisons).where(eq(prisons.code, 'ESI'))).toEqual([{ code: 'ESI', beds: 300 }]);
    expect(await preparedOnPrisons(plain)).toEqual([]);
  });

  it('prepares them once per connection with it, in and out of transactions and savepoints', async () => {
    const db = drizzle(preparingEveryQuery(client));
    const byCode = (code: string) => db.select().from(prisons).where(eq(prisons.code, code));
    expect(await byCode('ESI')).toEqual([{ code: 'ESI', beds: 300 }]);
    expect(await byCode('LNI')).toEqual([{ code: 'LNI', beds: 500 }]);
    expect(await preparedOnPrisons(db)).toHaveLength(1);

    await db.transaction(async (tx) => {
      await tx.update(prisons).set({ beds: 301 }).where(eq(prisons.code, 'ESI'));
      await tx.transaction(async (savepoint) => {
        await savepoint.update(prisons).set({ beds: 501 }).where(eq(prisons.code, 'LNI'));
      });
    });
    expect(await byCode('ESI')).toEqual([{ code: 'ESI', beds: 301 }]);
    expect(await byCode('LNI')).toEqual([{ code: 'LNI', beds: 501 }]);
    // The select, and the one update run in the transaction and in its savepoint.
    expect(await preparedOnPrisons(db)).toHaveLength(2);
  });
});
