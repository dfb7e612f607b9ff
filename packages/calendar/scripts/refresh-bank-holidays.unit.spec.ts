import { describe, expect, it } from 'vitest';
import { describeChanges, merge } from './refresh-bank-holidays.js';

const event = (date: string, title: string) => ({ title, date, notes: '', bunting: true });
const division = (...events: ReturnType<typeof event>[]) => ({
  'england-and-wales': { division: 'england-and-wales', events },
});

describe('refresh-bank-holidays', () => {
  it('replaces the years the source covers and keeps older years (one-off holidays survive)', () => {
    const current = division(event('2022-09-19', 'State Funeral'), event('2026-12-28', 'Boxing Day'));
    const incoming = division(event('2026-12-28', 'Boxing Day (substitute)'), event('2028-01-03', 'New Year’s Day'));
    const merged = merge(current, incoming);
    expect(merged['england-and-wales']?.events.map((e) => e.date)).toEqual(['2022-09-19', '2026-12-28', '2028-01-03']);
    expect(describeChanges(current, merged)).toEqual([
      'england-and-wales: + 2028-01-03 New Year’s Day',
      'england-and-wales: ~ 2026-12-28 Boxing Day -> Boxing Day (substitute)',
    ]);
  });
});
