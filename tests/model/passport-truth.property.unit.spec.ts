import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccommodationOnRecord,
  judgeAccommodation,
} from '../../services/accommodation/src/domain/judge-accommodation.js';
import { applyEvent } from '../../services/passport/src/domain/apply-event.js';
import { isComplete } from '../../services/passport/src/domain/completeness.js';
import { eventsFor, type Scenario } from '../../services/passport/src/domain/events.fixture.js';
import type { Passport, PathwayName } from '../../services/passport/src/domain/passport.js';
import type { UpstreamEvent } from '../../services/passport/src/domain/upstream.js';
import { judgeRelease } from '../../services/release-scheduling/src/domain/judge-release.js';
import { judgeTransport, type PlanOnRecord } from '../../services/transport/src/domain/judge-transport.js';
import { type HandoffToJudge, judgeTreatment } from '../../services/treatment-continuity/src/domain/judge-treatment.js';

/**
 * Issue #17: the passport tells the truth. A small world (one woman, one release) changes at random; after each change
 * every affected owner judges the CURRENT world with its real pure function and publishes on its own topic; the broker
 * delivers one topic's head at a time (order kept per topic, not across topics). After every step: whenever the
 * passport reads complete, every owner's verdict on the world as it is now is complete. Once everything is delivered:
 * complete iff every required pathway's owner judges it complete against the current release revision.
 */

const TOPICS = ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport'] as const;
type Topic = (typeof TOPICS)[number];

/** Thursdays in March 2027: Greenwich time (Z is London time), no bank holiday near. */
const DATES = ['2027-03-04', '2027-03-11', '2027-03-18'] as const;
const GATE = '09:30';
const gateAt = (date: string) => `${date}T${GATE}:00Z`;

interface World {
  release: { status: 'scheduled' | 'cancelled'; date: string; revision: number };
  restricted: boolean;
  handoff: { status: 'booked' | 'accepted' | 'declined'; appointmentAt: string } | null;
  handoffRevision: number;
  accommodation: { status: 'confirmed' | 'withdrawn'; confirmedFrom: string } | null;
  plan: { status: 'arranged' | 'cancelled'; departureAt: string; expectedArrivalAt: string } | null;
}

interface Verdict {
  pathway: PathwayName;
  status: 'not-started' | 'in-progress' | 'complete' | 'at-risk';
  required: boolean;
  reasons: string[];
  missing: string[];
  handoffRevision: number | null;
}

interface Real {
  her: Scenario;
  world: World;
  /** Each event with the world its owner judged (a copy taken when it was published). */
  queues: Record<Topic, Queued[]>;
  /** Per topic, the world behind the latest judgement the passport has been given. */
  delivered: Partial<Record<Topic, World>>;
  passport: Passport | undefined;
}

interface Queued {
  event: UpstreamEvent;
  judgedOn: World | null;
}

type Command = fc.Command<object, Real>;

// ---- each owner's verdict on the current world, by its own pure function ----

function releaseVerdicts(world: World): Verdict[] {
  const judged = judgeRelease({
    releaseId: 'r',
    status: world.release.status,
    releaseDate: world.release.date,
    gateTime: GATE,
    shortNotice: false,
    shortNoticeReason: null,
    weekendCoverPlanRequired: false,
    rulesApplied: [],
    revision: world.release.revision,
  });
  return [plain(judged, null)];
}

function treatmentVerdicts(world: World): Verdict[] {
  const h = world.handoff;
  const handoff: HandoffToJudge | null = h && {
    personId: 'A1234BC',
    releaseId: 'r',
    consentToShare: true,
    treatment: { kind: 'none', dose: null, lastDoseInCustodyAt: null, nextInjectionDue: null },
    naloxoneSupplied: true,
    bridgingPrescription: null,
    weekendCoverPlan: null,
    provider: 'provider-bristol-1',
    firstAppointment: { at: h.appointmentAt, place: 'Community drug service, Bristol' },
    preferences: { femaleKeyWorker: true, womenOnlyService: false, childcareConstraints: [] },
    referrals: { mentalHealth: true, domesticAbuse: false },
    status: h.status,
    statusReason: null,
    declineReason: h.status === 'declined' ? 'No capacity' : null,
    keyWorker: h.status === 'accepted' ? { name: 'Key worker', gender: 'female' } : null,
    expectedArrivalAt: null,
  };
  const release = {
    status: world.release.status,
    releaseDate: world.release.date,
    gateAt: gateAt(world.release.date),
    weekendCoverPlanRequired: false,
    shortNotice: false,
    revision: world.release.revision,
  };
  return judgeTreatment({ releaseId: 'r', release, handoff, handoffRevision: world.handoffRevision }).map((judged) =>
    plain(judged, world.handoffRevision),
  );
}

function accommodationVerdicts(world: World): Verdict[] {
  const a = world.accommodation;
  const accommodation: AccommodationOnRecord | null = a && {
    type: 'supported-housing',
    localAuthority: 'Bristol',
    postcodeDistrict: 'BS2',
    confirmedFrom: a.confirmedFrom,
    womenOnly: true,
    confirmedBy: 'Housing officer',
    status: a.status === 'confirmed' ? 'confirmed' : 'withdrawn',
    withdrawnReason: a.status === 'withdrawn' ? 'Landlord withdrew the room' : null,
    // A restriction on her area sends an approved place back to her offender manager's review.
    safeguardingReview: world.restricted ? 'awaiting-review' : 'approved',
  };
  const judged = judgeAccommodation({
    accommodation,
    releaseDate: world.release.date,
    providerArea: null,
  });
  return [{ pathway: 'accommodation', required: true, handoffRevision: null, ...texts(judged) }];
}

function transportVerdicts(world: World): Verdict[] {
  const p = world.plan;
  const plan: PlanOnRecord | null = p && {
    mode: 'met-at-gate',
    metBy: 'Through-the-gate mentor',
    departureAt: p.departureAt,
    expectedArrivalAt: p.expectedArrivalAt,
    destination: 'accommodation',
    arrangedBy: 'Probation practitioner',
    escorted: true,
    status: p.status,
    cancelledReason: p.status === 'cancelled' ? 'Driver unavailable' : null,
  };
  const live = world.handoff && world.handoff.status !== 'declined' ? world.handoff : null;
  const judged = judgeTransport({
    plan,
    release: { releaseDate: world.release.date, gateAt: gateAt(world.release.date), gatePassedAt: null },
    firstAppointmentAt: live?.appointmentAt ?? null,
    accommodation: world.accommodation && {
      status: world.accommodation.status === 'confirmed' ? 'current' : 'withdrawn',
      type: 'supported-housing',
    },
  });
  return [{ pathway: 'transport', required: true, handoffRevision: world.handoffRevision, ...texts(judged) }];
}

const JUDGE: Record<Topic, (world: World) => Verdict[]> = {
  'release-scheduling': releaseVerdicts,
  'treatment-continuity': treatmentVerdicts,
  accommodation: accommodationVerdicts,
  transport: transportVerdicts,
};

function texts(judged: { status: Verdict['status']; reasons: { message: string }[]; missing: string[] }) {
  return { status: judged.status, reasons: judged.reasons.map((r) => r.message), missing: [...judged.missing] };
}

function plain(
  judged: { pathway: PathwayName; required: boolean } & Parameters<typeof texts>[0],
  handoffRevision: number | null,
): Verdict {
  return { pathway: judged.pathway, required: judged.required, handoffRevision, ...texts(judged) };
}

/** She is really safe: the release goes ahead and every owner, judging the world as it is now, says complete. */
function reallySafe(world: World): boolean {
  if (world.release.status !== 'scheduled') return false;
  return TOPICS.flatMap((topic) => JUDGE[topic](world)).every((v) => !v.required || v.status === 'complete');
}

/** The owner judges the current world and publishes each verdict, stamped with the current revisions, on its topic. */
function publish(real: Real, topic: Topic): void {
  const judgedOn = structuredClone(real.world);
  for (const verdict of JUDGE[topic](judgedOn)) {
    real.queues[topic].push({
      judgedOn,
      event: real.her.judged(verdict.pathway, verdict.status, {
        revision: real.world.release.revision,
        handoffRevision: verdict.handoffRevision,
        required: verdict.required,
        reasons: verdict.reasons,
        missing: verdict.missing,
      }),
    });
  }
}

/** Owners that are told to skip a re-judgement (set only to show the property can fail). */
const SKIP_ON_RELEASE_CHANGE: readonly Topic[] = [];

const seen = { complete: 0, incomplete: 0, drainedComplete: 0 };

const inFlight = (real: Real) => TOPICS.some((topic) => real.queues[topic].length > 0);

/**
 * After every step. With nothing in flight the passport knows all there is: complete iff she is really safe now.
 * With events in flight it can only be as true as what it was told: complete only if every owner's latest delivered
 * verdict was judged on a world that owner finds safe, against the release revision the passport holds (a verdict
 * from before the current revision never counts).
 */
function checkSafe(real: Real): void {
  const passport = real.passport;
  if (!passport) return;
  const complete = isComplete(passport);
  seen[complete ? 'complete' : 'incomplete'] += 1;
  if (!inFlight(real)) {
    expect(passport.releaseRevision).toBe(real.world.release.revision);
    expect(complete, 'all delivered: complete iff every owner judges her complete now').toBe(reallySafe(real.world));
    return;
  }
  if (!complete) return;
  for (const topic of TOPICS) {
    const judgedOn = real.delivered[topic];
    expect(judgedOn, `complete with no verdict from ${topic}`).toBeDefined();
    if (!judgedOn) return;
    expect(judgedOn.release.revision, `complete on ${topic}'s verdict from an old release revision`).toBe(
      passport.releaseRevision,
    );
    const unsafe = JUDGE[topic](judgedOn).filter((v) => v.required && v.status !== 'complete');
    expect(
      unsafe.map((v) => v.pathway),
      `complete though ${topic} judged her not safe`,
    ).toEqual([]);
  }
  // Transport judges her journey against the first appointment: its verdict must know the handoff treatment's does.
  const treatment = real.delivered['treatment-continuity']?.handoffRevision ?? 0;
  expect(
    real.delivered.transport?.handoffRevision ?? 0,
    'complete on a transport verdict from before the handoff changed',
  ).toBeGreaterThanOrEqual(treatment);
}

/** A world change, then every owner whose facts it touched judges again and publishes. */
class Change implements Command {
  constructor(
    readonly name: string,
    readonly can: (world: World) => boolean,
    readonly apply: (real: Real) => void,
    readonly owners: readonly Topic[],
  ) {}
  check = () => true;
  run(_model: object, real: Real) {
    if (!this.can(real.world)) return;
    this.apply(real);
    for (const topic of this.owners) publish(real, topic);
    checkSafe(real);
  }
  toString = () => this.name;
}

const EVERY_OWNER_BUT_RELEASE: readonly Topic[] = ['treatment-continuity', 'accommodation', 'transport'];
const HANDOFF_OWNERS: readonly Topic[] = ['treatment-continuity', 'transport'];
const scheduled = (world: World) => world.release.status === 'scheduled';

function releaseChange(name: string, change: (real: Real) => UpstreamEvent): Command {
  return new Change(
    name,
    scheduled,
    (real) => {
      real.world.release.revision += 1;
      real.queues['release-scheduling'].push({ event: change(real), judgedOn: null });
      publish(real, 'release-scheduling');
    },
    EVERY_OWNER_BUT_RELEASE.filter((topic) => !SKIP_ON_RELEASE_CHANGE.includes(topic)),
  );
}

function handoffChange(name: string, can: (world: World) => boolean, apply: (world: World) => void): Command {
  return new Change(
    name,
    can,
    (real) => {
      apply(real.world);
      real.world.handoffRevision += 1;
    },
    HANDOFF_OWNERS,
  );
}

const moveRelease = fc.constantFrom(...DATES).map((to) =>
  releaseChange(`move(${to})`, (real) => {
    const from = real.world.release.date;
    real.world.release.date = to;
    return real.her.rescheduled(from, to, GATE, {}, real.world.release.revision);
  }),
);

const cancelRelease = fc.constant(
  releaseChange('cancel', (real) => {
    real.world.release.status = 'cancelled';
    return real.her.cancelled(real.world.release.revision);
  }),
);

const restriction = fc.constantFrom(true, false, false).map(
  (restricted) =>
    new Change(
      restricted ? 'restrict(Bristol)' : 'lift(Bristol)',
      () => true,
      (real) => {
        real.world.restricted = restricted;
      },
      ['accommodation'],
    ),
);

/**
 * First appointment times on the release day, gate 09:30: treatment assumes she arrives at 12:30, a good journey
 * arrives 12:30, a slow one 13:45. So 16:00 suits every journey, 14:00 only one that is not slow, 11:00 none.
 */
const APPOINTMENTS = ['14:00', '16:00', '11:00'] as const;
type AppointmentTime = (typeof APPOINTMENTS)[number];
const appointmentOn = (date: string, time: AppointmentTime) => `${date}T${time}:00Z`;

const handoff = fc.oneof(
  fc.constantFrom(...APPOINTMENTS).map((time) =>
    handoffChange(
      `book(${time})`,
      (world) => world.handoff === null || world.handoff.status === 'declined',
      (world) => {
        world.handoff = { status: 'booked', appointmentAt: appointmentOn(world.release.date, time) };
      },
    ),
  ),
  fc.constant(
    handoffChange(
      'decline',
      (world) => world.handoff?.status === 'booked',
      (world) => {
        if (world.handoff) world.handoff.status = 'declined';
      },
    ),
  ),
  fc.constant(
    handoffChange(
      'accept',
      (world) => world.handoff?.status === 'booked',
      (world) => {
        if (world.handoff) world.handoff.status = 'accepted';
      },
    ),
  ),
  fc.constantFrom(...APPOINTMENTS).map((time) =>
    handoffChange(
      `moveAppointment(${time})`,
      (world) => world.handoff !== null && world.handoff.status !== 'declined',
      (world) => {
        if (world.handoff) world.handoff.appointmentAt = appointmentOn(world.release.date, time);
      },
    ),
  ),
);

const accommodation = fc.constantFrom(true, true, false).map(
  (confirm) =>
    new Change(
      confirm ? 'confirmAccommodation' : 'withdrawAccommodation',
      (world) => confirm || world.accommodation?.status === 'confirmed',
      (real) => {
        const world = real.world;
        world.accommodation = confirm
          ? { status: 'confirmed', confirmedFrom: world.release.date }
          : { status: 'withdrawn', confirmedFrom: world.accommodation?.confirmedFrom ?? world.release.date };
      },
      ['accommodation', 'transport'],
    ),
);

const travel = fc.constantFrom('good', 'good', 'slow', 'before the gate', 'cancel').map(
  (kind) =>
    new Change(
      `travel(${kind})`,
      (world) => kind !== 'cancel' || world.plan?.status === 'arranged',
      (real) => {
        const { world } = real;
        const date = world.release.date;
        world.plan =
          kind === 'cancel' && world.plan
            ? { ...world.plan, status: 'cancelled' }
            : {
                status: 'arranged',
                departureAt: `${date}T${kind === 'before the gate' ? '09:00' : '10:30'}:00Z`,
                expectedArrivalAt: `${date}T${kind === 'slow' ? '13:45' : '12:30'}:00Z`,
              };
      },
      ['transport'],
    ),
);

/** The broker hands the passport the head of one topic's queue. */
class Deliver implements Command {
  constructor(readonly pick: number) {}
  check = () => true;
  run(_model: object, real: Real) {
    const open = TOPICS.filter((topic) => real.queues[topic].length > 0);
    if (open.length === 0) return;
    const topic = open[this.pick % open.length]!;
    const { event, judgedOn } = real.queues[topic].shift()!;
    real.passport = applyEvent(real.passport, event).passport;
    if (judgedOn) real.delivered[topic] = judgedOn;
    checkSafe(real);
  }
  toString = () => `deliver(${this.pick})`;
}

const deliver = fc.nat(3).map((pick) => new Deliver(pick));

/** Cancelling ends the story (nothing after it can be complete), so it is rare; repairs are common. */
const commands = [
  fc.oneof({ arbitrary: moveRelease, weight: 8 }, { arbitrary: cancelRelease, weight: 1 }),
  restriction,
  handoff,
  handoff,
  handoff,
  accommodation,
  accommodation,
  travel,
  travel,
  deliver,
  deliver,
  deliver,
  deliver,
];

/** Her world at the start: nothing arranged yet, or (mostly) everything arranged and safe. */
function start(ready: boolean): Real {
  const her = eventsFor('A1234BC');
  const world: World = {
    release: { status: 'scheduled', date: DATES[0], revision: 1 },
    restricted: false,
    handoff: null,
    handoffRevision: 0,
    accommodation: null,
    plan: null,
  };
  if (ready) {
    const date = DATES[0];
    world.handoff = { status: 'accepted', appointmentAt: appointmentOn(date, '14:00') };
    world.handoffRevision = 1;
    world.accommodation = { status: 'confirmed', confirmedFrom: date };
    world.plan = { status: 'arranged', departureAt: `${date}T10:30:00Z`, expectedArrivalAt: `${date}T12:30:00Z` };
  }
  const real: Real = {
    her,
    world,
    queues: { 'release-scheduling': [], 'treatment-continuity': [], accommodation: [], transport: [] },
    delivered: {},
    passport: undefined,
  };
  real.queues['release-scheduling'].push({ event: her.scheduled(DATES[0], GATE, {}, 1), judgedOn: null });
  for (const topic of TOPICS) publish(real, topic);
  return real;
}

describe('the passport tells the truth (model-based, issue #17)', () => {
  it('never reads complete unless she is safe, and once all is delivered is complete iff every owner says so now', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(true, true, true, false),
        fc.commands(commands, { maxCommands: 60 }),
        (ready, sequence) => {
          const real = start(ready);
          fc.modelRun(() => ({ model: {}, real }), sequence);
          while (inFlight(real)) new Deliver(0).run({}, real);
          const passport = real.passport!;
          const safe = reallySafe(real.world);
          if (safe) seen.drainedComplete += 1;
          expect(passport.releaseRevision).toBe(real.world.release.revision);
          expect(isComplete(passport), 'after every delivery: complete iff every owner judges her complete now').toBe(
            safe,
          );
        },
      ),
      { numRuns: 200 },
    );
    // A property that never saw a complete passport would prove little.
    expect(seen.complete).toBeGreaterThan(20);
    expect(seen.drainedComplete).toBeGreaterThan(5);
  });
});
