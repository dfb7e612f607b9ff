import { createHash } from 'node:crypto';
import type { Sql } from 'postgres';
import { GENESIS_HASH } from './safeguards.js';

/** One audit row as the chain hashes it: every column but `id` (its order is the chain's, not the id's). */
export interface ChainedAuditRow {
  id: string;
  chainSeq: string;
  /** UTC with microseconds, as the database formats it: `2026-11-30T09:01:02.123456Z`. */
  at: string;
  sub: string;
  roles: string[];
  organisation: string | null;
  action: string;
  personId: string | null;
  resourceId: string | null;
  categories: string[];
  justification: string | null;
  outcome: string;
  recipient: string | null;
  correlationId: string;
  prevHash: string | null;
  hash: string | null;
  /** A list read's women; null on any other row (and on every row written before the column). */
  listed: string[] | null;
}

export type BrokenLinkReason =
  | 'row-missing' // the next number in the chain is absent: a row was deleted
  | 'link-mismatch' // prev_hash is not the previous row's hash
  | 'row-altered' // the row's content does not hash to its hash
  | 'row-unchained' // a row without a place in the chain (written with the trigger off)
  | 'head-mismatch' // the chain ends before (or differs from) its recorded head: rows removed from the end
  | 'witness-mismatch'; // a head witnessed outside the database is not in the chain: rewritten from there or before

export interface BrokenLink {
  reason: BrokenLinkReason;
  /** Where the chain breaks: the row's chain number (or the head's), and the row's id when there is one. */
  chainSeq: string | null;
  id: string | null;
}

/** A chain's head: its last row's number and hash (the services log it as a witness: `auditHead`, "seq:hash"). */
export interface ChainHead {
  chainSeq: string;
  hash: string;
}

export interface ChainVerdict {
  intact: boolean;
  /** Rows checked. */
  rows: number;
  /** The last row's number and hash: record it elsewhere to notice a later rewrite of the whole chain. */
  head: { chainSeq: string; hash: string } | null;
  brokenAt?: BrokenLink;
}

/**
 * The text a row's hash is taken over: a JSON array, in column order, ending with the previous row's hash, and then
 * with the women a list read showed, on a list read's row only.
 */
export function canonicalAuditRow(row: ChainedAuditRow): string {
  return JSON.stringify([
    row.chainSeq,
    row.at,
    row.sub,
    row.roles,
    row.organisation,
    row.action,
    row.personId,
    row.resourceId,
    row.categories,
    row.justification,
    row.outcome,
    row.recipient,
    row.correlationId,
    row.prevHash,
    ...(row.listed === null ? [] : [row.listed]),
  ]);
}

export function auditRowHash(row: ChainedAuditRow): string {
  return createHash('sha256').update(canonicalAuditRow(row), 'utf8').digest('hex');
}

/**
 * Walks a service's audit log in chain order, recomputing every hash here rather than trusting the database's own
 * function, and reports the first broken link. Needs only SELECT on `audit_log` and `audit_chain_head`.
 */
export async function verifyAuditChain(
  sql: Sql,
  { batchSize = 5_000, witnessed = [] as ChainHead[] } = {},
): Promise<ChainVerdict> {
  const witnessedHash = new Map(witnessed.map((head) => [head.chainSeq, head.hash]));
  const [unchained] = await sql<{ id: string }[]>`
    select id::text as id from audit_log where chain_seq is null or hash is null order by id limit 1`;
  if (unchained) return broken(0, null, { reason: 'row-unchained', chainSeq: null, id: unchained.id });
  let previous: { chainSeq: bigint; hash: string } = { chainSeq: 0n, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const batch = await sql<ChainedAuditRow[]>`
      select id::text as id, chain_seq::text as "chainSeq",
             to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
             sub, roles, organisation, action, person_id as "personId", resource_id as "resourceId", categories,
             justification, outcome, recipient, correlation_id as "correlationId", prev_hash as "prevHash", hash, listed
      from audit_log where chain_seq > ${previous.chainSeq.toString()}::bigint
      order by chain_seq limit ${batchSize}`;
    for (const row of batch) {
      const link = { chainSeq: row.chainSeq, id: row.id };
      if (BigInt(row.chainSeq) !== previous.chainSeq + 1n)
        return broken(rows, previous, { reason: 'row-missing', ...link });
      if (row.prevHash !== previous.hash) return broken(rows, previous, { reason: 'link-mismatch', ...link });
      if (auditRowHash(row) !== row.hash) return broken(rows, previous, { reason: 'row-altered', ...link });
      const seen = witnessedHash.get(row.chainSeq);
      if (seen !== undefined && seen !== row.hash)
        return broken(rows, previous, { reason: 'witness-mismatch', ...link });
      previous = { chainSeq: BigInt(row.chainSeq), hash: row.hash };
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await chainHead(sql);
  const last = rows === 0 ? null : previous;
  if (head && (head.chainSeq !== previous.chainSeq.toString() || head.hash !== previous.hash))
    return broken(rows, last, { reason: 'head-mismatch', chainSeq: head.chainSeq, id: null });
  const beyond = witnessed.find((seen) => BigInt(seen.chainSeq) > previous.chainSeq);
  if (beyond) return broken(rows, last, { reason: 'witness-mismatch', chainSeq: beyond.chainSeq, id: null });
  return { intact: true, rows, head: last && { chainSeq: last.chainSeq.toString(), hash: last.hash } };
}

/** The head the chain's trigger keeps (chain number 0 and the genesis hash before any row); none before migration. */
export async function chainHead(sql: Sql): Promise<ChainHead | undefined> {
  const [head] = await sql<ChainHead[]>`select seq::text as "chainSeq", hash from audit_chain_head`;
  return head;
}

function broken(rows: number, last: { chainSeq: bigint; hash: string } | null, brokenAt: BrokenLink): ChainVerdict {
  const head = last && last.chainSeq > 0n ? { chainSeq: last.chainSeq.toString(), hash: last.hash } : null;
  return { intact: false, rows, head, brokenAt };
}
