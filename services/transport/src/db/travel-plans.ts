import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { TravelPlan } from '../domain/index.js';
import { travelPlans } from './schema.js';

export type TravelPlanRow = typeof travelPlans.$inferSelect;
export type NewTravelPlanRow = typeof travelPlans.$inferInsert;

export async function insertTravelPlan(db: DatabaseOrTransaction, row: NewTravelPlanRow): Promise<TravelPlanRow> {
  const [inserted] = await db.insert(travelPlans).values(row).returning();
  return inserted!;
}

export async function findTravelPlan(db: DatabaseOrTransaction, id: string): Promise<TravelPlanRow | undefined> {
  const [row] = await db.select().from(travelPlans).where(eq(travelPlans.id, id));
  return row;
}

export async function updateTravelPlan(
  db: DatabaseOrTransaction,
  current: TravelPlanRow,
  changes: Partial<NewTravelPlanRow>,
  at: Date,
): Promise<TravelPlanRow> {
  const [row] = await db
    .update(travelPlans)
    .set({ ...changes, revision: current.revision + 1, updatedAt: at })
    .where(eq(travelPlans.id, current.id))
    .returning();
  return row!;
}

export function travelPlansForRelease(db: DatabaseOrTransaction, releaseId: string) {
  return db
    .select()
    .from(travelPlans)
    .where(eq(travelPlans.releaseId, releaseId))
    .orderBy(asc(travelPlans.createdAt), asc(travelPlans.id));
}

export function activeTravelPlansForRelease(db: DatabaseOrTransaction, releaseId: string) {
  return db
    .select()
    .from(travelPlans)
    .where(and(eq(travelPlans.releaseId, releaseId), ne(travelPlans.status, 'cancelled')));
}

/** The stored plan in the shape the pure rules check. */
export function asTravelPlan(row: TravelPlanRow): TravelPlan {
  return {
    mode: row.mode,
    metBy: row.metBy,
    departureAt: row.departureAt.toISOString(),
    expectedArrivalAt: row.expectedArrivalAt.toISOString(),
    destination: row.destination,
    arrangedBy: row.arrangedBy,
    escorted: row.escorted,
  };
}

/** The plan's journey as stored: instants as timestamps. */
export function journeyOf(plan: TravelPlan) {
  return { ...plan, departureAt: new Date(plan.departureAt), expectedArrivalAt: new Date(plan.expectedArrivalAt) };
}
