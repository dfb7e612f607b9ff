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
  readonly outgoing: EventDraft[] = [];

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

  recordOutcome(outcome: ReleaseOutcome): void {
    this.outcomes.set(outcome.releaseId, outcome);
    this.changedOutcomes.add(outcome.releaseId);
  }
}
