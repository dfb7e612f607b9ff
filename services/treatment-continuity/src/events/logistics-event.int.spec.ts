import { TOPICS } from '@resettle/contracts';
import { eventually } from '@resettle/testing';
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
    expect(logisticsFor('B1201AA').map((event) => event.data)).toEqual([
      facts('2026-11-18T13:00:00Z'),
      facts('2026-11-18T15:00:00Z'),
      facts('2026-11-18T15:00:00Z'),
    ]);
    const causes = ['booked', 'appointment-changed', 'accepted'].map(
      (change) => statusEvent('B1201AA', `treatment.handoff.${change}`).id,
    );
    expect(logisticsFor('B1201AA').map((event) => event.causationId)).toEqual(causes);
    for (const event of logisticsFor('B1201AA')) expect(harness.topicOf.get(event.id)).toBe(TOPICS.treatmentLogistics);
    const statusTopics = causes.map((cause) => harness.topicOf.get(cause));
    expect(statusTopics).toEqual(causes.map(() => TOPICS.treatmentContinuity));
  });

  it('is not sent when a handoff is declined or must be re-confirmed: neither moves her bed or her journey', async () => {
    const { id } = await harness.bookFor('B1202AA');
    await eventually(() => expect(logisticsFor('B1202AA')).toHaveLength(1));
    const declined = await harness.service.call(providerA, 'POST', `/api/provider/handoffs/${id}/decline`, {
      reason: 'No capacity this month',
    });
    expect(declined.status).toBe(200);
    const other = await harness.bookFor('B1203AA');
    await harness.publishRelease(releaseRescheduled(other.scheduled, '2026-11-17'));
    await eventually(() => expect(harness.typesFor('B1202AA')).toContain('treatment.handoff.declined'));
    await eventually(() => expect(harness.typesFor('B1203AA')).toContain('treatment.handoff.needs-reconfirmation'));
    await settle();
    expect(logisticsFor('B1202AA')).toHaveLength(1);
    expect(logisticsFor('B1203AA')).toHaveLength(1);
  });
});
