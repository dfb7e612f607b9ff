import { type DatabaseOrTransaction, type IncomingMessage, parseMessage } from '@resettle/messaging';
import type { Sql } from 'postgres';
import { copyTimeline } from '../db/copy-timeline.js';
import { saveOutcomes, savePassports } from '../db/passports.js';
import { isUpstreamEvent, PASSPORT_EVENT_KEYS } from '../domain/index.js';
import { type FoldOptions, foldOne } from '../events/fold-and-save.js';
import { WorkingSet } from '../events/working-set.js';

const TIMELINE_ROWS_PER_COPY = 5_000;
const PASSPORTS_PER_INSERT = 1_000;
/** The types the live fold consumes; one of them at a version it does not know holds her back, as live. */
const CONSUMED_TYPES: ReadonlySet<string> = new Set(PASSPORT_EVENT_KEYS.map((key) => key.split('@')[0] ?? key));

/**
 * The live fold (foldOne), run over every event in memory instead of a transaction per run: a fresh database has
 * nothing to load, so only the timeline is written as it grows and the passports and outcomes once at the end.
 * Like the live consumer it applies each event once (by id) and holds back a person after an event it cannot apply.
 */
export class BulkFold {
  private readonly working = new WorkingSet(new Map(), new Map());
  private readonly seen = new Set<string>();
  private readonly heldPeople = new Set<string>();
  /** The timeline insert in flight: PostgreSQL writes one while the next is folded (at most one at a time). */
  private writing: Promise<void> = Promise.resolve();
  readonly counts = { folded: 0, duplicates: 0, unusable: 0, heldBack: 0 };

  constructor(private readonly options: FoldOptions) {}

  fold(message: IncomingMessage): void {
    const parsed = parseMessage(message);
    if (!parsed.ok) {
      this.holdBack(parsed.personId);
      return;
    }
    const { event } = parsed;
    if (!CONSUMED_TYPES.has(event.type)) return;
    if (!isUpstreamEvent(event)) {
      this.holdBack(event.personId);
      return;
    }
    if (this.seen.has(event.id)) {
      this.counts.duplicates += 1;
      return;
    }
    this.seen.add(event.id);
    if (this.heldPeople.has(event.personId)) {
      this.counts.heldBack += 1;
      return;
    }
    try {
      foldOne(this.working, event, this.options);
      this.counts.folded += 1;
    } catch {
      this.holdBack(event.personId);
    }
  }

  /** The passport as folded so far. */
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
    const states = [...this.working.saved.values()];
    for (let start = 0; start < states.length; start += PASSPORTS_PER_INSERT) {
      await savePassports(db, states.slice(start, start + PASSPORTS_PER_INSERT), this.options.now);
    }
    const outcomes = [...this.working.changedOutcomes].map((releaseId) => this.working.outcomes.get(releaseId)!);
    for (let start = 0; start < outcomes.length; start += PASSPORTS_PER_INSERT) {
      await saveOutcomes(db, outcomes.slice(start, start + PASSPORTS_PER_INSERT));
    }
  }

  private holdBack(personId: string | null): void {
    this.counts.unusable += 1;
    if (personId) this.heldPeople.add(personId);
  }
}
