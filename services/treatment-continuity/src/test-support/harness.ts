import { randomBytes, randomUUID } from 'node:crypto';
import { type EventEnvelope, type EventOf, TOPICS } from '@resettle/contracts';
import { createEventBus } from '@resettle/messaging';
import type { Caller } from '@resettle/platform';
import { startTestService } from '@resettle/platform/testing';
import { eventually, testInfra } from '@resettle/testing';
import { asKnown } from '@resettle/testing/upstream-events';
import pino from 'pino';
import { expect } from 'vitest';
import { treatmentContinuity } from '../app.js';
import { booking, type ReleaseScheduledEvent, releaseScheduled } from './fixtures.js';

export const NOW = new Date('2026-11-02T10:00:00Z');
export const nurse: Caller = { sub: 'nurse-1', roles: ['prison-healthcare'], prison: 'EHI' };
export const admin: Caller = { sub: 'admin-1', roles: ['admin'] };
export const providerA: Caller = { sub: 'worker-a', roles: ['provider'], organisation: 'provider-a' };
export const providerB: Caller = { sub: 'worker-b', roles: ['provider'], organisation: 'provider-b' };
export const femaleKeyWorker = { keyWorker: { name: 'Key Worker', gender: 'female' }, appointmentConfirmed: true };

/**
 * The real service on the real broker and database, a watcher on its topics, and a way to play
 * release-scheduling by publishing its events.
 */
export async function startHarness(env: Record<string, string> = {}) {
  let now = NOW;
  /** Moves the service's clock on (after her release, say); the default is NOW. */
  const setNow = (instant: Date) => {
    now = instant;
  };
  const service = await startTestService(treatmentContinuity, {
    clock: () => now,
    env: {
      WEBHOOK_RETRY_BASE_MS: '20',
      WEBHOOK_POLL_MS: '50',
      // The fake receivers listen on 127.0.0.1 over plain http, which only the development setting allows.
      WEBHOOK_ALLOW_HTTP_LOOPBACK: 'true',
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
  });
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'tc-test',
    logger: pino({ level: 'silent' }),
    namespace: service.namespace,
  });
  const seen: EventEnvelope[] = [];
  const topicOf = new Map<string, string>();
  const topics = [TOPICS.treatmentContinuity, TOPICS.treatmentLogistics];
  const watch = await bus.subscribe({
    groupId: `watch-${randomUUID()}`,
    topics,
    handle: async (message) => {
      const event = JSON.parse(message.value!.toString()) as EventEnvelope;
      topicOf.set(event.id, message.topic);
      seen.push(event);
    },
  });

  const publishRelease = (event: EventEnvelope) =>
    bus.send(TOPICS.releaseScheduling, [{ key: event.personId, value: JSON.stringify(event) }]);
  // Judgements follow every change; tests about the status events leave them out and read them with judgementsFor.
  const eventsFor = (personId: string) =>
    seen.filter((event) => event.personId === personId && event.type !== 'treatment.pathway-judged');
  const judgementsFor = (personId: string, pathway = 'treatment') =>
    seen.filter(
      (event) =>
        event.personId === personId &&
        event.type === 'treatment.pathway-judged' &&
        asKnown('treatment.pathway-judged@v1', event).data.pathway === pathway,
    );
  const typesFor = (personId: string) => eventsFor(personId).map((event) => event.type);

  /** Schedules a release (as release-scheduling would) and books a handoff once this service has heard of it. */
  async function bookFor(
    personId: string,
    providerId = 'provider-a',
    changes: Record<string, unknown> & { scheduled?: ReleaseScheduledEvent | EventOf<'release.scheduled@v2'> } = {},
  ) {
    const { scheduled = releaseScheduled(personId), ...bookingChanges } = changes;
    await publishRelease(scheduled);
    const { releaseId } = scheduled.data;
    const reply = await eventually(async () => {
      const body = booking(personId, releaseId, providerId, bookingChanges);
      const attempt = await service.call(nurse, 'POST', '/api/handoffs', body);
      expect(attempt.body?.rule, JSON.stringify(attempt.body)).not.toBe('RELEASE_NOT_YET_KNOWN');
      return attempt;
    });
    return { scheduled, reply, id: reply.body.id as string };
  }

  async function close() {
    await watch.stop();
    await bus.close();
    await service.close();
  }

  return { service, setNow, seen, topicOf, publishRelease, eventsFor, judgementsFor, typesFor, bookFor, close };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
