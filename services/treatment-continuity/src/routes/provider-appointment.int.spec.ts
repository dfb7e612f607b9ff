import { eventually } from '@resettle/testing';
import { asKnown } from '@resettle/testing/upstream-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseRescheduled } from '../test-support/fixtures.js';
import { femaleKeyWorker, type Harness, nurse, providerA, providerB, startHarness } from '../test-support/harness.js';

const settle = () => new Promise((done) => setTimeout(done, 500));
const booked = { at: '2026-11-18T13:00:00Z', place: 'Community drug service' };
const later = { at: '2026-11-18T15:30:00Z', place: 'Community drug service, Room 2' };

describe('the provider confirms or moves the first appointment of a handoff it accepted', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const put = (caller: typeof providerA, id: string, body: object) =>
    harness.service.call(caller, 'PUT', `/api/provider/handoffs/${id}/appointment`, body);
  const logistics = (personId: string) =>
    harness
      .eventsFor(personId)
      .filter((event) => event.type === 'treatment.handoff.logistics')
      .map((event) => asKnown('treatment.handoff.logistics@v2', event).data);

  async function acceptedFor(personId: string) {
    const { id, reply } = await harness.bookFor(personId);
    expect(reply.status).toBe(201);
    const accepted = await harness.service.call(
      providerA,
      'POST',
      `/api/provider/handoffs/${id}/accept`,
      femaleKeyWorker,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await eventually(() => expect(harness.typesFor(personId)).toContain('treatment.handoff.accepted'));
    return { id, releaseId: reply.body.releaseId as string };
  }

  it('confirms the booked appointment, then moves it: the change is told with a new handoff revision and judged', async () => {
    const { id, releaseId } = await acceptedFor('C1001AA');

    const confirmed = await put(providerA, id, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'accepted', firstAppointment: booked });

    const moved = await put(providerA, id, { firstAppointment: later });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'accepted',
      firstAppointment: later,
      keyWorker: femaleKeyWorker.keyWorker,
    });

    await eventually(() => expect(logistics('C1001AA').at(-1)?.firstAppointmentAt).toBe(later.at));
    const told = logistics('C1001AA');
    const newest = Math.max(...told.slice(0, -2).map((data) => data.handoffRevision));
    expect(told.slice(-2)).toEqual([
      {
        handoffId: id,
        releaseId,
        providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
        firstAppointmentAt: booked.at,
        handoffRevision: newest + 1,
      },
      {
        handoffId: id,
        releaseId,
        providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
        firstAppointmentAt: later.at,
        handoffRevision: newest + 2,
      },
    ]);
    // Confirming changes nothing to tell; moving is told exactly as healthcare's change is.
    const changes = harness
      .eventsFor('C1001AA')
      .filter((event) => event.type === 'treatment.handoff.appointment-changed');
    expect(changes.map((event) => asKnown('treatment.handoff.appointment-changed@v1', event).data)).toEqual([
      {
        handoffId: id,
        releaseId,
        providerId: 'provider-a',
        providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
        firstAppointment: later,
        previous: booked,
      },
    ]);
    await eventually(() => {
      const lastJudged = asKnown('treatment.pathway-judged@v1', harness.judgementsFor('C1001AA').at(-1));
      expect(lastJudged.data).toMatchObject({
        releaseId,
        pathway: 'treatment',
        judgedAgainst: { handoffRevision: newest + 2 },
      });
    });
    expect((await harness.service.call(nurse, 'GET', `/api/handoffs/${id}`)).body.firstAppointment).toEqual(later);
  });

  it('refuses a move that breaks a rule, naming the field, and bad input, changing nothing; hides it from another provider', async () => {
    const { id } = await acceptedFor('C1002AA');
    // Booked and accepted, each with its logistics (on another topic, so it may come later than its status event).
    const told = ['treatment.handoff.accepted', 'treatment.handoff.booked', 'treatment.handoff.logistics'];
    await eventually(() => expect(harness.typesFor('C1002AA').sort()).toEqual([told[0], told[1], told[2], told[2]]));
    const seenBefore = harness.eventsFor('C1002AA').length;

    const tooLate = await put(providerA, id, { firstAppointment: { at: '2026-11-21T13:00:00Z', place: 'Clinic' } });
    expect(tooLate.status, JSON.stringify(tooLate.body)).toBe(422);
    expect(tooLate.body).toMatchObject({ field: expect.stringMatching(/^body\.firstAppointment/) });
    expect(tooLate.body.rule).toEqual(expect.any(String));
    const malformed = await put(providerA, id, { firstAppointment: { at: 'tomorrow', place: '' } });
    expect(malformed.status).toBe(400);
    const stranger = await put(providerB, id, { firstAppointment: later });
    expect(stranger.status).toBe(404);
    const unknown = await put(providerB, '00000000-0000-4000-8000-000000000000', { firstAppointment: later });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toEqual(stranger.body.detail);

    await settle();
    expect(harness.eventsFor('C1002AA')).toHaveLength(seenBefore);
    const now = await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(now.body).toMatchObject({ status: 'accepted', firstAppointment: booked });
  });

  it('re-confirms a handoff whose release moved, with the appointment moved to the new day', async () => {
    const { scheduled, id } = await harness.bookFor('C1003AA');
    await harness.service.call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, femaleKeyWorker);
    await harness.publishRelease(releaseRescheduled(scheduled, '2026-11-17'));
    await eventually(async () => {
      expect((await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`)).body.status).toBe(
        'needs-reconfirmation',
      );
    });
    const stale = await put(providerA, id, {});
    expect(stale.status).toBe(422);
    expect(stale.body.rule).toBe('FIRST_DOSE_GAP');
    const newDay = { at: '2026-11-17T13:00:00Z', place: 'Community drug service' };
    const reconfirmed = await put(providerA, id, { firstAppointment: newDay });
    expect(reconfirmed.status, JSON.stringify(reconfirmed.body)).toBe(200);
    expect(reconfirmed.body).toMatchObject({ status: 'accepted', firstAppointment: newDay, statusReason: null });
    await eventually(() =>
      expect(harness.typesFor('C1003AA').slice(-3)).toEqual([
        'treatment.handoff.accepted',
        'treatment.handoff.appointment-changed',
        'treatment.handoff.logistics',
      ]),
    );
  });

  it('refuses a handoff not yet accepted: the provider answers it first', async () => {
    const { id } = await harness.bookFor('C1004AA');
    const sent = await put(providerA, id, { firstAppointment: later });
    expect(sent.status).toBe(422);
    expect(sent.body).toMatchObject({ rule: 'HANDOFF_NOT_ACCEPTED', field: 'body.status' });
  });
});
