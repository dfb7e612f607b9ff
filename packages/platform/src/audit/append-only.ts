import type { Sql } from 'postgres';
import { SCHEMA_CHANGE_LOCK_KEY } from '../db.js';

/**
 * Makes the audit log append-only: a trigger refuses UPDATE and DELETE, whoever asks. Idempotent, and one instance at
 * a time (two replacing the same function at once collide in the catalogue).
 */
export async function enforceAuditAppendOnly(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SCHEMA_CHANGE_LOCK_KEY})`;
    await tx.unsafe(`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;
    DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `);
  });
}
