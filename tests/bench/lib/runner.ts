import { loadavg } from 'node:os';
import type { BenchOptions, MeasureName } from './options.js';
import { type Figure, type MeasureResult, tableOf } from './report.js';
import { round } from './stats.js';
import { Skip } from './system.js';

const met = ({ target, value }: Figure) =>
  !target || (target.kind === 'min' ? value >= target.value : value < target.value);

/** Runs the measurements asked for, one at a time, and keeps their results (with the machine's load around each). */
export class Runner {
  readonly results: MeasureResult[] = [];

  constructor(
    private readonly options: BenchOptions,
    /** Under `--compare`: which checkout these results are for, printed before each measurement. */
    private readonly side = '',
    private readonly began = performance.now(),
  ) {}

  elapsed(): string {
    return `${Math.round((performance.now() - this.began) / 1000)} s`;
  }

  seconds(): number {
    return round((performance.now() - this.began) / 1000);
  }

  /** A missing service skips the measurement ("skipped: <reason>"); an error fails only that one. */
  async measure<T>(name: MeasureName, work: () => Promise<{ result: MeasureResult; value?: T }>) {
    if (!this.options.only.has(name)) return undefined;
    console.log(`[${this.elapsed()}] ${this.side ? `${this.side}: ` : ''}${name}…`);
    const started = performance.now();
    const loadBefore = round(loadavg()[0] ?? 0, 2);
    let outcome: MeasureResult;
    let value: T | undefined;
    try {
      ({ result: outcome, value } = await work());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      outcome = { name, status: error instanceof Skip ? 'skipped' : 'failed', reason, figures: [] };
    }
    outcome.seconds = round((performance.now() - started) / 1000, 1);
    outcome.loadAverage = { before: loadBefore, after: round(loadavg()[0] ?? 0, 2) };
    this.results.push(outcome);
    console.log(tableOf([outcome]).split('\n').slice(2).join('\n'));
    return value;
  }

  missed(name: MeasureName): boolean {
    return this.results.some((result) => result.name === name && !result.figures.every(met));
  }
}
