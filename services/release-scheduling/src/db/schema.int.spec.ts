import { fileURLToPath } from 'node:url';
import { connectDatabase, migrateDatabase } from '@resettle/platform';
import { freshDatabase, type TestDatabase } from '@resettle/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from './schema.js';

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url));

describe('release-scheduling migrations on the real PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase('rs-schema');
  });
  afterAll(() => database.drop());

  it('applies the committed migrations twice without error and round-trips a row through drizzle', async () => {
    await migrateDatabase(database.url, migrations);
    await migrateDatabase(database.url, migrations);
    const connection = connectDatabase(database.url, schema);
    try {
      await connection.db
        .insert(schema.prisons)
        .values({ code: 'TST', name: 'HMP Test', releaseWindowCloses: '11:30' });
      const [prison] = await connection.db.select().from(schema.prisons).where(eq(schema.prisons.code, 'TST'));
      expect(prison).toMatchObject({ code: 'TST', releaseWindowOpens: '08:00', releaseWindowCloses: '11:30' });
    } finally {
      await connection.close();
    }
  });
});
