import type { TransactionSql } from 'postgres';

/** The hash a chain starts from, before its first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The audit log's own protections, installed by the owner role at each start (idempotent; the caller holds the schema
 * lock and a transaction):
 *
 * - append-only: a trigger refuses UPDATE and DELETE of a row and TRUNCATE of the table, whoever asks (the service's
 *   role cannot even try: it holds only SELECT and INSERT, see database-roles.ts);
 * - a hash chain: a BEFORE INSERT trigger gives each row the next number in the chain (`chain_seq`), the previous row's
 *   hash (`prev_hash`) and its own (`hash`, sha256 over `canonicalAuditRow`). The chain's head is one row, locked
 *   by each insert until it commits, so concurrent inserts queue and keep one chain, in commit order; in a
 *   REPEATABLE READ transaction a concurrent insert fails with a serialisation error rather than forking it.
 *
 * Rows written before the chain existed are chained once, in id order, when it is first installed.
 */
export async function installAuditSafeguards(tx: TransactionSql): Promise<void> {
  await tx.unsafe(`
    ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS chain_seq bigint;
    ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash text;
    ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS hash text;
    CREATE UNIQUE INDEX IF NOT EXISTS audit_log_chain_seq ON audit_log (chain_seq);
    CREATE TABLE IF NOT EXISTS audit_chain_head (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      seq bigint NOT NULL,
      hash text NOT NULL
    );

    -- Must match canonicalAuditRow (chain.ts): a JSON array of strings and nulls, no spaces. \`listed\` (a list read's
    -- women) ends it only when present: concat_ws leaves out a null, so rows from before the column hash as they did.
    CREATE OR REPLACE FUNCTION audit_log_canonical(r audit_log) RETURNS text
      LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
      SELECT '[' || concat_ws(',',
        to_json(r.chain_seq::text)::text,
        to_json(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
        coalesce(to_json(r.sub)::text, 'null'),
        coalesce(to_json(r.roles)::text, 'null'),
        coalesce(to_json(r.organisation)::text, 'null'),
        coalesce(to_json(r.action)::text, 'null'),
        coalesce(to_json(r.person_id)::text, 'null'),
        coalesce(to_json(r.resource_id)::text, 'null'),
        coalesce(to_json(r.categories)::text, 'null'),
        coalesce(to_json(r.justification)::text, 'null'),
        coalesce(to_json(r.outcome)::text, 'null'),
        coalesce(to_json(r.recipient)::text, 'null'),
        coalesce(to_json(r.correlation_id)::text, 'null'),
        coalesce(to_json(r.prev_hash)::text, 'null'),
        to_json(r.listed)::text
      ) || ']'
    $$;

    -- Each row takes the chain's next number, links to the previous hash and hashes itself. The head is read and locked
    -- once per transaction (its row lock, held to commit, is what makes concurrent inserts one chain); later rows of
    -- the same transaction carry it on in two transaction-local settings, and the head row is written once at the end
    -- of each statement, not once a row: a list read audits fifty women in one insert.
    CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
      carried text := coalesce(current_setting('resettle.audit_chain_seq', true), '');
      head record;
    BEGIN
      IF carried = '' THEN
        -- Queue first on a lock of the chain's own (held, like the row's, to commit): waiting on the head row itself
        -- costs each waiter a walk over its newer versions when it wakes, ~0.5 ms of database CPU a booking at 180/s.
        PERFORM pg_advisory_xact_lock(7355609); -- the chain's key; the outbox relay's lock is 7355608
        SELECT seq, hash INTO head FROM public.audit_chain_head FOR UPDATE;
        NEW.chain_seq := head.seq + 1;
        NEW.prev_hash := head.hash;
      ELSE
        NEW.chain_seq := carried::bigint + 1;
        NEW.prev_hash := current_setting('resettle.audit_chain_hash');
      END IF;
      NEW.hash := encode(sha256(convert_to(public.audit_log_canonical(NEW), 'UTF8')), 'hex');
      PERFORM set_config('resettle.audit_chain_seq', NEW.chain_seq::text, true);
      PERFORM set_config('resettle.audit_chain_hash', NEW.hash, true);
      RETURN NEW;
    END;
    $$;

    CREATE OR REPLACE FUNCTION audit_log_chain_head() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
      carried text := coalesce(current_setting('resettle.audit_chain_seq', true), '');
    BEGIN
      IF carried <> '' THEN
        UPDATE public.audit_chain_head
          SET seq = carried::bigint, hash = current_setting('resettle.audit_chain_hash')
          WHERE seq <> carried::bigint;
      END IF;
      RETURN NULL;
    END;
    $$;

    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$;

    DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
    DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
    DROP TRIGGER IF EXISTS audit_log_chained ON audit_log;
    DROP TRIGGER IF EXISTS audit_log_chain_head_written ON audit_log;
  `);
  await chainRowsWrittenBeforeTheChain(tx);
  await tx.unsafe(`
    CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
    CREATE TRIGGER audit_log_chain_head_written AFTER INSERT ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_chain_head();
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `);
}

/** Once, on a log that predates the chain (the append-only trigger is off only inside this transaction). */
async function chainRowsWrittenBeforeTheChain(tx: TransactionSql): Promise<void> {
  const [head] = await tx`select 1 from audit_chain_head`;
  if (head) return;
  await tx.unsafe(`
    INSERT INTO audit_chain_head (seq, hash) VALUES (0, '${GENESIS_HASH}');
    DO $$
    DECLARE
      entry audit_log;
      head record;
    BEGIN
      FOR entry IN SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY id LOOP
        SELECT seq, hash INTO head FROM audit_chain_head;
        entry.chain_seq := head.seq + 1;
        entry.prev_hash := head.hash;
        entry.hash := encode(sha256(convert_to(audit_log_canonical(entry), 'UTF8')), 'hex');
        UPDATE audit_log SET chain_seq = entry.chain_seq, prev_hash = entry.prev_hash, hash = entry.hash WHERE id = entry.id;
        UPDATE audit_chain_head SET seq = entry.chain_seq, hash = entry.hash;
      END LOOP;
    END $$;
  `);
}
