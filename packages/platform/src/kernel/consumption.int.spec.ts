import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { cancelledEvent, createHarness, type Harness } from '@resettle/messaging/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTracing } from '../observability/tracing.js';
import { plumbingFor } from './consumption.js';

const clock = () => new Date('2026-11-02T10:00:00.000Z');
const traceId = (n: number) => `${n}`.padStart(32, 'a');
const traceParent = (n: number) => `00-${traceId(n)}-${'b'.repeat(16)}-01`;

describe('a run of consumed events, each in a unit of work of its own, written together', () => {
  let harness: Harness;
  beforeAll(async () => {
    installTracing({ exporter: new InMemorySpanExporter() });
    harness = await createHarness('consumption');
  });
  afterAll(() => harness.close());

  /** Consumes release.cancelled and publishes one of its own for her; refuses the event of `refused`, if given. */
  const republishing = (refused?: string) =>
    plumbingFor(
      {
        handlers: () => ({
          'release.cancelled@v1': async (event, work) => {
            const { releaseId, prisonCode } = event.data;
            const data = { releaseId, prisonCode, reason: 'again' };
            work.publish({ type: 'release.cancelled', personId: event.personId, data });
            if (event.personId === refused) throw new Error('a rule refused it');
          },
        }),
      },
      undefined,
      { service: 'release-scheduling', clock },
    );
  const plumbing = republishing();

  it('gives each event published its own cause and its own trace, in the order consumed', async () => {
    const consumed = ['A1111AA', 'B2222BB', 'C3333CC'].map((personId, n) => cancelledEvent(personId, `run-${n}`));
    const headers = new Map(consumed.map((event, n) => [event, { traceparent: traceParent(n) }]));
    await harness.db.transaction((tx) => plumbing.applyBatch!(tx, consumed, (event) => headers.get(event) ?? {}));

    const rows = await harness.sql<
      { payload: { personId: string; correlationId: string; causationId: string }; trace_parent: string }[]
    >`
      select payload, trace_parent from outbox order by seq`;
    expect(rows.map((row) => row.payload.personId)).toEqual(['A1111AA', 'B2222BB', 'C3333CC']);
    rows.forEach((row, n) => {
      expect(row.payload.causationId).toBe(consumed[n]!.id);
      expect(row.payload.correlationId).toBe(consumed[n]!.correlationId);
      expect(row.trace_parent.split('-')[1]).toBe(traceId(n));
    });
  });

  it('writes nothing of the run when one of its events fails', async () => {
    await harness.sql`delete from outbox`;
    const failing = republishing('B2222BB');
    const consumed = ['A1111AA', 'B2222BB'].map((personId, n) => cancelledEvent(personId, `failing-${n}`));
    const run = harness.db.transaction((tx) => failing.applyBatch!(tx, consumed, () => ({})));
    await expect(run).rejects.toThrow('a rule refused it');
    expect(await harness.sql`select 1 from outbox`).toHaveLength(0);
  });
});
