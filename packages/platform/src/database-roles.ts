import postgres, { type TransactionSql } from 'postgres';

/**
 * What the service's run-time role may do, granted by the owner role after each migration (idempotent): read and
 * write every business table (DELETE included: the purge of published outbox, inbox and dead-letter rows), use their
 * sequences, and on the audit log only SELECT and INSERT (on its chain SELECT, and the function that chains it). Not granted: TRUNCATE, REFERENCES or TRIGGER on anything,
 * CREATE in the schema; and as it owns nothing it cannot ALTER, DROP or disable a trigger on any table.
 */
export async function grantServiceRole(tx: TransactionSql, serviceRole: string): Promise<void> {
  const role = quoteIdentifier(serviceRole);
  await tx.unsafe(`
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
  `);
  const [audited] = await tx`select to_regclass('public.audit_log') is not null as present`;
  if (audited?.present)
    await tx.unsafe(`
      REVOKE ALL ON audit_log, audit_chain, audit_unchained, audit_chain_head FROM ${role};
      GRANT SELECT, INSERT ON audit_log TO ${role};
      GRANT SELECT ON audit_chain, audit_unchained, audit_chain_head TO ${role};
      REVOKE EXECUTE ON FUNCTION audit_chain_link(integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION audit_chain_link(integer) TO ${role};
    `);
}

/** The role a connection string logs in as (asked of the server, so defaults such as PGUSER count). */
export async function roleOf(url: string): Promise<{ name: string; superuser: boolean }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ name: string; superuser: boolean }[]>`
      select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`;
    if (!row) throw new Error('the database connection has no role');
    return row;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
