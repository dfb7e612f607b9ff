import { startTestService, type TestService } from '@resettle/platform/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';

const coordinator = { sub: 'coordinator-1', roles: ['accommodation-coordinator' as const], prison: 'EWI' };

/** Fails with PostgreSQL's "insufficient privilege" (or "must be owner", the same code). */
const refused = (statement: Promise<unknown>) => expect(statement).rejects.toMatchObject({ code: '42501' });

describe('the database roles a service runs with', () => {
  let service: TestService;
  /** The service's own pool: what it runs every request and event with. */
  let asService: postgres.Sql;
  let asSuperuser: postgres.Sql;
  beforeAll(async () => {
    service = await startTestService(accommodation);
    asService = service.context.sql;
    asSuperuser = postgres(service.database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await asSuperuser?.end({ timeout: 1 });
    await service?.close();
  });

  it('runs the service as its service role, and the migrations as the owner role, which owns every table', async () => {
    const [whoami] = await service.context.sql<{ role: string }[]>`select current_user as role`;
    expect(whoami?.role).toBe(`${service.database.name}_service`);
    const owners = await asSuperuser<{ owner: string }[]>`
      select distinct tableowner as owner from pg_tables where schemaname in ('public', 'drizzle')`;
    expect(owners).toEqual([{ owner: `${service.database.name}_owner` }]);
  });

  it('lets the service role only read and append to the audit log and chain it, never change, empty or unprotect either', async () => {
    await asService`insert into audit_log (sub, roles, action, categories, outcome, correlation_id)
                    values ('someone', '{}', 'read-something', '{}', 'allowed', 'c-1')`;
    expect((await asService`select count(*)::int as rows from audit_log`)[0]?.rows).toBeGreaterThan(0);
    await refused(asService`update audit_log set action = 'nothing-to-see'`);
    await refused(asService`delete from audit_log`);
    await refused(asService`truncate audit_log`);
    await refused(asService`alter table audit_log disable trigger audit_log_no_change`);
    await refused(asService`drop trigger audit_log_no_change on audit_log`);
    await refused(asService`drop trigger audit_log_queued on audit_log`);
    await refused(asService`update audit_chain set hash = 'forged'`);
    await refused(asService`delete from audit_chain`);
    await refused(asService`insert into audit_chain values (0, 0, 'forged', 'forged')`);
    await refused(asService`delete from audit_unchained`);
    await refused(asService`alter table audit_chain drop column hash`);
    await refused(asService`drop table audit_log`);
    await refused(
      asService.unsafe(
        'create or replace function audit_log_append_only() returns trigger language plpgsql as $$ begin return old; end $$',
      ),
    );
    await refused(asService`update audit_chain_head set seq = 0`);
    await refused(asService`create table shadow (id int)`);
  });

  it('lets the service role read, write and delete its business tables (the purge deletes old outbox, inbox and dead-letter rows)', async () => {
    const tables = await asSuperuser<{ table: string }[]>`
      select tablename as table from pg_tables where schemaname = 'public'
        and tablename not in ('audit_log', 'audit_chain', 'audit_unchained', 'audit_chain_head')`;
    expect(tables.map((row) => row.table)).toEqual(expect.arrayContaining(['outbox', 'inbox']));
    for (const { table } of tables) {
      const [privileges] = await asSuperuser<Record<string, boolean>[]>`
        select has_table_privilege(${`${service.database.name}_service`}, ${`public.${table}`}, 'SELECT') as select,
               has_table_privilege(${`${service.database.name}_service`}, ${`public.${table}`}, 'INSERT') as insert,
               has_table_privilege(${`${service.database.name}_service`}, ${`public.${table}`}, 'UPDATE') as update,
               has_table_privilege(${`${service.database.name}_service`}, ${`public.${table}`}, 'DELETE') as delete,
               has_table_privilege(${`${service.database.name}_service`}, ${`public.${table}`}, 'TRUNCATE') as truncate`;
      expect({ table, ...privileges }).toEqual({
        table,
        select: true,
        insert: true,
        update: true,
        delete: true,
        truncate: false,
      });
    }
    await asService`delete from outbox where published_at < now() - interval '30 days'`;
    await asService`delete from inbox where false`;
  });

  it('still serves and audits as the service role', async () => {
    const before = (await asSuperuser`select count(*)::int as rows from audit_log`)[0]?.rows;
    const answer = await service.call(
      coordinator,
      'GET',
      '/api/accommodations?releaseId=3b241101-e2bb-4255-8caf-4136c566a962',
    );
    expect(answer.status).toBe(200);
    const after = (await asSuperuser`select count(*)::int as rows from audit_log`)[0]?.rows;
    expect(after).toBeGreaterThan(before ?? 0);
  });
});
