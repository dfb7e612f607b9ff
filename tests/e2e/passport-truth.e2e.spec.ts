import { eventually } from '@resettle/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  earliestAppointment,
  gateEarlierToday,
  minusOneDay,
  nurse,
  ordinaryFriday,
  PRISON,
  planner,
  plusDays,
  plusMinutes,
  probation,
  travel,
} from '../shared/people.js';
import {
  ARRIVAL_AFTER_GATE_MINUTES,
  about,
  acceptanceBody,
  appointmentFor,
  handoffBody,
  travelDetail,
} from '../shared/requests.js';
import {
  acceptHandoff,
  addRestrictedArea,
  bookHandoff,
  completeJourney,
  confirmAccommodation,
  type PassportView,
  passportOf,
  passportWhen,
  scheduleRelease,
  statusOf,
} from './support/journey.js';
import { RunningSystem } from './support/system.js';

/** An ordinary Thursday (the Friday rule moves nothing) a few weeks ahead. */
const ordinaryThursday = (minDays: number) => minusOneDay(ordinaryFriday(minDays));

interface Revised extends PassportView {
  releaseRevision: number;
  outcome: { status: string; reasons: string[] } | null;
}

/**
 * Reads her passport over and over while `until` has not yet held, and fails if it ever reads complete: the promise
 * of the issue is not "eventually right" but "never complete while she is not safe".
 */
async function neverCompleteUntil(system: RunningSystem, releaseId: string, until: (passport: Revised) => boolean) {
  const deadline = Date.now() + 60_000;
  let reads = 0;
  for (;;) {
    const passport = (await passportOf(system, releaseId)) as Revised;
    reads += 1;
    expect(passport.complete, `read ${reads}: ${JSON.stringify(passport.pathways)}`).toBe(false);
    if (until(passport)) return passport;
    if (Date.now() > deadline) throw new Error(`never settled: ${JSON.stringify(passport.pathways)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const judgedAt = (passport: Revised, pathway: string, status: string) =>
  statusOf(passport, pathway) === status && passport.releaseRevision >= 2;

// Every service as its own process, the real broker and databases, public HTTP only: each journey is one a
// practitioner could be misled by if an owner stayed silent, or the passport guessed.
describe('the passport never reads complete when she is not safe', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await RunningSystem.start({ logLevel: 'info' });
  }, 180_000);
  afterAll(() => system?.stop());

  it('a restriction recorded after her place was approved, then the release moved: back to review, never complete again', async () => {
    const { release, handoff, travelPlan } = await completeJourney(system, 'T7001AA', {
      legalReleaseDate: ordinaryThursday(35),
    });
    await addRestrictedArea(system, 'T7001AA', { kind: 'local-authority', value: 'City of Bristol' });
    // Within seconds the place is back at her offender manager's review (the passport hears it as fast as the events
    // travel)...
    await passportWhen(system, release.id, (passport) =>
      expect(statusOf(passport, 'accommodation')).toBe('in-progress'),
    );
    // ...and from then on she is never complete: not when the release moves, nor when everyone else re-confirms.

    const later = plusDays(release.releaseDate, 7);
    const moved = await system.call('release-scheduling', planner, 'POST', `/api/releases/${release.id}/reschedule`, {
      legalReleaseDate: later,
      reason: 'Sentence recalculated',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const movedRelease = { ...release, ...moved.body };
    // Everyone else re-confirms for the new date; her place still awaits her offender manager's review.
    const acceptance = { ...acceptanceBody, firstAppointment: appointmentFor(movedRelease) };
    await eventually(() => acceptHandoff(system, handoff.id, acceptance), 30_000, 200);
    const travelPath = `/api/travel-plans/${travelPlan.id}`;
    // Transport re-plans once it has heard of the moved appointment (its copy travels as an event).
    await eventually(
      async () => {
        const replanned = await system.call('transport', travel, 'PUT', travelPath, travelDetail(movedRelease));
        expect(replanned.status, JSON.stringify(replanned.body)).toBe(200);
      },
      30_000,
      200,
    );

    const settled = await neverCompleteUntil(
      system,
      release.id,
      (passport) =>
        judgedAt(passport, 'accommodation', 'in-progress') &&
        ['release', 'treatment', 'transport'].every((pathway) => statusOf(passport, pathway) === 'complete'),
    );
    expect(settled.releaseRevision).toBe(2);
    const accommodation = settled.pathways.find((pathway) => pathway.pathway === 'accommodation')!;
    expect(JSON.stringify(accommodation)).not.toContain('Bristol'); // the place she must avoid is never shown
  }, 180_000);

  it('a bridging prescription too short for a first appointment three weeks away is refused, and treatment stays open', async () => {
    const release = await scheduleRelease(system, 'T7002AA', { legalReleaseDate: ordinaryThursday(35) });
    const threeWeeksOn = { at: `${plusDays(release.releaseDate, 21)}T10:00:00.000Z`, place: 'Bristol Drug Project' };
    const tooShort = handoffBody(release, {
      firstAppointment: threeWeeksOn,
      bridgingPrescription: { lastDayCovered: plusDays(release.releaseDate, 2) },
    });
    const refused = await eventually(
      async () => {
        const reply = await system.call('treatment-continuity', nurse, 'POST', '/api/handoffs', tooShort);
        expect(reply.status, JSON.stringify(reply.body)).toBe(422);
        return reply;
      },
      30_000,
      200,
    );
    expect(JSON.stringify(refused.body)).toContain('BRIDGING_PRESCRIPTION_TOO_SHORT');
    expect(JSON.stringify(refused.body)).toContain(
      DateTime.fromISO(plusDays(release.releaseDate, 20)).toFormat('d LLL yyyy'),
    );
    await confirmAccommodation(system, release);
    await neverCompleteUntil(system, release.id, (passport) => statusOf(passport, 'accommodation') === 'complete');

    const covered = { lastDayCovered: plusDays(release.releaseDate, 20) };
    const booked = await bookHandoff(system, release, {
      firstAppointment: threeWeeksOn,
      bridgingPrescription: covered,
    });
    await acceptHandoff(system, booked.id, { ...acceptanceBody, firstAppointment: threeWeeksOn });
    await passportWhen(system, release.id, (passport) => expect(statusOf(passport, 'treatment')).toBe('complete'));
  }, 120_000);

  it('a release from court after noon is recorded, with every warning shown to the planner, and is not complete', async () => {
    const today = DateTime.now().setZone('Europe/London').toISODate()!;
    const reply = await system.call('release-scheduling', planner, 'POST', '/api/releases', {
      personId: 'T7003AA',
      prisonCode: PRISON,
      probationRegion: 'South West',
      legalReleaseDate: today,
      gateTime: '15:00',
      releaseFrom: 'COURT',
      eligibility: {
        homeDetentionCurfew: false,
        indeterminateSentence: false,
        paroleBoardRelease: false,
        daysServedSinceSentence: 90,
      },
      sentenceLengthDays: 200,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({
      releaseDate: today,
      gateTime: '15:00',
      shortNotice: true,
      shortNoticeReason: 'COURT',
    });
    expect(reply.body.warnings.map((warning: { rule: string }) => warning.rule)).toContain('LATE_GATE_TIME');
    const passport = await passportWhen(system, reply.body.id, (seen) =>
      expect(statusOf(seen, 'release')).toBe('complete'),
    );
    expect(passport.complete).toBe(false);
    expect((passport as Revised).pathways.find((pathway) => pathway.pathway === 'treatment')?.status).not.toBe(
      'complete',
    );
  }, 60_000);

  it('two nurses booking her handoff at once: one handoff, the other told which one is live', async () => {
    const release = await scheduleRelease(system, 'T7004AA', { legalReleaseDate: ordinaryThursday(35) });
    const listPath = `/api/releases/${release.id}/handoffs`;
    await eventually(async () => {
      expect((await system.call('treatment-continuity', nurse, 'GET', listPath)).status).toBe(200);
    });
    const replies = await Promise.all(
      [0, 1].map(() => system.call('treatment-continuity', nurse, 'POST', '/api/handoffs', handoffBody(release))),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const [created, refused] = replies[0]!.status === 201 ? replies : [replies[1]!, replies[0]!];
    expect(refused!.body.liveHandoffId).toBe(created!.body.id);
    const listed = await system.call('treatment-continuity', nurse, 'GET', listPath);
    expect(listed.body.map((item: { id: string }) => item.id)).toEqual([created!.body.id]);
  }, 60_000);

  it('a gate passed after her transport had left: released, but not with a complete passport, and it says why', async () => {
    // A release from court today whose gate time has gone: the planned gate, and the journey from it, are in the
    // past; she comes out now, long after the transport was to leave.
    const now = DateTime.now().setZone('Europe/London');
    const planned = gateEarlierToday(now);
    const asked = {
      legalReleaseDate: planned.toISODate()!,
      gateTime: planned.toFormat('HH:mm'),
      releaseFrom: 'COURT',
    };
    const release = await scheduleRelease(system, 'T7005AA', asked);
    // Two hours ahead, and never before she can get there from the gate: just after midnight, that is later.
    const reachable = earliestAppointment(DateTime.fromISO(release.gateAt), ARRIVAL_AFTER_GATE_MINUTES);
    const appointment = {
      at: DateTime.max(now.plus({ hours: 2 }), reachable)
        .toUTC()
        .toISO()!,
      place: 'Bristol Drug Project',
    };
    const handoff = await bookHandoff(system, release, {
      firstAppointment: appointment,
      bridgingPrescription: { lastDayCovered: plusDays(release.releaseDate, 4) },
      weekendCoverPlan: { prescriptionCoversUntil: plusDays(release.releaseDate, 4), outOfHoursContact: true },
    });
    await acceptHandoff(system, handoff.id, { ...acceptanceBody, firstAppointment: appointment });
    await confirmAccommodation(system, release);
    const journey = {
      ...travelDetail(release),
      // Soon after the gate: it has left by the time she comes out, even when the gate was at midnight.
      departureAt: plusMinutes(release.gateAt, 1),
      expectedArrivalAt: plusMinutes(release.gateAt, 3),
    };
    const plan = await system.call('transport', travel, 'POST', '/api/travel-plans', { ...about(release), ...journey });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    await passportWhen(system, release.id, (passport) => expect(passport.complete).toBe(true), 60_000);

    const gatePassedAt = new Date(Date.now() - 60_000).toISOString();
    const path = `/api/releases/${release.id}/occurred`;
    const recorded = await system.call('release-scheduling', planner, 'POST', path, { gatePassedAt });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const released = (await passportWhen(system, release.id, (passport) =>
      expect((passport as Revised).outcome?.status).toBe('incomplete'),
    )) as Revised;
    expect(released.outcome!.reasons.join(' ')).toMatch(/transport|travel|left/i);
    await eventually(async () => {
      const outcomes = await system.call('passport', probation, 'GET', `/api/outcomes?prison=${PRISON}`);
      expect(outcomes.body.items).toEqual([expect.objectContaining({ releasedComplete: 0 })]);
    });
  }, 180_000);
});
