import { type Column, getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from './types.js';

type ColumnKey<T extends Table> = keyof T['_']['columns'] & string;

/**
 * Inserts rows in one statement with one parameter (insertJsonRows). drizzle's own VALUES list was the cheaper for a
 * few rows while this statement was built afresh each time; built once per table and columns, it is the cheaper for
 * any number, and it runs in whichever transaction is given (a drizzle prepared query belongs to one session).
 */
export async function insertRows<T extends PgTable>(
  db: DatabaseOrTransaction,
  table: T,
  keys: readonly ColumnKey<T>[],
  rows: PgInsertValue<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(insertJsonRows(table, keys, rows));
}

/**
 * As insertRows, skipping a row that conflicts with one stored (`on conflict do nothing`), and returning the rows
 * inserted as drizzle's `returning()` would: each column under its property name, mapped from PostgreSQL's value.
 */
export async function insertNewRowsReturning<T extends PgTable>(
  db: DatabaseOrTransaction,
  table: T,
  keys: readonly ColumnKey<T>[],
  rows: PgInsertValue<T>[],
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const stored = await db.execute<Record<string, unknown>>(
    sql`${insertJsonRows(table, keys, rows)} on conflict do nothing returning *`,
  );
  const columns = Object.entries(getTableColumns(table));
  return stored.map((row) => {
    const selected: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = row[column.name];
      selected[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return selected as T['$inferSelect'];
  });
}

/**
 * `insert into <table> (<columns>) select … from json_to_recordset($1)`: any number of rows in one parameter. drizzle
 * builds a many-row VALUES list a value at a time (a parameter and several type checks each), which cost a consumer
 * more CPU than PostgreSQL spent on the statement; JSON.stringify and PostgreSQL's JSON parser are native. The text
 * around the parameter is built once for each table and list of columns.
 *
 * Each row is read by its columns' property names (`releaseId`); a column left out of `keys` takes its default, and
 * one in `keys` but missing from a row is null. Values travel as JSON: a Date as its ISO instant, a json/jsonb
 * column's object as it is. Append `on conflict …` or `returning …` with sql`${insertJsonRows(…)} on conflict …`.
 */
export function insertJsonRows<T extends Table>(table: T, keys: readonly ColumnKey<T>[], rows: readonly object[]): SQL {
  const { head, tail } = statementFor(table, keys);
  return sql`${head}${JSON.stringify(rows)}${tail}`;
}

const statements = new WeakMap<Table, Map<string, { head: SQL; tail: SQL }>>();

function statementFor(table: Table, keys: readonly string[]): { head: SQL; tail: SQL } {
  let ofTable = statements.get(table);
  if (!ofTable) {
    ofTable = new Map();
    statements.set(table, ofTable);
  }
  const key = keys.join(',');
  let statement = ofTable.get(key);
  if (!statement) {
    statement = buildStatement(table, keys);
    ofTable.set(key, statement);
  }
  return statement;
}

/** The statement's text before and after its one parameter, each a single raw chunk. */
function buildStatement(table: Table, keys: readonly string[]): { head: SQL; tail: SQL } {
  const columns: Record<string, Column> = getTableColumns(table);
  const columnOf = (key: string) => columns[key]!;
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const names = keys.map((key) => quoted(columnOf(key).name)).join(', ');
  const fields = keys.map((key) => `r.${quoted(key)}`).join(', ');
  const shape = keys.map((key) => `${quoted(key)} ${recordsetType(columnOf(key))}`).join(', ');
  return {
    head: sql.raw(`insert into ${quoted(getTableName(table))} (${names}) select ${fields} from json_to_recordset(`),
    tail: sql.raw(`::json) as r(${shape})`),
  };
}

/** `= any(…)` over many values in one parameter, for `where column = ${anyOf(ids, 'uuid')}`. */
export function anyOf(values: readonly string[], type: 'text' | 'uuid' = 'text'): SQL {
  return sql`any(array(select json_array_elements_text(${JSON.stringify(values)}::json)::${sql.raw(type)}))`;
}

/** A column's type as a recordset declares it (a serial's default is not wanted there, only its type). */
function recordsetType(column: Column): string {
  const type = column.getSQLType();
  if (type === 'bigserial') return 'bigint';
  if (type === 'serial') return 'integer';
  return type;
}
