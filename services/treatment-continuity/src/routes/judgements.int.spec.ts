import { randomUUID } from 'node:crypto';
import { eventually } from '@resettle/testing';
import { asKnown } from '@resettle/testing/upstream-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asV2, booking, releaseRescheduled, releaseScheduled } from '../test-support/fixtures.js';
import { femaleKeyWorker, type Harness, nurse, providerA, startHarness } from '../test-support/harness.js';

const THREE_WEEKS_LATER = { at: '2026-12-09T10:00:00Z', place: 'Community drug service' };

describe('treatment-continuity judges its pathways and keeps one live handoff per release', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const call = (...args: Parameters<Harness['service']['call']>) => harness.service.call(...args);
  const latest = (personId: string, pathway = 'treatment') => harness.judgementsFor(personId, pathway).at(-1)?.data;

  it('judges a release with nothing booked (v1 → revision 0, v2 → its revision), then every handoff change', async () => {
    const scheduled = releaseScheduled('B1301AA');
    await harness.publishRelease(scheduled);
    await eventually(() =>
      expect(latest('B1301AA')).toMatchObject({
        status: 'not-started',
        missing: ['treatment handoff'],
        judgedAgainst: { releaseRevision: 0, handoffRevision: 0 },
      }),
    );
    const moved = asV2(releaseRescheduled(scheduled, '2026-11-17'), 2);
    await harness.publishRelease(moved);
    await eventually(() =>
      expect(latest('B1301AA')).toMatchObject({
        status: 'not-started',
        judgedAgainst: { releaseRevision: 2, handoffRevision: 0 },
      }),
    );
    const body = booking('B1301AA', scheduled.data.releaseId, 'provider-a', {
      firstAppointment: { at: '2026-11-17T13:00:00Z', place: 'Community drug service' },
      expectedArrivalAt: '2026-11-17T12:00:00Z',
      referrals: { mentalHealth: true, domesticAbuse: false },
    });
    const booked = await call(nurse, 'POST', '/api/handoffs', body);
    expect(booked.status).toBe(201);
    await eventually(() =>
      expect(latest('B1301AA')).toMatchObject({
        status: 'in-progress',
        judgedAgainst: { releaseRevision: 2, handoffRevision: 1 },
      }),
    );
    expect(latest('B1301AA', 'mental-health')).toMatchObject({ required: true, status: 'in-progress' });
    expect(latest('B1301AA', 'domestic-abuse-support')).toMatchObject({ required: false });
    const accepted = await call(providerA, 'POST', `/api/provider/handoffs/${booked.body.id}/accept`, femaleKeyWorker);
    expect(accepted.status).toBe(200);
    await eventually(() =>
      expect(latest('B1301AA')).toMatchObject({
        status: 'complete',
        judgedAgainst: { releaseRevision: 2, handoffRevision: 2 },
      }),
    );
    expect(latest('B1301AA', 'mental-health')).toMatchObject({ required: true, status: 'complete' });
    // A new release revision is judged again even though nothing here changed… and the move asks the provider again.
    await harness.publishRelease(asV2(releaseRescheduled(scheduled, '2026-11-16'), 3));
    await eventually(() =>
      expect(latest('B1301AA')).toMatchObject({
        status: 'at-risk',
        reasons: [{ rule: 'RECONFIRMATION_NEEDED' }, { rule: 'FIRST_DOSE_GAP' }],
        judgedAgainst: { releaseRevision: 3, handoffRevision: 3 },
      }),
    );
  });

  it('records what a bridging prescription covers, and refuses one too short for her first dose', async () => {
    const scheduled = releaseScheduled('B1302AA');
    await harness.publishRelease(scheduled);
    const releaseId = scheduled.data.releaseId;
    const twoDays = booking('B1302AA', releaseId, 'provider-a', {
      firstAppointment: THREE_WEEKS_LATER,
      bridgingPrescription: { lastDayCovered: '2026-11-19' },
    });
    const refused = await eventually(async () => {
      const attempt = await call(nurse, 'POST', '/api/handoffs', twoDays);
      expect(attempt.status).toBe(422);
      return attempt;
    });
    expect(refused.body).toMatchObject({
      rule: 'BRIDGING_PRESCRIPTION_TOO_SHORT',
      field: 'body.bridgingPrescription.lastDayCovered',
      detail: expect.stringContaining('Tue 8 Dec 2026'),
    });
    const enough = { ...twoDays, bridgingPrescription: { lastDayCovered: '2026-12-08' } };
    const booked = await call(nurse, 'POST', '/api/handoffs', enough);
    expect(booked.status).toBe(201);
    const seen = await call(providerA, 'GET', `/api/provider/handoffs/${booked.body.id}`);
    expect(seen.body).toMatchObject({
      bridgingPrescription: { lastDayCovered: '2026-12-08' },
      release: { releaseDate: '2026-11-18', revision: 0 },
    });
    await eventually(() =>
      expect(harness.eventsFor('B1302AA').find((e) => e.type === 'treatment.handoff.booked')?.data).toMatchObject({
        bridgingPrescription: true,
      }),
    );
  });

  it('two simultaneous bookings: one 201, one 409 naming the live one; withdrawing it frees the release', async () => {
    const scheduled = releaseScheduled('B1303AA');
    await harness.publishRelease(scheduled);
    const releaseId = scheduled.data.releaseId;
    await eventually(async () => {
      const probe = await call(nurse, 'GET', `/api/releases/${releaseId}/handoffs`);
      expect(probe.status).toBe(200);
    });
    const body = booking('B1303AA', releaseId, 'provider-a');
    const both = await Promise.all([
      call(nurse, 'POST', '/api/handoffs', body),
      call(nurse, 'POST', '/api/handoffs', { ...body, providerId: 'provider-b' }),
    ]);
    expect(both.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const live = both.find((reply) => reply.status === 201)!.body;
    const refused = both.find((reply) => reply.status === 409)!.body;
    expect(refused).toMatchObject({ rule: 'LIVE_HANDOFF_EXISTS', liveHandoffId: live.id });

    const withdrawn = await call(nurse, 'POST', `/api/handoffs/${live.id}/withdraw`, {
      reason: 'Wrong provider',
      reasonCategory: 'wrong-provider',
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusReason: 'Wrong provider' });
    const again = await call(nurse, 'POST', `/api/handoffs/${live.id}/withdraw`, {
      reason: 'Wrong provider',
      reasonCategory: 'wrong-provider',
    });
    expect(again.status).toBe(422);
    await eventually(() => expect(harness.typesFor('B1303AA')).toContain('treatment.handoff.withdrawn'));
    const told = harness.eventsFor('B1303AA').find((event) => event.type === 'treatment.handoff.withdrawn')!;
    expect(told.data).toMatchObject({ handoffId: live.id, reason: 'Wrong provider' });
    await eventually(() =>
      expect(latest('B1303AA')).toMatchObject({ status: 'not-started', reasons: [{ rule: 'HANDOFF_WITHDRAWN' }] }),
    );
    const rebooked = await call(nurse, 'POST', '/api/handoffs', { ...body, providerId: 'provider-b' });
    expect(rebooked.status).toBe(201);

    const listed = await call(nurse, 'GET', `/api/releases/${releaseId}/handoffs`);
    expect(listed.body.map((handoff: { id: string; status: string }) => [handoff.id, handoff.status])).toEqual([
      [rebooked.body.id, 'sent'],
      [live.id, 'withdrawn'],
    ]);
    const elsewhere = await call({ ...nurse, prison: 'LNI' }, 'GET', `/api/releases/${releaseId}/handoffs`);
    expect(elsewhere.status).toBe(404);
    expect((await call(nurse, 'GET', `/api/releases/${randomUUID()}/handoffs`)).status).toBe(404);
  });

  it('re-confirming for a release move that has not arrived yet answers 409 with Retry-After', async () => {
    const scheduled = releaseScheduled('B1304AA');
    await harness.publishRelease(asV2(scheduled, 1));
    const atRevision1 = asKnown('release.scheduled@v2', asV2(scheduled, 1));
    const { id } = await harness.bookFor('B1304AA', 'provider-a', { scheduled: atRevision1 });
    const early = await fetch(`${harness.service.url}/api/provider/handoffs/${id}/accept`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${harness.service.tokenFor(providerA)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...femaleKeyWorker, releaseRevision: 2 }),
    });
    expect(early.status).toBe(409);
    expect(early.headers.get('retry-after')).toBe('2');
    const problem = (await early.json()) as { rule: string; detail: string };
    expect(problem).toMatchObject({ rule: 'RELEASE_CHANGE_NOT_YET_KNOWN' });
    expect(problem.detail).toContain('try again in a moment');
    const stale = await call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, {
      ...femaleKeyWorker,
      releaseRevision: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.rule).toBe('RELEASE_MOVED_AGAIN');
    const current = await call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, {
      ...femaleKeyWorker,
      releaseRevision: 1,
    });
    expect(current.body).toMatchObject({ status: 'accepted', release: { revision: 1 } });
  });
});
