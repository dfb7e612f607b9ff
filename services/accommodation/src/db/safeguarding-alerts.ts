import type { DatabaseOrTransaction } from '@resettle/messaging';
import { count, desc, eq } from 'drizzle-orm';
import { safeguardingAlerts } from './schema.js';

export type SafeguardingAlertRow = typeof safeguardingAlerts.$inferSelect;

export async function insertSafeguardingAlert(db: DatabaseOrTransaction, alert: SafeguardingAlertRow) {
  const [row] = await db.insert(safeguardingAlerts).values(alert).returning();
  return row!;
}

/** A region's alerts, newest first, one page at a time. */
export async function alertsInRegion(db: DatabaseOrTransaction, region: string, page: number, pageSize: number) {
  const inRegion = eq(safeguardingAlerts.probationRegion, region);
  const items = await db
    .select()
    .from(safeguardingAlerts)
    .where(inRegion)
    .orderBy(desc(safeguardingAlerts.raisedAt), desc(safeguardingAlerts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ total: count() }).from(safeguardingAlerts).where(inRegion);
  return { items, total: total?.total ?? 0 };
}
