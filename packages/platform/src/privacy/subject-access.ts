import { type EventSource, SUBJECT_ACCESS_ANSWERS } from '@resettle/contracts';
import type { EventHandlers } from '../kernel/consumption.js';
import { asHeldRecords, type HeldRecord, type PersonalData } from './personal-data.js';

export const SUBJECT_ACCESS_SERVICES = Object.keys(SUBJECT_ACCESS_ANSWERS) as EventSource[];

function isSubjectAccessService(service: string): service is EventSource {
  return service in SUBJECT_ACCESS_ANSWERS;
}

/**
 * The kernel's answer to a subject access request: her rows from the service's own tables, as its part of the export,
 * on the topic only the passport reads; the disclosure is audited with the passport as recipient.
 */
export function subjectAccessHandlers(service: string, data: PersonalData): EventHandlers {
  if (!isSubjectAccessService(service)) throw new Error(`${service} has no subject access answer in the contracts`);
  const type = SUBJECT_ACCESS_ANSWERS[service];
  return {
    'privacy.subject-access.requested@v1': async (event, work) => {
      const found = await data.recordsOf(work.tx, event.personId);
      const records: Record<string, HeldRecord[]> = {};
      for (const [table, rows] of Object.entries(found)) records[table] = asHeldRecords(rows);
      work.publish({ type, personId: event.personId, data: { requestId: event.data.requestId, records } });
      await work.audit({
        action: 'answer-subject-access',
        personId: event.personId,
        resourceId: event.data.requestId,
        categories: data.categories,
        outcome: 'allowed',
        recipient: 'passport',
      });
    },
  };
}
