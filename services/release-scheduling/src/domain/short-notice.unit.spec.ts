import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNotice } from './short-notice.js';

const HOUR = 3_600_000;

describe('classifyNotice', () => {
  it('court and video-link releases are always short notice', () => {
    const gateAt = '2026-06-10T09:00:00+01:00';
    const now = new Date('2026-05-01T09:00:00Z');
    expect(classifyNotice({ gateAt, from: 'COURT', now })).toEqual({ shortNotice: true, reason: 'COURT' });
    expect(classifyNotice({ gateAt, from: 'VIDEO_LINK', now })).toEqual({ shortNotice: true, reason: 'VIDEO_LINK' });
    expect(classifyNotice({ gateAt, from: 'PRISON', now })).toEqual({ shortNotice: false, reason: null });
  });

  it('from prison: short notice exactly when under 48 real hours remain', () => {
    const start = Date.parse('2018-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 * 8760 * 60 }),
        fc.integer({ min: -10 * 60, max: 200 * 60 }),
        (at, lead) => {
          const gateAt = new Date(start + at * 60_000).toISOString();
          const now = new Date(start + (at - lead) * 60_000);
          const result = classifyNotice({ gateAt, from: 'PRISON', now });
          expect(result.shortNotice).toBe(lead * 60_000 < 48 * HOUR);
          expect(result.reason).toBe(result.shortNotice ? 'UNDER_48_HOURS_NOTICE' : null);
        },
      ),
    );
  });

  it('counts real hours across DST: Saturday 09:00 to Monday 09:00 is 47 hours in spring, 49 in autumn', () => {
    const spring = {
      gateAt: '2026-03-30T09:00:00+01:00',
      from: 'PRISON' as const,
      now: new Date('2026-03-28T09:00:00Z'),
    };
    expect(classifyNotice(spring)).toEqual({ shortNotice: true, reason: 'UNDER_48_HOURS_NOTICE' });
    const autumn = {
      gateAt: '2026-10-26T09:00:00+00:00',
      from: 'PRISON' as const,
      now: new Date('2026-10-24T08:00:00Z'),
    };
    expect(classifyNotice(autumn)).toEqual({ shortNotice: false, reason: null });
  });

  it('exactly 48 hours is enough notice', () => {
    const now = new Date('2026-06-08T08:00:00Z');
    expect(classifyNotice({ gateAt: '2026-06-10T09:00:00+01:00', from: 'PRISON', now }).shortNotice).toBe(false);
    expect(classifyNotice({ gateAt: '2026-06-10T08:59:00+01:00', from: 'PRISON', now }).shortNotice).toBe(true);
  });
});
