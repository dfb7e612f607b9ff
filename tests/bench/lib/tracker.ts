import { TOPICS, topicName } from '@resettle/contracts';
import type { Infra } from './infra.js';
import { percentile, round } from './stats.js';
import { watchEvents, watchPassportUpdates } from './watch.js';
import { postRelease } from './writes.js';

/**
 * Times API writes from the moment each request is sent to the moment its `passport.updated` arrives on the
 * passport topic: matched by correlation id (the request's x-correlation-id), else by the release id it returned.
 */
export class WriteTracker {
  private readonly sentAt = new Map<string, number>();
  private readonly arrived = new Map<string, number>();
  /** When release.scheduled reached Kafka (seen on the release topic): splits the path in two hops. */
  private readonly onKafka = new Map<string, number>();
  private readonly byRelease = new Map<string, string>();
  private readonly http = new Map<string, number>();
  private readonly refused = new Set<string>();
  matchedByReleaseId = 0;
  private readonly stops: (() => Promise<void>)[] = [];

  static async start(infra: Infra, prefix: string): Promise<WriteTracker> {
    const tracker = new WriteTracker();
    const releases = topicName(TOPICS.releaseScheduling, prefix);
    const first = await watchEvents(infra, releases, 'release.scheduled', false, (event, now) => {
      if (event.correlationId && !tracker.onKafka.has(event.correlationId))
        tracker.onKafka.set(event.correlationId, now);
    });
    const second = await watchPassportUpdates(infra, prefix, false, (update, now) => {
      let id = update.correlationId;
      if (!id || !tracker.sentAt.has(id)) {
        id = tracker.byRelease.get(update.releaseId ?? '');
        if (id) tracker.matchedByReleaseId += 1;
      }
      if (id && !tracker.arrived.has(id)) tracker.arrived.set(id, now);
    });
    tracker.stops.push(first, second);
    return tracker;
  }

  async write(baseUrl: string, n: number, id: string): Promise<void> {
    this.sentAt.set(id, performance.now());
    const reply = await postRelease(baseUrl, n, id);
    this.http.set(id, reply.ms);
    if (reply.status !== 201) this.refused.add(id);
    if (reply.releaseId) this.byRelease.set(reply.releaseId, id);
  }

  ids(label: string): string[] {
    return [...this.sentAt.keys()].filter((id) => id.startsWith(`${label}-`) && !this.refused.has(id));
  }

  seenAny(): boolean {
    return this.arrived.size > 0;
  }

  /** How long the oldest accepted write of `label` has been waiting for its passport (0 if none is). */
  oldestWaitingMs(label: string): number {
    const now = performance.now();
    let oldest = 0;
    for (const id of this.ids(label)) if (!this.arrived.has(id)) oldest = Math.max(oldest, now - this.sentAt.get(id)!);
    return oldest;
  }

  /** Percentiles; writes still not reflected count with the time waited so far (so p99 is then a lower bound). */
  summary(label: string) {
    const now = performance.now();
    const ids = this.ids(label);
    const latencies = ids.map((id) => (this.arrived.get(id) ?? now) - this.sentAt.get(id)!);
    const http = ids.map((id) => this.http.get(id) ?? 0);
    return {
      writes: ids.length,
      refused: [...this.refused].filter((id) => id.startsWith(`${label}-`)).length,
      notReflected: ids.filter((id) => !this.arrived.has(id)).length,
      p50: round(percentile(latencies, 50), 1),
      p99: round(percentile(latencies, 99), 1),
      max: round(
        latencies.reduce((a, b) => Math.max(a, b), 0),
        1,
      ),
      httpP99: round(percentile(http, 99), 1),
    };
  }

  /** p50 / p99 of each hop: API write → release.scheduled on Kafka → passport.updated on Kafka. */
  hops(label: string) {
    const ids = this.ids(label).filter((id) => this.onKafka.has(id) && this.arrived.has(id));
    const first = ids.map((id) => this.onKafka.get(id)! - this.sentAt.get(id)!);
    const second = ids.map((id) => this.arrived.get(id)! - this.onKafka.get(id)!);
    const at = (values: number[], p: number) => round(percentile(values, p), 1);
    return {
      toReleaseTopic: { p50: at(first, 50), p99: at(first, 99) },
      toPassportTopic: { p50: at(second, 50), p99: at(second, 99) },
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.stops.map((stop) => stop()));
  }
}
