import postgres from 'postgres';

/**
 * Row counts of every table (except the audit log and its chain, which record denied requests on purpose): compared before and
 * after a bad-input run to show nothing changed.
 */
export async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ tablename: string }[]>`
      select tablename from pg_tables where schemaname = 'public'
        and tablename not in ('audit_log', 'audit_chain', 'audit_unchained', 'audit_chain_head') order by tablename`;
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [row] = await sql.unsafe(`select count(*)::int as n from "${tablename}"`);
      counts[tablename] = Number(row?.n ?? 0);
    }
    return counts;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
