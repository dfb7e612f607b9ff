import { type DatabaseOrTransaction, type IncomingMessage, parseMessage } from '@resettle/messaging';
import type { Sql } from 'postgres';
import { copyTimeline } from '../db/copy-timeline.js';
import { loadOutcomes, loadPassports, type ReleaseOutcome, saveOutcomes, savePassports } from '../db/passports.js';
import { isUpstreamEvent, PASSPORT_EVENT_KEYS, type UpstreamEvent } from '../domain/index.js';
import { type FoldOptions, foldOne } from '../events/fold-and-save.js';
import { type HeldPassport, WorkingSet } from '../events/working-set.js';

const TIMELINE_ROWS_PER_COPY = 5_000;
const PASSPORTS_PER_INSERT = 1_000;
/** Passports held in memory before they are written and let go (each is a few kilobytes of folded facts). */
export const RESIDENT_PASSPORTS = 5_000;
/** The types the live fold consumes; one of them at a version it does not know holds her back, as live. */
const CONSUMED_TYPES: ReadonlySet<string> = new Set(PASSPORT_EVENT_KEYS.map((key) => key.split('@')[0] ?? key));

/**
 * The live fold (foldOne), run over every event in memory instead of a transaction per run: a fresh database has
 * nothing to load, so the timeline is written as it grows and the passports and outcomes when too many are held
 * (then let go, and loaded again if a later event is hers) and at the end. Like the live consumer it applies each
 * event once (by id) and holds back a person after an event it cannot apply.
 */
export class BulkFold {
  private loaded = new Map<string, HeldPassport>();
  private working = new WorkingSet(this.loaded, new Map());
  /** The release ids held, least recently folded first (a Map keeps the order ids were last set in). */
  private readonly recent = new Map<string, true>();
  private readonly seen = new Set<string>();
  private readonly heldPeople = new Set<string>();
  /** The timeline insert in flight: PostgreSQL writes one while the next is folded (at most one at a time). */
  private writing: Promise<void> = Promise.resolve();
  readonly counts = { folded: 0, duplicates: 0, unusable: 0, heldBack: 0, spills: 0, reloaded: 0 };

  constructor(
    private readonly options: FoldOptions,
    private readonly residentPassports = RESIDENT_PASSPORTS,
  ) {}

  /** Folds one message into the passports held in memory. */
  fold(message: IncomingMessage): void {
    const event = this.accepted(message);
    if (event) this.apply(event);
  }

  /** Folds a batch: loads the passports it touches that were let go, folds, and lets go again when too many are held. */
  async foldBatch(db: DatabaseOrTransaction, sql: Sql, messages: IncomingMessage[]): Promise<void> {
    const events = messages.map((message) => this.accepted(message)).filter((event) => event !== null);
    // Once passports have been let go, a batch loads back those of its own it does not hold.
    if (this.counts.spills > 0) await this.loadLetGo(db, events);
    for (const event of events) this.apply(event);
    await this.flushTimeline(sql);
    if (this.recent.size >= this.residentPassports) await this.spill(db);
  }

  /** The passport as folded so far (of those held in memory). */
  passportOf(releaseId: string) {
    return this.working.current(releaseId)?.passport;
  }

  /** Starts writing the timeline rows gathered so far, once there are enough to be worth a statement. */
  async flushTimeline(sql: Sql, minimum = TIMELINE_ROWS_PER_COPY): Promise<void> {
    while (this.working.timeline.length >= Math.max(1, minimum)) {
      const rows = this.working.timeline.splice(0, TIMELINE_ROWS_PER_COPY);
      await this.writing;
      this.writing = copyTimeline(sql, rows);
      // Marked as handled here; a failure still surfaces at the next await of `writing`.
      this.writing.catch(() => {});
    }
  }

  async finish(db: DatabaseOrTransaction, sql: Sql): Promise<void> {
    await this.flushTimeline(sql, 1);
    await this.writing;
    await this.savePassportsAndOutcomes(db);
  }

  /** A message's event if it is one to fold: parsed, consumed here, not seen before, her events not held back. */
  private accepted(message: IncomingMessage): UpstreamEvent | null {
    const parsed = parseMessage(message);
    if (!parsed.ok) {
      this.holdBack(parsed.personId);
      return null;
    }
    const { event } = parsed;
    if (!CONSUMED_TYPES.has(event.type)) return null;
    if (!isUpstreamEvent(event)) {
      this.holdBack(event.personId);
      return null;
    }
    if (this.seen.has(event.id)) {
      this.counts.duplicates += 1;
      return null;
    }
    this.seen.add(event.id);
    if (this.heldPeople.has(event.personId)) {
      this.counts.heldBack += 1;
      return null;
    }
    return event;
  }

  private apply(event: UpstreamEvent): void {
    // A person held back by an earlier event of the same batch.
    if (this.heldPeople.has(event.personId)) {
      this.counts.heldBack += 1;
      return;
    }
    this.recent.delete(event.data.releaseId);
    this.recent.set(event.data.releaseId, true);
    try {
      foldOne(this.working, event, this.options);
      this.counts.folded += 1;
    } catch {
      this.holdBack(event.personId);
    }
  }

  /** The passports and outcomes of these events that were written and let go, back in memory. */
  private async loadLetGo(db: DatabaseOrTransaction, events: UpstreamEvent[]): Promise<void> {
    const missing = [...new Set(events.map((event) => event.data.releaseId))].filter(
      (releaseId) => !this.working.current(releaseId),
    );
    if (missing.length === 0) return;
    const [passports, outcomes] = await Promise.all([loadPassports(db, missing), loadOutcomes(db, missing)]);
    for (const [releaseId, held] of passports) this.loaded.set(releaseId, held);
    for (const [releaseId, outcome] of outcomes) this.working.outcomes.set(releaseId, outcome);
    this.counts.reloaded += passports.size;
  }

  /**
   * Writes every passport and outcome held, and lets go of the less recently folded half: read in step, her events
   * come close together, but a late one (a topic a little behind the others) most likely lands in the recent half.
   */
  private async spill(db: DatabaseOrTransaction): Promise<void> {
    const letGo = this.working;
    const half = Math.floor(this.residentPassports / 2);
    const keep = half > 0 ? [...this.recent.keys()].slice(-half) : [];
    this.recent.clear();
    this.loaded = new Map();
    const outcomes = new Map<string, ReleaseOutcome>();
    for (const releaseId of keep) {
      const held = letGo.current(releaseId);
      if (held) this.loaded.set(releaseId, held);
      const outcome = letGo.outcomes.get(releaseId);
      if (outcome) outcomes.set(releaseId, outcome);
      this.recent.set(releaseId, true);
    }
    this.working = new WorkingSet(this.loaded, outcomes);
    this.working.timeline.push(...letGo.timeline.splice(0));
    this.counts.spills += 1;
    await this.savePassportsAndOutcomes(db, letGo);
  }

  private async savePassportsAndOutcomes(db: DatabaseOrTransaction, working = this.working): Promise<void> {
    const states = [...working.saved.values()];
    for (let start = 0; start < states.length; start += PASSPORTS_PER_INSERT) {
      await savePassports(db, states.slice(start, start + PASSPORTS_PER_INSERT), this.options.now);
    }
    const outcomes = [...working.changedOutcomes].map((releaseId) => working.outcomes.get(releaseId)!);
    for (let start = 0; start < outcomes.length; start += PASSPORTS_PER_INSERT) {
      await saveOutcomes(db, outcomes.slice(start, start + PASSPORTS_PER_INSERT));
    }
  }

  private holdBack(personId: string | null): void {
    this.counts.unusable += 1;
    if (personId) this.heldPeople.add(personId);
  }
}
