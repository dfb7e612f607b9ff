import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope, topicName } from '@resettle/contracts';
import { createEventBus, type IncomingMessage } from '@resettle/messaging';
import { testInfra } from '@resettle/testing';
import pino from 'pino';

/** Another service's events, built as that service would build them, for publishing straight onto its topic. */
export function releaseScheduled(personId: string, releaseId: string, releaseDate: string) {
  return createEvent({
    type: 'release.scheduled',
    personId,
    source: 'release-scheduling',
    correlationId: randomUUID(),
    data: releaseFacts(releaseId, releaseDate),
  });
}

export function releaseRescheduled(personId: string, releaseId: string, releaseDate: string, previousDate: string) {
  return createEvent({
    type: 'release.rescheduled',
    personId,
    source: 'release-scheduling',
    correlationId: randomUUID(),
    data: {
      ...releaseFacts(releaseId, releaseDate),
      previous: { releaseDate: previousDate, gateTime: '09:30', gateAt: `${previousDate}T09:30:00.000Z` },
      reason: 'sentence recalculated',
    },
  });
}

export function handoffBooked(personId: string, releaseId: string, localAuthority: string) {
  return createEvent({
    type: 'treatment.handoff.booked',
    personId,
    source: 'treatment-continuity',
    correlationId: randomUUID(),
    data: {
      handoffId: randomUUID(),
      releaseId,
      providerId: 'provider-1',
      providerArea: { localAuthority, postcodeDistrict: 'BS1' },
      consentToShare: true,
      dailyOst: false,
      injectable: false,
      naloxoneSupplied: true,
      bridgingPrescription: false,
      weekendCoverPlan: null,
      firstAppointment: null,
      femaleKeyWorkerRequested: false,
      referrals: { mentalHealth: false, domesticAbuse: false },
    },
  });
}

function releaseFacts(releaseId: string, releaseDate: string) {
  return {
    releaseId,
    prisonCode: 'EHI',
    probationRegion: 'South West',
    legalReleaseDate: releaseDate,
    releaseDate,
    gateTime: '09:30',
    // November: Europe/London is on GMT, so 09:30 local is 09:30Z.
    gateAt: `${releaseDate}T09:30:00.000Z`,
    rulesApplied: [],
    dayOfReleaseMoveEligible: true,
    weekendCoverPlanRequired: false,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: false,
  };
}

/** A bus that publishes other services' events and records what the service under test publishes. */
export async function watchTopic(topic: string, topicPrefix: string) {
  const seen: IncomingMessage[] = [];
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: `watch-${randomUUID()}`,
    logger: pino({ level: 'silent' }),
  });
  const watch = await bus.subscribe({
    groupId: `watch-${randomUUID()}`,
    topics: [topicName(topic, topicPrefix)],
    handle: async (message) => void seen.push(message),
  });
  return {
    publish: (onTopic: string, event: EventEnvelope) =>
      bus.send(topicName(onTopic, topicPrefix), [{ key: event.personId, value: JSON.stringify(event) }]),
    eventsFor: (personId: string): EventEnvelope[] =>
      seen.map((message) => JSON.parse(message.value!.toString())).filter((event) => event.personId === personId),
    close: async () => {
      await watch.stop();
      await bus.close();
    },
  };
}
