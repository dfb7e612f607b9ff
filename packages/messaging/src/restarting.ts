/**
 * Keeps one consumer running for a subscription. kafkajs restarts a consumer itself only after retriable errors; after
 * any other crash (e.g. a broker that came back with a different view of the group) a fresh one is started here, so a
 * subscription never silently stops. `stop` is final: it waits for a start in flight and stops what it started, so no
 * consumer outlives its subscription.
 */
export class Restarting<C> {
  private current: C | undefined;
  private starting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    /** Starts a consumer; it calls `crashed` when it stops for good on its own. */
    private readonly startOne: (crashed: () => void) => Promise<C>,
    private readonly stopOne: (consumer: C) => Promise<void>,
    /** Lets go of a consumer that crashed (kafkajs has already disconnected it). */
    private readonly forgetOne: (consumer: C) => void,
    /** How long to wait before the nth attempt to start again. */
    private readonly delayMs: (attempt: number) => number,
  ) {}

  /** The first start: its failure is the caller's to handle. */
  async start(): Promise<C> {
    this.current = await this.startOne(() => this.restart(1));
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.starting;
    const last = this.current;
    this.current = undefined;
    if (last !== undefined) await this.stopOne(last);
  }

  private restart(attempt: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      if (this.current !== undefined) this.forgetOne(this.current);
      this.current = undefined;
      this.starting = this.startOne(() => this.restart(1))
        .then(
          (consumer) => {
            this.current = consumer;
          },
          () => this.restart(attempt + 1),
        )
        .finally(() => {
          this.starting = undefined;
        });
    }, this.delayMs(attempt));
  }
}
