import type { EventDraft } from '@resettle/contracts';
import type { PassportState, ReleaseOutcome, TimelineEntry } from '../db/passports.js';
import type { Passport } from '../domain/index.js';

export interface HeldPassport {
  passport: Passport;
  atRisk: boolean;
}

/**
 * What a run of events does to the passports it touches, kept in memory while the run is folded in order and written
 * at the end in a few statements: the latest state of each passport (with how many saves it stands for), the timeline
 * entries, the release outcomes and the events to publish.
 */
export class WorkingSet {
  readonly saved = new Map<string, PassportState & { saves: number }>();
  readonly timeline: TimelineEntry[] = [];
  readonly changedOutcomes = new Set<string>();
  private readonly outgoing: EventDraft[] = [];

  constructor(
    private readonly loaded: Map<string, HeldPassport>,
    readonly outcomes: Map<string, ReleaseOutcome>,
  ) {}

  current(releaseId: string): HeldPassport | undefined {
    const saved = this.saved.get(releaseId);
    return saved ? { passport: saved.passport, atRisk: saved.atRisk } : this.loaded.get(releaseId);
  }

  save(state: PassportState): void {
    const saves = (this.saved.get(state.passport.releaseId)?.saves ?? 0) + 1;
    this.saved.set(state.passport.releaseId, { ...state, saves });
  }

  /** An event for the run to publish when it commits, in the order they are raised. */
  publish(draft: EventDraft): void {
    this.outgoing.push(draft);
  }

  /**
   * What the run publishes, in order, with one passport.updated per passport: its last, in its place. The states
   * before it in the run were never committed, so no one could have read them; the timeline keeps each event's lines,
   * and the other passport events (completed, at risk, released incomplete, missed appointment) each go out.
   */
  toPublish(): EventDraft[] {
    const lastUpdate = new Map<string, number>();
    this.outgoing.forEach((draft, at) => {
      if (draft.type === 'passport.updated') lastUpdate.set(draft.data.releaseId, at);
    });
    return this.outgoing.filter(
      (draft, at) => draft.type !== 'passport.updated' || lastUpdate.get(draft.data.releaseId) === at,
    );
  }

  recordOutcome(outcome: ReleaseOutcome): void {
    this.outcomes.set(outcome.releaseId, outcome);
    this.changedOutcomes.add(outcome.releaseId);
  }
}
