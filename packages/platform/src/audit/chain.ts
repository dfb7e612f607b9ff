import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { everyInterval, type Worker } from '../kernel/workers.js';
import { AUDIT_CHAIN_BATCH, GENESIS_HASH } from './safeguards.js';

/** One audit row with its chain entry, as the chain hashes it: all but `id` (its order is the chain's, not the id's). */
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
  prevHash: string;
  hash: string;
  /** A list read's women; null on any other row (and on every row written before the column). */
  listed: string[] | null;
}

export type BrokenLinkReason =
  | 'row-missing' // the next number in the chain, or the row it names, is absent: a row was deleted
  | 'link-mismatch' // prev_hash is not the previous row's hash
  | 'row-altered' // the row's content does not hash to its hash
  | 'row-unchained' // a row neither in the chain nor queued for it (written with the log's triggers off)
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
  /** Rows written and queued to be chained, not yet in the chain (the chainer links them within a second). */
  pending: number;
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
 * function, and reports the first broken link. Rows still queued to be chained are counted as `pending`, not broken.
 * Needs only SELECT on `audit_log`, `audit_chain`, `audit_unchained` and `audit_chain_head`.
 */
export async function verifyAuditChain(
  sql: Sql,
  { batchSize = 5_000, witnessed = [] as ChainHead[] } = {},
): Promise<ChainVerdict> {
  const witnessedHash = new Map(witnessed.map((head) => [head.chainSeq, head.hash]));
  const [queue] = await sql<{ pending: number; unchained: string | null }[]>`
    select (select count(*)::int from audit_unchained) as pending,
           (select min(id)::text from audit_log log
            where not exists (select 1 from audit_chain chain where chain.audit_id = log.id)
              and not exists (select 1 from audit_unchained queued where queued.audit_id = log.id)) as unchained`;
  const pending = queue?.pending ?? 0;
  if (queue?.unchained)
    return broken(0, pending, null, { reason: 'row-unchained', chainSeq: null, id: queue.unchained });
  let previous: { chainSeq: bigint; hash: string } = { chainSeq: 0n, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const batch = await sql<(ChainedAuditRow & { present: boolean })[]>`
      select chain.audit_id::text as id, chain.seq::text as "chainSeq", log.id is not null as present,
             to_char(log.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
             log.sub, log.roles, log.organisation, log.action, log.person_id as "personId",
             log.resource_id as "resourceId", log.categories, log.justification, log.outcome, log.recipient,
             log.correlation_id as "correlationId", chain.prev_hash as "prevHash", chain.hash, log.listed
      from audit_chain chain left join audit_log log on log.id = chain.audit_id
      where chain.seq > ${previous.chainSeq.toString()}::bigint
      order by chain.seq limit ${batchSize}`;
    for (const row of batch) {
      const link = { chainSeq: row.chainSeq, id: row.id };
      const failure = brokenLink(row, previous, witnessedHash.get(row.chainSeq));
      if (failure) return broken(rows, pending, previous, { reason: failure, ...link });
      previous = { chainSeq: BigInt(row.chainSeq), hash: row.hash };
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await chainHead(sql);
  const last = rows === 0 ? null : previous;
  if (head && (head.chainSeq !== previous.chainSeq.toString() || head.hash !== previous.hash))
    return broken(rows, pending, last, { reason: 'head-mismatch', chainSeq: head.chainSeq, id: null });
  const beyond = witnessed.find((seen) => BigInt(seen.chainSeq) > previous.chainSeq);
  if (beyond) return broken(rows, pending, last, { reason: 'witness-mismatch', chainSeq: beyond.chainSeq, id: null });
  return { intact: true, rows, pending, head: last && { chainSeq: last.chainSeq.toString(), hash: last.hash } };
}

function brokenLink(
  row: ChainedAuditRow & { present: boolean },
  previous: { chainSeq: bigint; hash: string },
  witnessedHash: string | undefined,
): BrokenLinkReason | undefined {
  if (BigInt(row.chainSeq) !== previous.chainSeq + 1n || !row.present) return 'row-missing';
  if (row.prevHash !== previous.hash) return 'link-mismatch';
  if (auditRowHash(row) !== row.hash) return 'row-altered';
  if (witnessedHash !== undefined && witnessedHash !== row.hash) return 'witness-mismatch';
  return undefined;
}

/**
 * Chains every audit row that had committed when it was called (the chainer's work, and what a test calls to see the
 * chain now rather than a moment later). Returns how many it chained.
 */
export async function linkAuditChain(sql: Sql): Promise<number> {
  let linked = 0;
  for (;;) {
    const [run] = await sql<{ linked: number }[]>`select audit_chain_link(${AUDIT_CHAIN_BATCH}) as linked`;
    linked += run?.linked ?? 0;
    if ((run?.linked ?? 0) < AUDIT_CHAIN_BATCH) return linked;
  }
}

/**
 * Chains what the service audited every `intervalMs` (rows wait unchained about that long after they commit), once at
 * start (what was queued while it was down) and once as it stops.
 */
export function auditChainer(sql: Sql, intervalMs: number, logger: Logger): Worker {
  const every = everyInterval('audit-chainer', intervalMs, () => linkAuditChain(sql), logger, { runAtStart: true });
  return {
    ...every,
    stop: async () => {
      await every.stop();
      await linkAuditChain(sql).catch((error) => logger.warn({ err: error }, 'audit rows left queued at stop'));
    },
  };
}

/** The head the chain's trigger keeps (chain number 0 and the genesis hash before any row); none before migration. */
export async function chainHead(sql: Sql): Promise<ChainHead | undefined> {
  const [head] = await sql<ChainHead[]>`select seq::text as "chainSeq", hash from audit_chain_head`;
  return head;
}

function broken(
  rows: number,
  pending: number,
  last: { chainSeq: bigint; hash: string } | null,
  brokenAt: BrokenLink,
): ChainVerdict {
  const head = last && last.chainSeq > 0n ? { chainSeq: last.chainSeq.toString(), hash: last.hash } : null;
  return { intact: false, rows, pending, head, brokenAt };
}
