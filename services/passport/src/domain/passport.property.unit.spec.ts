import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.js';
import { isComplete } from './completeness.js';
import { eventsFor, type Scenario } from './events.fixture.js';
import { ALWAYS_REQUIRED, type JudgedStatus, type Passport, type PathwayName } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

/** One topic per owner: Kafka keeps one woman's events in order on each, not across them. */
const TOPICS = ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport'] as const;
type Topic = (typeof TOPICS)[number];
const JUDGED: Record<Topic, PathwayName[]> = {
  'release-scheduling': ['release'],
  'treatment-continuity': ['treatment', 'mental-health'],
  accommodation: ['accommodation'],
  transport: ['transport'],
};
const STATUSES: JudgedStatus[] = ['complete', 'complete', 'in-progress', 'at-risk', 'not-started'];

interface Verdict {
  status: JudgedStatus;
  required: boolean;
  releaseRevision: number;
  handoffRevision: number | null;
}

/** What the passport has been told so far, kept by the test in the plainest way it can. */
interface Model {
  world: { revision: number; handoffRevision: number };
  delivered: {
    revision: number | null;
    cancelled: boolean;
    verdicts: Partial<Record<PathwayName, Verdict>>;
    newestHandoff: number | null;
  };
}

interface Real {
  her: Scenario;
  queues: Record<Topic, { event: UpstreamEvent; verdict?: { pathway: PathwayName } & Verdict }[]>;
  passport: Passport | undefined;
}

type Command = fc.Command<Model, Real>;

/** The rule, stated from what was delivered: complete iff every required owner's latest verdict is complete and current. */
function expectedComplete(model: Model): boolean {
  const { revision, cancelled, verdicts, newestHandoff } = model.delivered;
  if (revision === null || cancelled) return false;
  const required = (Object.keys(JUDGED) as Topic[])
    .flatMap((topic) => JUDGED[topic])
    .filter((name) => ALWAYS_REQUIRED.includes(name) || verdicts[name]?.required === true);
  return required.every((name) => {
    const verdict = verdicts[name];
    if (verdict?.status !== 'complete' || verdict.releaseRevision !== revision) return false;
    return verdict.handoffRevision === null || newestHandoff === null || verdict.handoffRevision >= newestHandoff;
  });
}

/** How often each answer was checked: a property that never saw a complete passport would prove little. */
const seen = { complete: 0, incomplete: 0 };

function check(model: Model, real: Real): void {
  const passport = real.passport;
  if (!passport) return;
  const complete = isComplete(passport);
  seen[complete ? 'complete' : 'incomplete'] += 1;
  expect(complete).toBe(expectedComplete(model));
  expect(passport.releaseRevision).toBe(model.delivered.revision ?? 0);
  if (complete) {
    // Never complete after a move until every required owner has judged the revision it made.
    for (const name of ALWAYS_REQUIRED) {
      expect(model.delivered.verdicts[name]?.releaseRevision).toBe(passport.releaseRevision);
    }
  }
}

class Move implements Command {
  constructor(readonly cancel: boolean) {}
  check = () => true;
  run(model: Model, real: Real) {
    model.world.revision += 1;
    const event = this.cancel
      ? real.her.cancelled(model.world.revision)
      : real.her.rescheduled('2026-11-18', '2026-11-19', '09:30', {}, model.world.revision);
    real.queues['release-scheduling'].push({ event });
  }
  toString = () => (this.cancel ? 'cancel' : 'move');
}

class Judge implements Command {
  constructor(
    readonly topic: Topic,
    readonly which: number,
    readonly status: JudgedStatus,
    readonly revisionOffset: -1 | 0 | 1,
    readonly handoff: 'current' | 'stale' | 'new',
    readonly required: boolean,
  ) {}
  check = () => true;
  run(model: Model, real: Real) {
    const pathways = JUDGED[this.topic];
    const pathway = pathways[this.which % pathways.length]!;
    const releaseRevision = Math.max(0, model.world.revision + this.revisionOffset);
    let handoffRevision: number | null = null;
    if (this.topic === 'treatment-continuity') {
      if (this.handoff === 'new') model.world.handoffRevision += 1;
      handoffRevision = model.world.handoffRevision;
    } else if (this.topic === 'transport') {
      handoffRevision =
        this.handoff === 'stale' ? Math.max(0, model.world.handoffRevision - 1) : model.world.handoffRevision;
    }
    const required = ALWAYS_REQUIRED.includes(pathway) || this.required;
    const event = real.her.judged(pathway, this.status, { revision: releaseRevision, handoffRevision, required });
    real.queues[this.topic].push({
      event,
      verdict: { pathway, status: this.status, required, releaseRevision, handoffRevision },
    });
  }
  toString = () =>
    `judge(${this.topic}#${this.which}, ${this.status}, ${this.revisionOffset}, ${this.handoff}, ${this.required})`;
}

/** What the protocol asks of every owner on a new release revision: judge again, even if nothing changed. */
class EveryOwnerReJudges implements Command {
  constructor(readonly shortfall: Topic | null) {}
  check = () => true;
  run(model: Model, real: Real) {
    for (const topic of TOPICS) {
      for (const which of [0, 1]) {
        if (which >= JUDGED[topic].length) continue;
        const status = topic === this.shortfall ? 'at-risk' : 'complete';
        new Judge(topic, which, status, 0, 'current', which === 0).run(model, real);
      }
    }
  }
  toString = () => `everyOwnerReJudges(${this.shortfall ?? 'all complete'})`;
}

/** The broker hands the passport the next event of one topic. */
class Deliver implements Command {
  constructor(readonly pick: number) {}
  check = () => true;
  run(model: Model, real: Real) {
    const open = TOPICS.filter((topic) => real.queues[topic].length > 0);
    if (open.length === 0) return;
    const next = real.queues[open[this.pick % open.length]!].shift()!;
    real.passport = applyEvent(real.passport, next.event).passport;
    const delivered = model.delivered;
    if (next.verdict) {
      const { pathway, ...verdict } = next.verdict;
      delivered.verdicts[pathway] = verdict;
      if (verdict.handoffRevision !== null) {
        delivered.newestHandoff = Math.max(delivered.newestHandoff ?? 0, verdict.handoffRevision);
      }
    } else {
      const { data } = next.event;
      if (!('revision' in data)) throw new Error(`${next.event.type} v${next.event.version} carries no revision`);
      delivered.revision = Math.max(delivered.revision ?? 0, data.revision);
      delivered.cancelled = next.event.type === 'release.cancelled';
    }
    check(model, real);
  }
  toString = () => `deliver(${this.pick})`;
}

const commands = [
  fc.constantFrom(false, false, false, true).map((cancel) => new Move(cancel)),
  fc
    .record({
      topic: fc.constantFrom(...TOPICS),
      which: fc.nat(1),
      status: fc.constantFrom(...STATUSES),
      offset: fc.constantFrom<-1 | 0 | 1>(0, 0, 0, -1, 1),
      handoff: fc.constantFrom<'current' | 'stale' | 'new'>('current', 'current', 'stale', 'new'),
      required: fc.boolean(),
    })
    .map(
      ({ topic, which, status, offset, handoff, required }) =>
        new Judge(topic, which, status, offset, handoff, required),
    ),
  ...[1, 2].map(() =>
    fc.option(fc.constantFrom(...TOPICS), { freq: 3 }).map((shortfall) => new EveryOwnerReJudges(shortfall)),
  ),
  fc.nat(3).map((pick) => new Deliver(pick)),
  fc.nat(3).map((pick) => new Deliver(pick)),
  fc.nat(3).map((pick) => new Deliver(pick)),
];

describe('the passport composes its owners’ verdicts (model-based)', () => {
  it('is complete iff every required owner judged it complete against the current release and handoff revisions', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (sequence) => {
        const her = eventsFor('A1234BC');
        const real: Real = {
          her,
          queues: { 'release-scheduling': [], 'treatment-continuity': [], accommodation: [], transport: [] },
          passport: undefined,
        };
        const model: Model = {
          world: { revision: 1, handoffRevision: 1 },
          delivered: { revision: null, cancelled: false, verdicts: {}, newestHandoff: null },
        };
        real.queues['release-scheduling'].push({ event: her.scheduled('2026-11-18', '09:30', {}, 1) });
        fc.modelRun(() => ({ model, real }), sequence);
        // Drain what is still in flight: the property holds at every step, to the end.
        while (TOPICS.some((topic) => real.queues[topic].length > 0)) new Deliver(0).run(model, real);
      }),
      { numRuns: 400 },
    );
    expect(seen.complete).toBeGreaterThan(100);
    expect(seen.incomplete).toBeGreaterThan(100);
  });
});
