import { type Column, getTableColumns, getTableName, type SQL, type SQLChunk, sql, type Table } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from './types.js';

type ColumnKey<T extends Table> = keyof T['_']['columns'] & string;

/** Up to this many rows, a drizzle VALUES list was measured faster (a booking's two events); beyond, one JSON parameter. */
const FEW_ROWS = 10;

/** Inserts rows: a few as a VALUES list, many (a consumer's run, a batch of audit rows) with insertJsonRows. */
export async function insertRows<T extends PgTable>(
  db: DatabaseOrTransaction,
  table: T,
  keys: readonly ColumnKey<T>[],
  rows: PgInsertValue<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length <= FEW_ROWS) await db.insert(table).values(rows);
  else await db.execute(insertJsonRows(table, keys, rows));
}

/**
 * `insert into <table> (<columns>) select … from json_to_recordset($1)`: any number of rows in one parameter. drizzle
 * builds a many-row VALUES list a value at a time (a parameter and several type checks each), which cost a consumer
 * more CPU than PostgreSQL spent on the statement; JSON.stringify and PostgreSQL's JSON parser are native.
 *
 * Each row is read by its columns' property names (`releaseId`); a column left out of `keys` takes its default.
 * Values travel as JSON: a Date as its ISO instant, a json/jsonb column's object as it is. Append `on conflict …` or
 * `returning …` with sql`${insertJsonRows(…)} on conflict …`.
 */
export function insertJsonRows<T extends Table>(table: T, keys: readonly ColumnKey<T>[], rows: readonly object[]): SQL {
  const columns: Record<string, Column> = getTableColumns(table);
  const columnOf = (key: string) => columns[key]!;
  const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);
  const names = list(keys.map((key) => sql.identifier(columnOf(key).name)));
  const fields = list(keys.map((key) => sql`r.${sql.identifier(key)}`));
  const shape = list(keys.map((key) => sql`${sql.identifier(key)} ${sql.raw(recordsetType(columnOf(key)))}`));
  return sql`insert into ${sql.identifier(getTableName(table))} (${names})
    select ${fields} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${shape})`;
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
