import type { DatabaseOrTransaction } from '@resettle/messaging';
import { asc, eq } from 'drizzle-orm';
import { prisons } from './schema.js';

export type Prison = typeof prisons.$inferSelect;

export async function findPrison(db: DatabaseOrTransaction, code: string): Promise<Prison | undefined> {
  const [prison] = await db.select().from(prisons).where(eq(prisons.code, code));
  return prison;
}

export function listPrisons(db: DatabaseOrTransaction): Promise<Prison[]> {
  return db.select().from(prisons).orderBy(asc(prisons.code));
}

export async function updateReleaseWindow(
  db: DatabaseOrTransaction,
  code: string,
  window: { opens: string; closes: string },
): Promise<Prison | undefined> {
  const [prison] = await db
    .update(prisons)
    .set({ releaseWindowOpens: window.opens, releaseWindowCloses: window.closes, updatedAt: new Date() })
    .where(eq(prisons.code, code))
    .returning();
  return prison;
}
