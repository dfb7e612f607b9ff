import { addDays, LONDON } from '@resettle/calendar';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkGateTime } from './gate-time.js';

const anyDate = fc.integer({ min: 0, max: 15 * 366 }).map((n) => addDays('2018-01-01', n));
const anyTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const hours = (from: number, to: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Last Sunday of March: UK clocks skip 01:00–01:59. */
function springForward(year: number): string {
  let day = `${year}-03-31`;
  while (DateTime.fromISO(day, { zone: LONDON }).weekday !== 7) day = addDays(day, -1);
  return day;
}

describe('checkGateTime', () => {
  it('accepts exactly the times inside the default window, on the same local date and wall-clock time', () => {
    fc.assert(
      fc.property(anyDate, anyTime, (releaseDate, gateTime) => {
        const result = checkGateTime({ releaseDate, gateTime });
        const inside = gateTime >= '08:00' && gateTime <= '12:00';
        expect(result.ok).toBe(inside);
        if (!result.ok) return;
        const local = DateTime.fromISO(result.gateAt, { zone: LONDON });
        expect(local.toISODate()).toBe(releaseDate);
        expect(local.toFormat('HH:mm')).toBe(gateTime);
        expect(result.gateAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[01]:00$/);
        expect(result.gateAt.endsWith(local.isInDST ? '+01:00' : '+00:00')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses early and late times with the nearest end of the window', () => {
    fc.assert(
      fc.property(anyDate, hours(2, 7), (releaseDate, gateTime) => {
        expect(checkGateTime({ releaseDate, gateTime })).toEqual({
          ok: false,
          rule: 'EARLY_GATE_TIME',
          asked: gateTime,
          nearestAllowed: '08:00',
        });
      }),
    );
    fc.assert(
      fc.property(anyDate, hours(12, 23), (releaseDate, gateTime) => {
        fc.pre(gateTime > '12:00');
        expect(checkGateTime({ releaseDate, gateTime })).toMatchObject({
          rule: 'LATE_GATE_TIME',
          nearestAllowed: '12:00',
        });
      }),
    );
  });

  it('uses a prison’s own window', () => {
    fc.assert(
      fc.property(anyDate, anyTime, (releaseDate, gateTime) => {
        const result = checkGateTime({ releaseDate, gateTime }, { opens: '09:30', closes: '11:00' });
        expect(result.ok).toBe(gateTime >= '09:30' && gateTime <= '11:00');
      }),
    );
  });

  it('a time in the spring-forward gap is nonexistent, on that Sunday only', () => {
    const window = { opens: '00:00', closes: '23:59' };
    fc.assert(
      fc.property(fc.integer({ min: 2018, max: 2040 }), hours(1, 1), (year, gateTime) => {
        const releaseDate = springForward(year);
        expect(checkGateTime({ releaseDate, gateTime }, window)).toMatchObject({
          ok: false,
          rule: 'NONEXISTENT_LOCAL_TIME',
        });
        expect(checkGateTime({ releaseDate: addDays(releaseDate, -1), gateTime }, window).ok).toBe(true);
        expect(checkGateTime({ releaseDate: addDays(releaseDate, 1), gateTime }, window).ok).toBe(true);
      }),
    );
  });

  it('01:30 on Sunday 29 March 2026 does not exist', () => {
    expect(checkGateTime({ releaseDate: '2026-03-29', gateTime: '01:30' })).toEqual({
      ok: false,
      rule: 'NONEXISTENT_LOCAL_TIME',
      asked: '01:30',
      nearestAllowed: '08:00',
    });
    expect(
      checkGateTime({ releaseDate: '2026-03-29', gateTime: '01:30' }, { opens: '00:30', closes: '03:00' }),
    ).toMatchObject({
      rule: 'NONEXISTENT_LOCAL_TIME',
      nearestAllowed: '02:30',
    });
  });

  it.each([
    ['2026-03-27', '2026-03-27T09:00:00+00:00'],
    ['2026-03-29', '2026-03-29T09:00:00+01:00'],
    ['2026-03-30', '2026-03-30T09:00:00+01:00'],
    ['2026-10-23', '2026-10-23T09:00:00+01:00'],
    ['2026-10-25', '2026-10-25T09:00:00+00:00'],
    ['2026-10-26', '2026-10-26T09:00:00+00:00'],
  ])('09:00 on %s stays 09:00 local: %s', (releaseDate, gateAt) => {
    expect(checkGateTime({ releaseDate, gateTime: '09:00' })).toEqual({ ok: true, gateAt });
  });

  it('the repeated autumn hour takes the earlier (BST) instant', () => {
    const all = { opens: '00:00', closes: '23:59' };
    expect(checkGateTime({ releaseDate: '2026-10-25', gateTime: '01:30' }, all)).toEqual({
      ok: true,
      gateAt: '2026-10-25T01:30:00+01:00',
    });
  });

  it('rejects malformed input', () => {
    expect(() => checkGateTime({ releaseDate: '2026-03-30', gateTime: '9:00' })).toThrow(RangeError);
    expect(() => checkGateTime({ releaseDate: '2026-03-30', gateTime: '24:00' })).toThrow(RangeError);
    expect(() =>
      checkGateTime({ releaseDate: '2026-03-30', gateTime: '09:00' }, { opens: '12:00', closes: '08:00' }),
    ).toThrow(RangeError);
  });
});
