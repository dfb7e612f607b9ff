import postgres from 'postgres';

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const SAFE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

function assertSafeName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe database name: ${name}`);
}

export async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Creates the database unless it exists, owned by `owner` when named (else by whoever connects to `serverUrl`). */
export async function createDatabaseIfMissing(serverUrl: string, name: string, owner?: string): Promise<string> {
  assertSafeName(name);
  if (owner !== undefined) assertSafeName(owner);
  const sql = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const existing = await sql`select 1 from pg_database where datname = ${name}`;
    if (existing.length === 0) {
      await sql
        .unsafe(`create database "${name}"${owner ? ` owner "${owner}"` : ''}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42P04') throw error; // created concurrently
        });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  const sql = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function listDatabasesLike(serverUrl: string, prefix: string): Promise<string[]> {
  assertSafeName(prefix);
  const sql = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}%`}`;
    return rows.map((row) => row.datname);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops databases left behind by test runs that were killed before their teardown, and their roles. */
export async function dropDatabasesLike(serverUrl: string, prefix: string): Promise<string[]> {
  const names = await listDatabasesLike(serverUrl, prefix);
  for (const name of names) await dropDatabase(serverUrl, name);
  await dropRolesLike(serverUrl, prefix);
  return names;
}

/** Roles named for a database (`<database>_owner`, `<database>_service`) whose database is gone. */
async function dropRolesLike(serverUrl: string, prefix: string): Promise<void> {
  assertSafeName(prefix);
  const sql = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const roles = await sql<{ rolname: string }[]>`
      select rolname from pg_roles where rolname like ${`${prefix}%`} and not rolsuper`;
    for (const { rolname } of roles) {
      if (SAFE_NAME.test(rolname)) await sql.unsafe(`drop role if exists "${rolname}"`).catch(() => {});
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
