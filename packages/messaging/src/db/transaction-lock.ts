import { sql } from 'drizzle-orm';
import type { Transaction } from './types.js';

/** Waits for, then holds until the transaction ends, the advisory lock named `key` (any text: hashed to a lock id). */
export async function holdTransactionLock(tx: Transaction, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
