import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabaseIfMissing, databaseUrl } from './databases.js';

/**
 * A service's database with its two roles: `<database>_owner` owns the database and every table in it (it runs the
 * migrations), and `<database>_service` is what the service connects as at run time; the service grants it, at each
 * start, what it needs on its business tables and no more than SELECT and INSERT on the audit log.
 */
export interface ServiceDatabase {
  name: string;
  /** The set-up connection's own (a superuser's): for tests that look inside, never for the service. */
  url: string;
  /** DATABASE_OWNER_URL: migrations. */
  ownerUrl: string;
  /** DATABASE_URL: the service at run time. */
  serviceUrl: string;
}

export const ownerRoleOf = (database: string) => `${database}_owner`;
export const serviceRoleOf = (database: string) => `${database}_service`;

const SAFE_ROLE = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Creates (or re-keys) the two roles and the database, owned by the owner role. Needs a superuser or a role with
 * CREATEROLE and CREATEDB. Safe to run again and from several processes at once: the roles are this database's own
 * (test files never share one), set-ups of the same database take turns, and an existing role only gets a new random
 * password (each `pnpm start` hands the new ones to the services it starts; the last set-up's passwords are valid).
 * A database created earlier by someone else (an older `pnpm start`) is handed over to the owner role, tables included.
 */
export async function createServiceDatabase(serverUrl: string, name: string): Promise<ServiceDatabase> {
  const owner = ownerRoleOf(name);
  const service = serviceRoleOf(name);
  for (const role of [owner, service]) if (!SAFE_ROLE.test(role)) throw new Error(`unsafe role name: ${role}`);
  const passwords = { [owner]: randomBytes(18).toString('hex'), [service]: randomBytes(18).toString('hex') };
  const admin = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  let url: string;
  try {
    // Two set-ups of one database at once would collide in the catalogue ("tuple concurrently updated").
    await admin`select pg_advisory_lock(hashtext(${`resettle-service-database/${name}`}))`;
    for (const role of [owner, service]) await ensureLoginRole(admin, role, passwords[role] ?? '');
    url = await createDatabaseIfMissing(serverUrl, name, owner);
    await handOverTo(url, owner);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return {
    name,
    url,
    ownerUrl: roleUrl(url, owner, passwords[owner] ?? ''),
    serviceUrl: roleUrl(url, service, passwords[service] ?? ''),
  };
}

/** Drops the roles of a database already dropped (they own nothing anywhere else). */
export async function dropServiceRoles(serverUrl: string, name: string): Promise<void> {
  const sql = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    for (const role of [ownerRoleOf(name), serviceRoleOf(name)]) {
      if (SAFE_ROLE.test(role)) await sql.unsafe(`drop role if exists "${role}"`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function ensureLoginRole(sql: postgres.Sql, role: string, password: string): Promise<void> {
  const [existing] = await sql`select 1 from pg_roles where rolname = ${role}`;
  if (!existing) {
    await sql
      .unsafe(`create role "${role}" login nosuperuser nocreatedb nocreaterole`)
      .catch((error: { code?: string }) => {
        // Created at the same moment by another process: 42710, or the catalogue's unique index (23505).
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
  }
  await sql.unsafe(`alter role "${role}" with login password '${password}'`);
}

/** Makes the owner role own the database, its schemas and everything in them (idempotent, cheap when already so). */
async function handOverTo(url: string, owner: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`
      alter database "${new URL(url).pathname.slice(1)}" owner to "${owner}";
      do $$
      declare item record;
      begin
        for item in
          select format('alter schema %I owner to %I', nspname, '${owner}') as change from pg_namespace
          where nspname in ('public', 'drizzle') and nspowner <> '${owner}'::regrole
            and nspowner <> 'pg_database_owner'::regrole
          union all
          select format('alter %s %I.%I owner to %I',
                   case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                   else 'table' end, n.nspname, c.relname, '${owner}')
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')
            and c.relowner <> '${owner}'::regrole
            and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')
                            and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass)
          union all
          select format('alter function %s owner to %I', p.oid::regprocedure, '${owner}')
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proowner <> '${owner}'::regrole
        loop
          execute item.change;
        end loop;
      end $$;
    `);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function roleUrl(url: string, role: string, password: string): string {
  const withRole = new URL(url);
  withRole.username = role;
  withRole.password = password;
  return withRole.toString();
}
