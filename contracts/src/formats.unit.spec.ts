import { describe, expect, it } from 'vitest';
import { isCalendarDate, isInstantWithOffset } from './formats.js';

describe('date and instant formats', () => {
  it.each(['2026-11-19', '2028-02-29', '2026-12-31'])('accepts the calendar date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-04-31', '2026-1-19', '19/11/2026', '2026-11-19T00:00:00Z'])(
    'refuses %s as a calendar date',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );

  it.each(['2026-11-19T09:00:00Z', '2026-07-01T09:00:00+01:00', '2026-03-29T01:30:00.123-05:00', '2026-11-19T09:00Z'])(
    'accepts the instant %s',
    (value) => expect(isInstantWithOffset(value)).toBe(true),
  );

  it.each([
    '2026-11-19T09:00:00',
    '2026-11-19 09:00:00Z',
    '2026-02-30T09:00:00Z',
    '2026-11-19T25:00:00Z',
    '2026-11-19',
  ])('refuses %s as an instant', (value) => expect(isInstantWithOffset(value)).toBe(false));
});
