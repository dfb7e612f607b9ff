import type { Database, DatabaseOrTransaction, Transaction } from '@resettle/messaging';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DataCategory } from '../audit/audit.js';

/** One of her rows as a subject access export shows it: column names to values. */
export type HeldRecord = Record<string, unknown>;

/** A store of a service's own that the purge empties after its retention (beyond the outbox and inbox). */
export interface Purge {
  /** What is deleted, as the audit row names it: never a value. */
  what: string;
  retentionDays: number;
  /** Deletes at most `limit` rows older than `before`; returns how many. */
  deleteBatch(tx: Transaction, before: Date, limit: number): Promise<number>;
}

/** The table a service keeps her releases in, and its columns the anonymisation rule reads. */
export interface ReleasesHeld {
  table: PgTable;
  personId: PgColumn;
  releaseId: PgColumn;
  releaseDate: PgColumn;
  status: PgColumn;
}

/** A release copy (a table with these columns by these names), declared as where a service keeps her releases. */
export function releaseCopyHeld<
  T extends PgTable & { personId: PgColumn; releaseId: PgColumn; releaseDate: PgColumn; status: PgColumn },
>(table: T): ReleasesHeld {
  return {
    table,
    personId: table.personId,
    releaseId: table.releaseId,
    releaseDate: table.releaseDate,
    status: table.status,
  };
}

/**
 * What a service holds about a woman, declared once in its `app.ts`: the kernel answers subject access requests from
 * it, anonymises her content when the rule says so, and purges its stores.
 */
export interface PersonalData {
  /** The categories of data it holds about her, for the audit rows of an export or an anonymisation. */
  categories: DataCategory[];
  /** Where it keeps her releases: her latest one decides when her content is anonymised. */
  releases: ReleasesHeld;
  /** Her rows in each of its tables, by table name (hers only: every query is by her person id). */
  recordsOf(db: DatabaseOrTransaction, personId: string): Promise<Record<string, HeldRecord[]>>;
  /**
   * Replaces her personal content (clinical detail, addresses, names, free text) with nulls or markers, keeping ids,
   * dates and statuses that figures count. Returns the tables it changed.
   */
  anonymise(tx: Transaction, personId: string): Promise<string[]>;
  /** Stores of its own for the purge (treatment-continuity's webhook payloads). */
  purges?: Purge[];
}

/** The marker that replaces a required text value. */
export const ANONYMISED = 'anonymised';

/** Rows as JSON would carry them (dates as ISO strings, no bigint), for an event. */
export function asHeldRecords(rows: object[]): HeldRecord[] {
  return JSON.parse(JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
}

export type { Database };
