import type { DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { subjectAccessAnswers, subjectAccessRequests } from './schema.js';

export type SubjectAccessRequestRow = typeof subjectAccessRequests.$inferSelect;
export type SubjectAccessAnswerRow = typeof subjectAccessAnswers.$inferSelect;

export async function insertSubjectAccessRequest(
  db: DatabaseOrTransaction,
  request: { id: string; personId: string; requestedBy: string; requestedAt: Date },
): Promise<SubjectAccessRequestRow> {
  const [row] = await db.insert(subjectAccessRequests).values(request).returning();
  return row!;
}

export async function findSubjectAccessRequest(db: DatabaseOrTransaction, id: string) {
  const [row] = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, id));
  return row;
}

export function answersTo(db: DatabaseOrTransaction, requestId: string): Promise<SubjectAccessAnswerRow[]> {
  return db
    .select()
    .from(subjectAccessAnswers)
    .where(eq(subjectAccessAnswers.requestId, requestId))
    .orderBy(asc(subjectAccessAnswers.answeredAt));
}

/** A redelivered answer changes nothing: the first one stands. */
export async function saveAnswer(
  db: DatabaseOrTransaction,
  answer: { requestId: string; service: string; answeredAt: Date; records: SubjectAccessAnswerRow['records'] },
): Promise<void> {
  await db.insert(subjectAccessAnswers).values(answer).onConflictDoNothing();
}

export async function markComplete(db: DatabaseOrTransaction, requestId: string, at: Date): Promise<void> {
  await db
    .update(subjectAccessRequests)
    .set({ completedAt: at })
    .where(and(eq(subjectAccessRequests.id, requestId), isNull(subjectAccessRequests.completedAt)));
}

/** Her exports' contents, for the anonymisation: the requests stay (who asked, when), the records go. */
export async function forgetExportsOf(db: DatabaseOrTransaction, personId: string): Promise<void> {
  const hers = db
    .select({ id: subjectAccessRequests.id })
    .from(subjectAccessRequests)
    .where(eq(subjectAccessRequests.personId, personId));
  await db.update(subjectAccessAnswers).set({ records: {} }).where(inArray(subjectAccessAnswers.requestId, hers));
}
