import type { EventOf, SubjectAccessAnswerKey } from '@resettle/contracts';
import { type EventHandlers, SUBJECT_ACCESS_SERVICES, type UnitOfWork } from '@resettle/platform';
import { answersTo, markComplete, saveAnswer } from '../db/subject-access.js';
import { subjectAccessProgress } from '../domain/index.js';

/** Keeps one service's part of an export; when the last part arrives the export is ready to download. */
async function keepAnswer(event: EventOf<SubjectAccessAnswerKey>, work: UnitOfWork): Promise<void> {
  const { requestId, records } = event.data;
  await saveAnswer(work.tx, { requestId, service: event.source, answeredAt: work.now(), records });
  const progress = subjectAccessProgress(SUBJECT_ACCESS_SERVICES, await answersTo(work.tx, requestId));
  if (progress.complete) await markComplete(work.tx, requestId, work.now());
}

/** The parts of subject access exports, which every service (the passport too) sends on the passport-only topic. */
export function subjectAccessAnswerHandlers(): EventHandlers {
  return {
    'privacy.subject-access.answered-by-release-scheduling@v1': keepAnswer,
    'privacy.subject-access.answered-by-treatment-continuity@v1': keepAnswer,
    'privacy.subject-access.answered-by-accommodation@v1': keepAnswer,
    'privacy.subject-access.answered-by-transport@v1': keepAnswer,
    'privacy.subject-access.answered-by-passport@v1': keepAnswer,
  };
}
