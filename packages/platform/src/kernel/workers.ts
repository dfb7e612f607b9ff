import type { Logger } from 'pino';

/** A service's background work (a sweep, a delivery loop), started and stopped by the runtime. */
export interface Worker {
  name: string;
  start(): void | Promise<void>;
  /** Resolves when the work in hand is finished; nothing new starts after it is called. */
  stop(): Promise<void>;
}

/** Starts workers in the order listed and stops them in reverse. */
export class Workers {
  constructor(
    private readonly workers: Worker[],
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    for (const worker of this.workers) {
      await worker.start();
      this.logger.debug({ worker: worker.name }, 'worker started');
    }
  }

  async stop(): Promise<void> {
    for (const worker of [...this.workers].reverse()) await worker.stop();
  }
}

/**
 * A worker that runs `tick` every `intervalMs` (never two at once), and once at start when `runAtStart` is set.
 * A failed tick is logged and the next one runs on time.
 */
export function everyInterval(
  name: string,
  intervalMs: number,
  tick: () => Promise<unknown>,
  logger: Logger,
  { runAtStart = false } = {},
): Worker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await tick();
      } catch (error) {
        logger.warn({ err: error, worker: name }, 'worker tick failed; next one on schedule');
      }
    });
  };
  return {
    name,
    start: () => {
      if (intervalMs <= 0) return;
      if (runAtStart) run();
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
