import { randomUUID } from 'node:crypto';
import { tableCounts } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking, releaseCancelled, releaseRescheduled, releaseScheduled } from '../test-support/fixtures.js';
import { femaleKeyWorker, type Harness, nurse, providerA, providerB, startHarness } from '../test-support/harness.js';

const settle = () => new Promise((done) => setTimeout(done, 500));

describe('treatment-continuity on the real broker and database', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const call = (...args: Parameters<Harness['service']['call']>) => harness.service.call(...args);
  const accept = (id: string, body: object = femaleKeyWorker) =>
    call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, body);

  it('accepts (a female key worker when asked for) and declines, each emitting its event', async () => {
    const { id } = await harness.bookFor('B1002AA');
    const male = await accept(id, { ...femaleKeyWorker, keyWorker: { name: 'Key Worker', gender: 'male' } });
    expect(male.status).toBe(422);
    expect(male.body).toMatchObject({ rule: 'FEMALE_KEY_WORKER_REQUIRED' });
    const accepted = await accept(id);
    expect(accepted.body).toMatchObject({ status: 'accepted', keyWorker: femaleKeyWorker.keyWorker });
    expect((await call(nurse, 'GET', `/api/handoffs/${id}`)).body).toMatchObject({ status: 'accepted' });
    const late = await call(providerA, 'POST', `/api/provider/handoffs/${id}/decline`, { reason: 'Changed our mind' });
    expect(late.status).toBe(422);
    expect(late.body.rule).toBe('ILLEGAL_TRANSITION');

    const other = await harness.bookFor('B1003AA');
    const declined = await call(providerA, 'POST', `/api/provider/handoffs/${other.id}/decline`, {
      reason: 'No capacity this month',
    });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'No capacity this month' });
    await eventually(() => expect(harness.typesFor('B1002AA')).toContain('treatment.handoff.accepted'));
    await eventually(() => expect(harness.typesFor('B1003AA')).toContain('treatment.handoff.declined'));
    expect(harness.typesFor('B1002AA').filter((type) => type === 'treatment.handoff.accepted')).toHaveLength(1);
  });

  it('turns an accepted handoff into needs-reconfirmation when the release moves, once even if the event repeats', async () => {
    const { scheduled, id } = await harness.bookFor('B1004AA');
    await accept(id);
    const moved = releaseRescheduled(scheduled, '2026-11-17');
    await harness.publishRelease(moved);
    await harness.publishRelease(moved);
    await eventually(async () => {
      expect((await call(nurse, 'GET', `/api/handoffs/${id}`)).body.status).toBe('needs-reconfirmation');
    });
    const reconfirmations = () =>
      harness.eventsFor('B1004AA').filter((e) => e.type === 'treatment.handoff.needs-reconfirmation');
    // The first is on its way to the topic once the status has changed; a second would follow the repeat.
    await eventually(() => expect(reconfirmations()).toHaveLength(1));
    await eventually(async () => expect(await harness.service.consumer!.lag()).toBe(0));
    await settle();
    expect(reconfirmations()).toHaveLength(1);
    expect(reconfirmations()[0]!.data).toMatchObject({ releaseDate: '2026-11-17', handoffId: id });

    const stale = await accept(id);
    expect(stale.status).toBe(422);
    expect(stale.body.rule).toBe('FIRST_DOSE_GAP');
    const newDay = { at: '2026-11-17T13:00:00Z', place: 'Community drug service' };
    const reconfirmed = await accept(id, { ...femaleKeyWorker, firstAppointment: newDay });
    expect(reconfirmed.body).toMatchObject({ status: 'accepted', firstAppointment: newDay });
  });

  it('asks the provider again when the release is cancelled, and refuses a booking for it', async () => {
    const { scheduled, id } = await harness.bookFor('B1008AA');
    await harness.publishRelease(releaseCancelled(scheduled));
    await eventually(async () => {
      expect((await call(nurse, 'GET', `/api/handoffs/${id}`)).body.status).toBe('needs-reconfirmation');
    });
    const releaseId = scheduled.data.releaseId;
    const again = await call(nurse, 'POST', '/api/handoffs', booking('B1008AA', releaseId, 'provider-a'));
    expect(again.status).toBe(409);
    await eventually(() => expect(harness.typesFor('B1008AA')).toContain('treatment.handoff.needs-reconfirmation'));
  });

  it("never shows one provider another provider's handoff", async () => {
    const { id } = await harness.bookFor('B1005AA');
    expect((await call(providerB, 'GET', `/api/provider/handoffs/${id}`)).status).toBe(404);
    expect((await call(providerB, 'POST', `/api/provider/handoffs/${id}/accept`, femaleKeyWorker)).status).toBe(404);
    expect((await call(providerB, 'GET', '/api/provider/handoffs')).body).toMatchObject({ items: [], total: 0 });
    const own = await call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(own.status).toBe(200);
    expect(own.body.treatment).toMatchObject({ kind: 'methadone', dose: '60 mg' });
    const inbox = await call(providerA, 'GET', '/api/provider/handoffs?status=sent&pageSize=100');
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(id);
    // The inbox read is one audit row naming every woman it showed, disclosed to the provider.
    const shown: string[] = [...new Set<string>(inbox.body.items.map((item: { personId: string }) => item.personId))];
    expect(await harness.service.auditOf(inbox)).toMatchObject([
      { action: 'provider-inbox', personId: null, listed: shown },
    ]);
    expect(await harness.service.auditOf(await call(providerB, 'GET', '/api/provider/handoffs'))).toMatchObject([
      { action: 'provider-inbox', personId: null, listed: [] },
    ]);
  });

  it('refuses a gap in daily medication (422, nothing stored or sent); without consent nothing reaches the provider', async () => {
    const scheduled = releaseScheduled('B1006AA');
    await harness.publishRelease(scheduled);
    const releaseId = scheduled.data.releaseId;
    const gap = booking('B1006AA', releaseId, 'provider-a', {
      firstAppointment: { at: '2026-11-19T13:00:00Z', place: 'Community drug service' },
    });
    const counts = async () => {
      const { handoffs, outbox, webhook_deliveries } = await tableCounts(harness.service.database.url);
      return { handoffs, outbox, webhook_deliveries };
    };
    const before = await eventually(async () => {
      const probe = await call(nurse, 'POST', '/api/handoffs', gap);
      expect(probe.status).toBe(422);
      return counts();
    });
    const refused = await call(nurse, 'POST', '/api/handoffs', gap);
    expect(refused.body).toMatchObject({ rule: 'FIRST_DOSE_GAP' });
    expect(JSON.stringify(refused.body)).toContain('body.firstAppointment');
    expect(await counts()).toEqual(before);

    const noConsent = await harness.bookFor('B1007AA', 'provider-a', { consentToShare: false });
    expect(noConsent.reply.body.status).toBe('blocked-no-consent');
    await eventually(() =>
      expect(harness.typesFor('B1007AA').sort()).toEqual(['treatment.handoff.booked', 'treatment.handoff.logistics']),
    );
    await settle();
    const booked = harness.eventsFor('B1007AA').find((event) => event.type === 'treatment.handoff.booked')!;
    expect(booked.data).toMatchObject({ consentToShare: false });
    expect(harness.typesFor('B1006AA')).toEqual([]);
    expect(harness.typesFor('B1007AA')).not.toContain('treatment.handoff.sent');
    expect((await call(providerA, 'GET', `/api/provider/handoffs/${noConsent.id}`)).status).toBe(404);
  });

  it('refuses a Friday release without a weekend cover plan, an unknown release and another prison', async () => {
    const friday = releaseScheduled('B1009AA', randomUUID(), '2026-11-20', true);
    const refused = await harness.bookFor('B1009AA', 'provider-a', {
      scheduled: friday,
      firstAppointment: { at: '2026-11-20T13:00:00Z', place: 'Community drug service' },
      expectedArrivalAt: '2026-11-20T12:00:00Z',
    });
    expect(refused.reply.status).toBe(422);
    const broken = refused.reply.body.violations.map((violation: { rule: string }) => violation.rule);
    // The weekend cover plan is missing, and daily methadone over the closed weekend needs cover (first dose).
    expect(broken).toEqual(['WEEKEND_COVER_PLAN_MISSING', 'FIRST_DOSE_GAP']);
    const covered = await call(nurse, 'POST', '/api/handoffs', {
      ...booking('B1009AA', friday.data.releaseId, 'provider-a'),
      firstAppointment: { at: '2026-11-20T13:00:00Z', place: 'Community drug service' },
      expectedArrivalAt: '2026-11-20T12:00:00Z',
      weekendCoverPlan: { prescriptionCoversUntil: '2026-11-23', outOfHoursContact: true },
    });
    expect(covered.status).toBe(201);

    const unknown = await call(nurse, 'POST', '/api/handoffs', booking('B1010AA', randomUUID(), 'provider-a'));
    expect(unknown.status).toBe(409);
    expect(unknown.headers['retry-after']).toBe('2');
    expect(JSON.stringify(unknown.body)).toContain('body.releaseId');
    const elsewhere = { ...nurse, prison: 'LNI' };
    const scheduled = releaseScheduled('B1011AA');
    await harness.publishRelease(scheduled);
    const body = booking('B1011AA', scheduled.data.releaseId, 'provider-a');
    // 409 until the release arrives here, then 404: it exists, but not for her prison.
    await eventually(async () => expect((await call(elsewhere, 'POST', '/api/handoffs', body)).status).toBe(404));
  });

  it('re-runs the rules when the appointment changes and emits appointment-changed', async () => {
    const { id } = await harness.bookFor('B1012AA');
    const tooLate = await call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, {
      firstAppointment: { at: '2026-11-19T09:00:00Z', place: 'Community drug service' },
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.rule).toBe('FIRST_DOSE_GAP');
    const later = { at: '2026-11-18T15:00:00Z', place: 'Community drug service' };
    const changed = await call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, { firstAppointment: later });
    expect(changed.body).toMatchObject({ status: 'sent', firstAppointment: later });
    await eventually(() => expect(harness.typesFor('B1012AA')).toContain('treatment.handoff.appointment-changed'));
    const event = harness.eventsFor('B1012AA').find((e) => e.type === 'treatment.handoff.appointment-changed')!;
    expect(event.data).toMatchObject({ firstAppointment: later, previous: { at: '2026-11-18T13:00:00Z' } });
  });
});
