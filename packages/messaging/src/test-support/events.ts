import { createEvent, type EventEnvelope } from '@resettle/contracts';
import pino from 'pino';

export const quietLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A test event owned by one person; `note` lets tests put a sequence number or a marker in it. */
export function cancelledEvent(personId: string, note: string): EventEnvelope {
  return createEvent({
    type: 'release.cancelled',
    personId,
    source: 'release-scheduling',
    correlationId: `test-${note}`,
    occurredAt: new Date().toISOString(),
    data: { releaseId: '3b241101-e2bb-4255-8caf-4136c566a962', prisonCode: 'DWI', reason: note },
  });
}

export function noteOf(event: EventEnvelope): string {
  return (event.data as { reason: string }).reason;
}
