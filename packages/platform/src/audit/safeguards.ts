import type { TransactionSql } from 'postgres';

/** The hash a chain starts from, before its first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** How many queued rows one call of `audit_chain_link` chains at most. */
export const AUDIT_CHAIN_BATCH = 1_000;

/**
 * The audit log's own protections, installed by the owner role at each start (idempotent; the caller holds the schema
 * lock and a transaction):
 *
 * - append-only: a trigger refuses UPDATE and DELETE of a row and TRUNCATE of the table, on the log and on its chain,
 *   whoever asks (the service's role cannot even try: it holds only SELECT and INSERT, see database-roles.ts);
 * - a hash chain, kept beside the log in `audit_chain`: each row's place (`seq`), the previous entry's hash
 *   (`prev_hash`) and its own (`hash`, sha256 over `canonicalAuditRow`). A row is chained after it commits, not while
 *   it is written: an insert only queues its id (in `audit_unchained`, by a trigger), and `audit_chain_link`, called by
 *   the service's chainer a moment later, chains the queue in id order under one lock. A chain linked inside each
 *   write made every write wait for the one before it to commit: PostgreSQL could not flush their commits together.
 *
 * Rows written before the chain existed are queued once, when it is first installed; a chain kept in the log's own
 * columns (before 2026-12) is moved beside it, unchanged, so its hashes still verify.
 */
export async function installAuditSafeguards(tx: TransactionSql): Promise<void> {
  const [layout] = await tx<{ chainExisted: boolean; chainInRows: boolean }[]>`
    select to_regclass('public.audit_chain_head') is not null as "chainExisted",
           exists (select 1 from information_schema.columns
                   where table_schema = 'public' and table_name = 'audit_log' and column_name = 'chain_seq') as "chainInRows"`;
  await tx.unsafe(CHAIN);
  if (layout?.chainInRows) await tx.unsafe(MOVE_CHAIN_OUT_OF_ROWS);
  if (!layout?.chainExisted) await tx.unsafe(QUEUE_ROWS_WRITTEN_BEFORE_THE_CHAIN);
  await tx.unsafe(TRIGGERS);
}

const CHAIN = `
  CREATE TABLE IF NOT EXISTS audit_chain_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq bigint NOT NULL,
    hash text NOT NULL
  );
  INSERT INTO audit_chain_head (seq, hash) VALUES (0, '${GENESIS_HASH}') ON CONFLICT DO NOTHING;
  CREATE TABLE IF NOT EXISTS audit_chain (
    seq bigint PRIMARY KEY,
    audit_id bigint NOT NULL UNIQUE,
    prev_hash text NOT NULL,
    hash text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS audit_unchained (audit_id bigint PRIMARY KEY);

  -- Must match canonicalAuditRow (chain.ts): a JSON array of strings and nulls, no spaces. \`listed\` (a list read's
  -- women) ends it only when present: concat_ws leaves out a null, so rows from before the column hash as they did.
  CREATE OR REPLACE FUNCTION audit_log_canonical(r audit_log, seq bigint, prev_hash text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT '[' || concat_ws(',',
      to_json($2::text)::text,
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
      coalesce(to_json($3)::text, 'null'),
      to_json(r.listed)::text
    ) || ']'
  $$;

  -- Queues what one statement inserted: one insert a statement, whatever its rows (a group of reads, a list).
  CREATE OR REPLACE FUNCTION audit_log_queue_for_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  BEGIN
    INSERT INTO public.audit_unchained (audit_id) SELECT id FROM inserted;
    RETURN NULL;
  END;
  $$;

  -- Chains up to \`batch\` queued rows that have committed, in id order, and returns how many. One chainer at a time
  -- (the lock, held to commit, is the chain's; the outbox relay's is 7355608), so the chain never forks.
  CREATE OR REPLACE FUNCTION audit_chain_link(batch integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  DECLARE
    taken bigint[];
    last_seq bigint;
    last_hash text;
    entry public.audit_log;
    seqs bigint[] := '{}';
    ids bigint[] := '{}';
    prevs text[] := '{}';
    hashes text[] := '{}';
  BEGIN
    PERFORM pg_advisory_xact_lock(7355609);
    WITH queued AS (
      DELETE FROM public.audit_unchained
      WHERE audit_id IN (SELECT audit_id FROM public.audit_unchained ORDER BY audit_id LIMIT batch)
      RETURNING audit_id
    )
    SELECT array_agg(audit_id) INTO taken FROM queued;
    IF taken IS NULL THEN RETURN 0; END IF;
    SELECT seq, hash INTO last_seq, last_hash FROM public.audit_chain_head FOR UPDATE;
    FOR entry IN SELECT * FROM public.audit_log WHERE id = ANY (taken) ORDER BY id LOOP
      seqs := seqs || (last_seq + 1);
      ids := ids || entry.id;
      prevs := prevs || last_hash;
      last_seq := last_seq + 1;
      last_hash := encode(sha256(convert_to(public.audit_log_canonical(entry, last_seq, last_hash), 'UTF8')), 'hex');
      hashes := hashes || last_hash;
    END LOOP;
    INSERT INTO public.audit_chain (seq, audit_id, prev_hash, hash) SELECT * FROM unnest(seqs, ids, prevs, hashes);
    UPDATE public.audit_chain_head SET seq = last_seq, hash = last_hash;
    RETURN cardinality(ids);
  END;
  $$;

  CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
  END;
  $$;
`;

/** The chain as the log's own columns kept it, row by row, moved beside the log with its numbers and hashes. */
const MOVE_CHAIN_OUT_OF_ROWS = `
  INSERT INTO audit_chain (seq, audit_id, prev_hash, hash)
    SELECT chain_seq, id, prev_hash, hash FROM audit_log WHERE chain_seq IS NOT NULL
    ON CONFLICT DO NOTHING;
  DROP TRIGGER IF EXISTS audit_log_chained ON audit_log;
  DROP TRIGGER IF EXISTS audit_log_chain_head_written ON audit_log;
  DROP FUNCTION IF EXISTS audit_log_chain();
  DROP FUNCTION IF EXISTS audit_log_chain_head();
  DROP FUNCTION IF EXISTS audit_log_canonical(audit_log);
  ALTER TABLE audit_log DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash;
`;

const QUEUE_ROWS_WRITTEN_BEFORE_THE_CHAIN = `
  INSERT INTO audit_unchained (audit_id) SELECT id FROM audit_log ON CONFLICT DO NOTHING;
`;

const TRIGGERS = `
  DROP TRIGGER IF EXISTS audit_log_queued ON audit_log;
  DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;
  DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
  DROP TRIGGER IF EXISTS audit_chain_no_change ON audit_chain;
  DROP TRIGGER IF EXISTS audit_chain_no_truncate ON audit_chain;
  CREATE TRIGGER audit_log_queued AFTER INSERT ON audit_log REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_queue_for_chain();
  CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
