import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromToday,
  minusOneDay,
  nurse,
  onHomeDetentionCurfew,
  ordinaryFriday,
  PRISON,
  planner,
  plusDays,
  probation,
} from '../shared/people.js';
import { handoffBody } from '../shared/requests.js';
import {
  acceptHandoff,
  addRestrictedArea,
  arrangeTravel,
  bookHandoff,
  completeJourney,
  confirmAccommodation,
  passportWhen,
  proposeAccommodation,
  reconfirmEverything,
  scheduleRelease,
  statusOf,
} from './support/journey.js';
import { RunningSystem } from './support/system.js';

// Every service as its own process (as `pnpm start` runs them), the real broker and databases, public HTTP only.
describe('release journeys across all five services', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await RunningSystem.start({ logLevel: 'info' });
  }, 180_000);
  afterAll(() => system?.stop());

  it('1. ordinary journey: scheduled → handoff accepted → housed → travel → complete; the gate passed weeks early → released incomplete', async () => {
    const { release } = await completeJourney(system, 'A5001AA', {
      legalReleaseDate: minusOneDay(minusOneDay(ordinaryFriday(24))),
    });
    // She passes the gate today, weeks before the day her treatment was arranged for: the provider's appointment and
    // cover were for that day, so treatment judges the gate as it happened and the outcome is not complete.
    const gate = await system.call('release-scheduling', planner, 'POST', `/api/releases/${release.id}/occurred`, {
      gatePassedAt: new Date().toISOString(),
    });
    expect(gate.status).toBe(200);
    await eventually(
      async () => {
        const outcomes = await system.call('passport', probation, 'GET', `/api/outcomes?prison=${PRISON}`);
        expect(outcomes.body.items).toEqual([expect.objectContaining({ releases: '<5', releasedComplete: 0 })]);
        const passport = await system.call('passport', probation, 'GET', `/api/passports/${release.id}`);
        expect(passport.body.outcome?.status, JSON.stringify(passport.body.outcome)).toBe('incomplete');
        expect(JSON.stringify(passport.body.outcome.reasons)).toMatch(/dose/);
      },
      60_000,
      200,
    );
  }, 120_000);

  it('2. an eligible woman with a Friday legal date is released on Thursday, and every service plans for Thursday', async () => {
    const friday = ordinaryFriday(28);
    const { release } = await completeJourney(system, 'A5002AA', { legalReleaseDate: friday });
    expect(release.releaseDate).toBe(minusOneDay(friday));
    const passport = await passportWhen(system, release.id, (p) => expect(p.complete).toBe(true));
    expect(passport.releaseDate).toBe(minusOneDay(friday));
  }, 120_000);

  it('3. an ineligible woman (home detention curfew) keeps her Friday, and a weekend cover plan is demanded', async () => {
    const friday = ordinaryFriday(28);
    const release = await scheduleRelease(system, 'A5003AA', {
      legalReleaseDate: friday,
      eligibility: onHomeDetentionCurfew,
    });
    expect(release).toMatchObject({ releaseDate: friday, weekendCoverPlanRequired: true });
    const refused = await eventually(async () => {
      const reply = await system.call('treatment-continuity', nurse, 'POST', '/api/handoffs', handoffBody(release));
      expect(reply.status).toBe(422);
      return reply;
    });
    expect(refused.body.rule).toBe('WEEKEND_COVER_PLAN_MISSING');
    await confirmAccommodation(system, release);
    await arrangeTravel(system, release);
    const waiting = await passportWhen(system, release.id, (p) => expect(statusOf(p, 'transport')).toBe('complete'));
    expect(waiting.weekendCoverPlanRequired).toBe(true);
    expect(waiting.complete).toBe(false);
    const monday = plusDays(friday, 3);
    const handoff = await bookHandoff(system, release, {
      weekendCoverPlan: { prescriptionCoversUntil: monday, outOfHoursContact: true },
    });
    await acceptHandoff(system, handoff.id);
    await passportWhen(system, release.id, (p) => expect(p.complete).toBe(true));
  }, 120_000);

  it('4. a release moved a day earlier after everything was complete: at risk everywhere, then complete again', async () => {
    const wednesday = minusOneDay(minusOneDay(ordinaryFriday(35)));
    const { release, handoff, accommodation, travelPlan } = await completeJourney(system, 'A5004AA', {
      legalReleaseDate: wednesday,
    });
    const moved = await system.call('release-scheduling', planner, 'POST', `/api/releases/${release.id}/reschedule`, {
      legalReleaseDate: minusOneDay(wednesday),
      reason: 'Sentence recalculated',
    });
    expect(moved.status).toBe(200);
    const broken = await passportWhen(system, release.id, (p) => {
      expect(p.complete).toBe(false);
      expect(['treatment', 'accommodation', 'transport'].map((name) => statusOf(p, name))).toEqual([
        'at-risk',
        'at-risk',
        'at-risk',
      ]);
    });
    expect(broken.pathways.filter((p) => p.status === 'at-risk').every((p) => p.reason)).toBe(true);
    await reconfirmEverything(
      system,
      { ...release, ...moved.body, id: release.id },
      { handoffId: handoff.id, accommodationId: accommodation.id, travelPlanId: travelPlan.id },
    );
    await passportWhen(system, release.id, (p) => expect(p.complete).toBe(true), 60_000);
  }, 180_000);

  it('5. a short-notice release from court gets the minimum checklist and is at risk at once', async () => {
    const release = await scheduleRelease(system, 'A5005AA', {
      legalReleaseDate: nextMondayToThursday(),
      releaseFrom: 'COURT',
    });
    const passport = await passportWhen(system, release.id, (p) => expect(p.shortNoticeChecklist).not.toBeNull());
    expect(passport.risk.atRisk).toBe(true);
    expect(passport.shortNoticeChecklist?.map((item) => item.status)).toContain('missing');
  }, 60_000);

  it('6. a refused late gate time leaves no trace; a place in her restricted area awaits review and is declined, naming no area', async () => {
    const late = await system.call('release-scheduling', planner, 'POST', '/api/releases', {
      personId: 'A5006AA',
      prisonCode: PRISON,
      probationRegion: 'South West',
      legalReleaseDate: daysFromToday(30),
      gateTime: '15:30',
      releaseFrom: 'PRISON',
      eligibility: {
        homeDetentionCurfew: false,
        indeterminateSentence: false,
        paroleBoardRelease: false,
        daysServedSinceSentence: 90,
      },
      sentenceLengthDays: 200,
    });
    expect(late.status).toBe(422);
    expect(late.body.rule).toBe('LATE_GATE_TIME');

    const release = await scheduleRelease(system, 'A5007AA', { legalReleaseDate: minusOneDay(ordinaryFriday(30)) });
    await addRestrictedArea(system, 'A5007AA', { kind: 'postcode-district', value: 'BS2' });
    // Not refused (that would tell the coordinator where her abuser lives): it goes to her offender manager.
    const proposed = await proposeAccommodation(system, release);
    expect(proposed.safeguardingReview).toBe('awaiting-review');
    expect(JSON.stringify(proposed)).not.toMatch(/restrict|must not live/i);
    await passportWhen(system, release.id, (passport) =>
      expect(statusOf(passport, 'accommodation')).toBe('in-progress'),
    );
    const review = `/api/safeguarding-reviews/${proposed.id}`;
    const seen = await system.call('accommodation', probation, 'GET', review);
    expect(seen.body).toMatchObject({ matchesRestrictedArea: true, matchingAreas: [{ value: 'BS2' }] });
    const declined = await system.call('accommodation', probation, 'POST', `${review}/decline`, {
      revision: seen.body.revision,
      reason: 'In her restricted area',
    });
    expect(declined.status).toBe(200);

    expect((await system.call('passport', probation, 'GET', '/api/people/A5006AA/passport')).status).toBe(404);
    const passport = await passportWhen(system, release.id, (p) =>
      expect(statusOf(p, 'accommodation')).toBe('at-risk'),
    );
    expect(JSON.stringify(passport)).not.toMatch(/restricted area|must not live/i);
  }, 90_000);

  it('no canary value from any request appears in any service log of the whole run', () => {
    expect(system.logLines.length).toBeGreaterThan(0);
    expect(system.logLines.filter((line) => /CANARY|Brunswick Square|Sam Key|outreach worker/i.test(line))).toEqual([]);
  });
});

function nextMondayToThursday(): string {
  for (let days = 1; ; days += 1) {
    const date = daysFromToday(days);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 4) return date;
  }
}
