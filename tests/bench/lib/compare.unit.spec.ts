import { describe, expect, it } from 'vitest';
import { medianOfRounds, roundOrder } from './compare.js';
import type { MeasureResult } from './report.js';

const writes = (perSecond: number, ratio: number): MeasureResult => ({
  name: 'whole-path',
  status: 'ok',
  figures: [
    { name: 'API writes', value: perSecond, unit: 'writes/s' },
    { name: 'API writes ÷ bare write', value: ratio, unit: '', target: { kind: 'min', value: 0.5 } },
  ],
});

describe('pnpm bench --compare: rounds', () => {
  it('balances which side goes first: ref, tree, tree, ref, ref, tree', () => {
    expect(roundOrder(1)).toEqual(['ref', 'tree']);
    expect(roundOrder(3)).toEqual(['ref', 'tree', 'tree', 'ref', 'ref', 'tree']);
  });

  it("reports each figure's median over a side's rounds, keeping its unit and target", () => {
    const [merged] = medianOfRounds([[writes(120, 0.15)], [writes(180, 0.12)], [writes(150, 0.2)]]);
    expect(merged?.figures).toEqual([
      { name: 'API writes', value: 150, unit: 'writes/s' },
      { name: 'API writes ÷ bare write', value: 0.15, unit: '', target: { kind: 'min', value: 0.5 } },
    ]);
    expect(medianOfRounds([[writes(120, 0.1)], [writes(180, 0.2)]])[0]?.figures[0]?.value).toBe(150);
  });

  it('leaves out a round that failed, and keeps the reason when every round did', () => {
    const failed: MeasureResult = { name: 'whole-path', status: 'failed', reason: 'broker gone', figures: [] };
    expect(medianOfRounds([[failed], [writes(140, 0.2)]])[0]?.figures[0]?.value).toBe(140);
    expect(medianOfRounds([[failed], [failed]])[0]).toMatchObject({ status: 'failed', reason: 'broker gone' });
  });
});
