import { TOPICS } from '@resettle/contracts';
import { eventually } from '@resettle/testing';
import { asKnown } from '@resettle/testing/upstream-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseRescheduled } from '../test-support/fixtures.js';
import { femaleKeyWorker, type Harness, nurse, providerA, startHarness } from '../test-support/harness.js';

const settle = () => new Promise((done) => setTimeout(done, 500));
const bristol = { localAuthority: 'Bristol', postcodeDistrict: 'BS1' };

describe('the logistics event accommodation and transport listen to', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const logisticsFor = (personId: string) =>
    harness.eventsFor(personId).filter((event) => event.type === 'treatment.handoff.logistics');
  const statusEvent = (personId: string, type: string) =>
    harness.eventsFor(personId).find((event) => event.type === type)!;

  it('follows booking, appointment change and acceptance, on its own topic, with no clinical field', async () => {
    const { id, scheduled } = await harness.bookFor('B1201AA');
    const later = { at: '2026-11-18T15:00:00Z', place: 'Community drug service' };
    const moved = await harness.service.call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, {
      firstAppointment: later,
    });
    expect(moved.status).toBe(200);
    const accepted = await harness.service.call(
      providerA,
      'POST',
      `/api/provider/handoffs/${id}/accept`,
      femaleKeyWorker,
    );
    expect(accepted.status).toBe(200);

    await eventually(() => expect(logisticsFor('B1201AA')).toHaveLength(3));
    const releaseId = scheduled.data.releaseId;
    const facts = (firstAppointmentAt: string) => ({
      handoffId: id,
      releaseId,
      providerArea: bristol,
      firstAppointmentAt,
    });
    expect(logisticsFor('B1201AA').map((event) => [event.version, event.data])).toEqual([
      [2, { ...facts('2026-11-18T13:00:00Z'), handoffRevision: 1 }],
      [2, { ...facts('2026-11-18T15:00:00Z'), handoffRevision: 2 }],
      [2, { ...facts('2026-11-18T15:00:00Z'), handoffRevision: 3 }],
    ]);
    // The status events travel on another topic: they may arrive after the logistics events that follow them.
    const changes = ['booked', 'appointment-changed', 'accepted'];
    await eventually(() => {
      for (const change of changes) expect(statusEvent('B1201AA', `treatment.handoff.${change}`)).toBeDefined();
    });
    const causes = changes.map((change) => statusEvent('B1201AA', `treatment.handoff.${change}`).id);
    expect(logisticsFor('B1201AA').map((event) => event.causationId)).toEqual(causes);
    for (const event of logisticsFor('B1201AA')) expect(harness.topicOf.get(event.id)).toBe(TOPICS.treatmentLogistics);
    const statusTopics = causes.map((cause) => harness.topicOf.get(cause));
    expect(statusTopics).toEqual(causes.map(() => TOPICS.treatmentContinuity));
  });

  it('follows every change of the handoff with a new revision: a decline clears the appointment', async () => {
    const { id } = await harness.bookFor('B1202AA');
    await eventually(() => expect(logisticsFor('B1202AA')).toHaveLength(1));
    const declined = await harness.service.call(providerA, 'POST', `/api/provider/handoffs/${id}/decline`, {
      reason: 'No capacity this month',
    });
    expect(declined.status).toBe(200);
    const other = await harness.bookFor('B1203AA');
    await harness.publishRelease(releaseRescheduled(other.scheduled, '2026-11-17'));
    await eventually(() => expect(logisticsFor('B1202AA')).toHaveLength(2));
    await eventually(() => expect(logisticsFor('B1203AA')).toHaveLength(2));
    await settle();
    const logistics = (personId: string) =>
      logisticsFor(personId).map((event) => asKnown('treatment.handoff.logistics@v2', event).data);
    expect(logistics('B1202AA').map((data) => [data.handoffRevision, data.firstAppointmentAt])).toEqual([
      [1, '2026-11-18T13:00:00Z'],
      [2, null],
    ]);
    expect(logistics('B1203AA').map((data) => data.handoffRevision)).toEqual([1, 2]);
  });
});
