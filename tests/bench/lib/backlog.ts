import { consumerHealth, type Service } from './services.js';

/** Every service's consumer lag and outbox backlog, as `passport 12/0` (lag/outbox); the largest number. */
export class Backlog {
  text = '';
  readonly timeline: { seconds: number; levels: string }[] = [];

  constructor(private readonly services: Service[]) {}

  /** The largest lag or outbox backlog over all services; undefined if one does not answer in 2 s. */
  async level(): Promise<number | undefined> {
    const health = await Promise.all(this.services.map((service) => consumerHealth(service, 2_000)));
    if (health.some((entry) => entry === undefined)) {
      this.text = this.services.map((service, i) => `${service.name} ${health[i] ? 'ok' : 'no answer'}`).join(', ');
      return undefined;
    }
    this.text = this.services.map((s, i) => `${s.name} ${health[i]!.lag}/${health[i]!.outboxPending}`).join(', ');
    return Math.max(...health.map((entry) => Math.max(entry!.lag, entry!.outboxPending)));
  }

  /** Keeps a sample at most every `everyMs`, timed from `since` (for the report's timeline). */
  sample(since: number, everyMs = 2_000): void {
    const seconds = (performance.now() - since) / 1000;
    const last = this.timeline.at(-1);
    if (!last || seconds - last.seconds >= everyMs / 1000) {
      this.timeline.push({ seconds: Number(seconds.toFixed(1)), levels: this.text });
    }
  }
}
