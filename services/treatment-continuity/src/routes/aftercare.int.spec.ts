import { eventually } from '@resettle/testing';
import { asKnown, upstreamEvent } from '@resettle/testing/upstream-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  femaleKeyWorker,
  type Harness,
  NOW,
  providerA,
  providerB,
  startHarness,
} from '../test-support/harness.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

describe('providers record what happened after her release', () => {
  let harness: Harness;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

  beforeAll(async () => {
    harness = await startHarness();
    receiver = await webhookReceiver(0);
    const registered = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: receiver.url,
    });
    expect(registered.status).toBe(200);
  });
  afterAll(async () => {
    harness.setNow(NOW);
    await harness.close();
    await receiver.close();
  });

  /** A handoff booked and accepted before her release (18 November), then the clock moves to `after`. */
  async function acceptedFor(personId: string, after = '2026-11-20T10:00:00Z') {
    harness.setNow(NOW);
    const { id, reply } = await harness.bookFor(personId);
    expect(reply.status).toBe(201);
    const accepted = await harness.service.call(
      providerA,
      'POST',
      `/api/provider/handoffs/${id}/accept`,
      femaleKeyWorker,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    harness.setNow(new Date(after));
    return {
      id,
      releaseId: reply.body.releaseId as string,
      appointmentAt: accepted.body.firstAppointment.at as string,
    };
  }
  const post = (caller: typeof providerA, id: string, verb: string, body: object) =>
    harness.service.call(caller, 'POST', `/api/provider/handoffs/${id}/${verb}`, body);

  it('records a missed first appointment, publishes it and sends it to the provider webhook', async () => {
    const { id, releaseId, appointmentAt } = await acceptedFor('A2001AA');
    const missed = await post(providerA, id, 'outcome', { outcome: 'not-attended' });
    expect(missed.status, JSON.stringify(missed.body)).toBe(200);
    const expected = {
      handoffId: id,
      releaseId,
      outcome: 'not-attended',
      appointmentAt,
      newAppointmentAt: null,
      recordedAt: '2026-11-20T10:00:00.000Z',
    };
    expect(missed.body).toEqual(expected);
    await eventually(() => {
      const event = harness.eventsFor('A2001AA').find((seen) => seen.type === 'treatment.first-appointment.recorded');
      expect(event?.data).toEqual(expected);
    });
    const seenByProvider = await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(seenByProvider.body.alarm).toEqual({
      kind: 'missed-first-appointment',
      appointmentAt,
      recordedAt: '2026-11-20T10:00:00.000Z',
    });
    await eventually(() => {
      const hooks = receiver.received.map((hook) => JSON.parse(hook.body) as { type: string; personId: string });
      expect(hooks.filter((hook) => hook.personId === 'A2001AA').map((hook) => hook.type)).toContain(
        'treatment.first-appointment.recorded',
      );
    });
  });

  it('moves the appointment, then records it attended and the start of treatment', async () => {
    const { id } = await acceptedFor('A2002AA');
    const moved = await post(providerA, id, 'outcome', { outcome: 'moved', newAppointmentAt: '2026-11-23T10:00:00Z' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ outcome: 'moved', newAppointmentAt: '2026-11-23T10:00:00Z' });
    // The move takes a new handoff revision told to logistics, so transport checks her journey to it again.
    await eventually(() => {
      const told = harness
        .eventsFor('A2002AA')
        .filter((event) => event.type === 'treatment.handoff.logistics')
        .map((event) => asKnown('treatment.handoff.logistics@v2', event).data);
      expect(told.at(-1)).toMatchObject({ handoffId: id, firstAppointmentAt: '2026-11-23T10:00:00Z' });
      expect(told.at(-1)!.handoffRevision).toBe(Math.max(...told.slice(0, -1).map((data) => data.handoffRevision)) + 1);
    });
    harness.setNow(new Date('2026-11-24T10:00:00Z'));
    const attended = await post(providerA, id, 'outcome', { outcome: 'attended' });
    expect(attended.body).toMatchObject({ outcome: 'attended', appointmentAt: '2026-11-23T10:00:00Z' });
    expect((await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`)).body.alarm).toBeNull();
    const started = await post(providerA, id, 'treatment-started', { startedOn: '2026-11-23' });
    expect(started.status).toBe(200);
    const gone = await post(providerA, id, 'disengaged', { reason: 'Moved out of the area' });
    expect(gone.status).toBe(200);
    await eventually(() =>
      expect(harness.typesFor('A2002AA').filter((type) => !type.startsWith('treatment.handoff'))).toEqual([
        'treatment.first-appointment.recorded',
        'treatment.first-appointment.recorded',
        'treatment.started',
        'treatment.disengaged',
      ]),
    );
  });

  it('clears the alarm when a new appointment is attended, and counts her release day as the day she passed the gate', async () => {
    const { id, releaseId } = await acceptedFor('A2005AA', '2026-11-16T12:00:00Z');
    await harness.publishRelease(
      upstreamEvent('release.occurred', 'A2005AA', {
        releaseId,
        prisonCode: 'EHI',
        releaseDate: '2026-11-18',
        gatePassedAt: '2026-11-16T09:30:00Z',
      }),
    );
    await eventually(async () => {
      const started = await post(providerA, id, 'treatment-started', { startedOn: '2026-11-16' });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
    });
    const missed = await post(providerA, id, 'outcome', { outcome: 'not-attended', at: '2026-11-16T11:00:00Z' });
    expect(missed.status, JSON.stringify(missed.body)).toBe(200);
    const alarmed = await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(alarmed.body.alarm).toMatchObject({
      kind: 'missed-first-appointment',
      appointmentAt: '2026-11-16T11:00:00Z',
    });
    const inbox = await harness.service.call(providerA, 'GET', '/api/provider/handoffs?pageSize=200');
    expect(inbox.body.items.find((item: { id: string }) => item.id === id).alarm).toMatchObject({
      kind: 'missed-first-appointment',
    });
    const attended = await post(providerA, id, 'outcome', { outcome: 'attended', at: '2026-11-16T11:30:00Z' });
    expect(attended.status, JSON.stringify(attended.body)).toBe(200);
    expect((await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`)).body.alarm).toBeNull();
  });

  it('refuses bad input, naming the field, and hides another provider’s handoff', async () => {
    const { id } = await acceptedFor('A2003AA');
    const early = await post(providerA, id, 'treatment-started', { startedOn: '2026-11-17' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'STARTED_BEFORE_RELEASE', field: 'body.startedOn' });
    const noTime = await post(providerA, id, 'outcome', { outcome: 'moved' });
    expect(noTime.body).toMatchObject({ rule: 'NEW_APPOINTMENT_REQUIRED', field: 'body.newAppointmentAt' });
    expect((await post(providerA, id, 'outcome', { outcome: 'maybe' })).status).toBe(400);
    expect((await post(providerA, id, 'disengaged', { reason: '' })).status).toBe(400);
    expect((await post(providerB, id, 'outcome', { outcome: 'attended' })).status).toBe(404);

    harness.setNow(NOW);
    const { id: sentOnly, reply } = await harness.bookFor('A2004AA');
    expect(reply.status).toBe(201);
    harness.setNow(new Date('2026-11-20T10:00:00Z'));
    const notAccepted = await post(providerA, sentOnly, 'outcome', { outcome: 'attended' });
    expect(notAccepted.status).toBe(422);
    expect(notAccepted.body).toMatchObject({ rule: 'HANDOFF_NOT_ACCEPTED', field: 'body.outcome' });
  });
});
