import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from 'postgres';
import type { TimelineEntry } from './passports.js';

/**
 * Appends timeline entries with COPY: for the rebuild's hundreds of thousands of rows, several times quicker than
 * multi-row inserts (no statement to build or parse per batch).
 */
export async function copyTimeline(sql: Sql, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const lines = entries.map((entry) =>
    [entry.releaseId, entry.at.toISOString(), entry.eventId, entry.eventType, entry.source, entry.correlationId]
      .concat(entry.summary)
      .map(copyField)
      .join('\t'),
  );
  // A connection of its own: postgres.js would otherwise queue the next query on a connection that is mid-COPY, and
  // PostgreSQL ends a connection that sends a statement during COPY ("protocol synchronization was lost").
  const connection = await sql.reserve();
  try {
    const target = await connection`
      copy passport_timeline (release_id, at, event_id, event_type, source, correlation_id, summary) from stdin
    `.writable();
    await pipeline(Readable.from([`${lines.join('\n')}\n`]), target);
  } finally {
    connection.release();
  }
}

/** COPY's text format: backslash, tab and line breaks escaped. */
function copyField(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (character) => COPY_ESCAPES[character] ?? character);
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
