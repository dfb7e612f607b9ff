import { defaultCalendar } from '@resettle/calendar';
import { describe, expect, it } from 'vitest';
import { checkRelease, checkRequestedDate } from './check-release.js';
import type { DayOfReleaseEligibilityFacts } from './eligibility.js';

const calendar = defaultCalendar();
const eligibility: DayOfReleaseEligibilityFacts = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 60,
};
const context = { calendar, now: new Date('2026-03-01T10:00:00Z') };
const easter = {
  legalReleaseDate: '2026-04-06',
  gateTime: '09:00',
  eligibility,
  secondDayApproved: false,
  from: 'PRISON' as const,
};

describe('checkRelease', () => {
  it('Easter Monday 2026 legal date: released Wednesday 1 April at 09:00 BST', () => {
    expect(checkRelease(easter, context)).toMatchObject({
      allowed: true,
      releaseDate: '2026-04-01',
      gateTime: '09:00',
      gateAt: '2026-04-01T09:00:00+01:00',
      weekendCoverPlanRequired: false,
      shortNotice: false,
      shortNoticeReason: null,
      rulesApplied: [{ rule: 'NON_WORKING_DAY' }, { rule: 'PRE_BANK_HOLIDAY' }],
    });
  });

  it('refuses a late gate time with the nearest allowed time on the release date', () => {
    expect(checkRelease({ ...easter, gateTime: '14:30' }, context)).toEqual({
      allowed: false,
      refusal: {
        rule: 'LATE_GATE_TIME',
        message: expect.stringContaining('Wednesday 1 April 2026'),
        asked: { date: '2026-04-01', time: '14:30' },
        nearestAllowed: { date: '2026-04-01', time: '12:00' },
      },
    });
  });

  it('uses the prison’s own window', () => {
    const result = checkRelease(
      { ...easter, gateTime: '08:15', prisonWindow: { opens: '08:30', closes: '11:00' } },
      context,
    );
    expect(result).toMatchObject({ refusal: { rule: 'EARLY_GATE_TIME', nearestAllowed: { time: '08:30' } } });
  });

  it('flags court, video-link and under-48-hour releases as short notice', () => {
    expect(checkRelease({ ...easter, from: 'COURT' }, context)).toMatchObject({
      shortNotice: true,
      shortNoticeReason: 'COURT',
    });
    const late = { calendar, now: new Date('2026-03-30T12:00:00Z') };
    expect(checkRelease(easter, late)).toMatchObject({ shortNotice: true, shortNoticeReason: 'UNDER_48_HOURS_NOTICE' });
  });

  it('when the moved day has passed, she leaves on the day s.23 fixes: short notice, with a warning and cover plan', () => {
    const now = new Date('2026-04-02T06:00:00Z');
    expect(checkRelease(easter, { calendar, now })).toMatchObject({
      allowed: true,
      releaseDate: '2026-04-02',
      gateAt: '2026-04-02T09:00:00+01:00',
      shortNotice: true,
      shortNoticeReason: 'UNDER_48_HOURS_NOTICE',
      weekendCoverPlanRequired: true,
      rulesApplied: [{ rule: 'NON_WORKING_DAY' }, { rule: 'MOVE_DAY_PASSED', from: '2026-04-02', to: '2026-04-02' }],
      warnings: [{ rule: 'PRE_BANK_HOLIDAY', message: expect.stringContaining('Wednesday 1 April 2026) has passed') }],
    });
  });

  it('a gate time already gone today offers the next quarter hour in the window', () => {
    const now = new Date('2026-04-01T09:20:00+01:00');
    expect(checkRelease(easter, { calendar, now })).toMatchObject({
      refusal: { rule: 'GATE_TIME_IN_PAST', nearestAllowed: { date: '2026-04-01', time: '09:30' } },
    });
  });

  it('an ineligible Friday release stands with a weekend cover plan', () => {
    const hdc = {
      ...easter,
      legalReleaseDate: '2026-06-12',
      eligibility: { ...eligibility, homeDetentionCurfew: true },
    };
    expect(checkRelease(hdc, context)).toMatchObject({
      allowed: true,
      releaseDate: '2026-06-12',
      weekendCoverPlanRequired: true,
    });
  });
});

describe('checkRequestedDate (legal release date Easter Monday 2026)', () => {
  const ask = (requestedDate: string, secondDayApproved = false) =>
    checkRequestedDate({ ...easter, requestedDate, secondDayApproved }, context);

  it.each([
    ['2026-04-07', 'AFTER_LEGAL_RELEASE_DATE', '2026-04-01'],
    ['2026-04-06', 'NON_WORKING_DAY', '2026-04-01'],
    ['2026-04-03', 'NON_WORKING_DAY', '2026-04-01'],
    ['2026-04-02', 'PRE_BANK_HOLIDAY', '2026-04-01'],
    ['2026-03-31', 'TOO_EARLY', '2026-04-01'],
    ['2026-02-27', 'RELEASE_DATE_IN_PAST', '2026-04-01'],
  ])('%s is refused: %s, nearest %s', (date, rule, nearest) => {
    expect(ask(date)).toEqual({
      allowed: false,
      refusal: {
        rule,
        message: expect.any(String),
        asked: { date, time: '09:00' },
        nearestAllowed: { date: nearest, time: '09:00' },
      },
    });
  });

  it('Wednesday 1 April is allowed', () => {
    expect(ask('2026-04-01')).toMatchObject({ allowed: true, releaseDate: '2026-04-01' });
  });

  it('Tuesday 31 March only with an approved second-day request', () => {
    expect(ask('2026-03-31')).toMatchObject({ refusal: { message: expect.stringContaining('approved request') } });
    expect(ask('2026-03-31', true)).toMatchObject({
      allowed: true,
      releaseDate: '2026-03-31',
      rulesApplied: [
        { rule: 'NON_WORKING_DAY', to: '2026-04-02' },
        { rule: 'PRE_BANK_HOLIDAY', from: '2026-04-02', to: '2026-03-31' },
        { rule: 'SECOND_DAY_APPROVED' },
      ],
    });
    expect(ask('2026-03-30', true)).toMatchObject({
      refusal: { rule: 'TOO_EARLY', nearestAllowed: { date: '2026-03-31' } },
    });
  });

  it('Christmas 2024: with no allowed day in the window the Friday itself is allowed', () => {
    const request = { ...easter, legalReleaseDate: '2024-12-27' };
    const before = { calendar, now: new Date('2024-12-01T10:00:00Z') };
    expect(checkRequestedDate({ ...request, requestedDate: '2024-12-27' }, before)).toMatchObject({
      allowed: true,
      noAllowedDayInWindow: true,
      weekendCoverPlanRequired: true,
    });
    expect(checkRequestedDate({ ...request, requestedDate: '2024-12-24' }, before)).toMatchObject({
      refusal: { rule: 'PRE_BANK_HOLIDAY', nearestAllowed: { date: '2024-12-27' } },
    });
    const approved = { ...request, secondDayApproved: true, requestedDate: '2024-12-27' };
    expect(checkRequestedDate(approved, before)).toMatchObject({
      refusal: { rule: 'FRIDAY_RELEASE', nearestAllowed: { date: '2024-12-23' } },
    });
  });
});

describe('releases ordered by someone else cannot be refused', () => {
  // Given Friday 20 November 2026, a legal release date she is eligible to move from (to Thursday 19th)
  const friday = { ...easter, legalReleaseDate: '2026-11-20', gateTime: '14:30' };
  const fridayAfternoon = { calendar, now: new Date('2026-11-20T13:45:00Z') };

  it('a court release today after the gate window is recorded as short notice with every warning', () => {
    // When the court releases her on the Friday at 14:30, after the window and after Thursday has gone
    const result = checkRelease({ ...friday, from: 'COURT' }, fridayAfternoon);
    // Then it stands, with the Friday rule and the late gate time as warnings and a weekend cover plan
    expect(result).toMatchObject({
      allowed: true,
      releaseDate: '2026-11-20',
      gateTime: '14:30',
      gateAt: '2026-11-20T14:30:00+00:00',
      shortNotice: true,
      shortNoticeReason: 'COURT',
      weekendCoverPlanRequired: true,
    });
    if (!result.allowed) throw new Error('refused');
    expect(result.warnings.map((warning) => warning.rule)).toEqual(['FRIDAY_RELEASE', 'LATE_GATE_TIME']);
  });

  it('a video-link release whose gate time has already gone stands, saying so', () => {
    const result = checkRelease({ ...friday, gateTime: '13:30', from: 'VIDEO_LINK' }, fridayAfternoon);
    if (!result.allowed) throw new Error(JSON.stringify(result.refusal));
    expect(result.shortNoticeReason).toBe('VIDEO_LINK');
    expect(result.warnings.map((warning) => warning.rule)).toEqual([
      'FRIDAY_RELEASE',
      'LATE_GATE_TIME',
      'GATE_TIME_IN_PAST',
    ]);
  });

  it('a court release on an ordinary weekday after noon warns of the late gate time only', () => {
    const wednesday = { ...easter, legalReleaseDate: '2026-11-18', gateTime: '15:00', from: 'COURT' as const };
    const result = checkRelease(wednesday, { calendar, now: new Date('2026-11-18T14:00:00Z') });
    expect(result).toMatchObject({ allowed: true, releaseDate: '2026-11-18', weekendCoverPlanRequired: false });
    if (!result.allowed) throw new Error('refused');
    expect(result.warnings).toEqual([{ rule: 'LATE_GATE_TIME', message: expect.stringContaining('ordered') }]);
  });

  it('a planner’s ordinary booking with a late gate time is still refused', () => {
    // Given the same late time, from prison, a week ahead
    const result = checkRelease({ ...friday, from: 'PRISON' }, { calendar, now: new Date('2026-11-10T10:00:00Z') });
    // Then the 422 names the rule and the nearest allowed slot, as before
    expect(result).toMatchObject({
      allowed: false,
      refusal: { rule: 'LATE_GATE_TIME', nearestAllowed: { date: '2026-11-19', time: '12:00' } },
    });
  });

  it('a same-day prison release on the Friday with a late gate time is refused while the window is still open', () => {
    const morning = { calendar, now: new Date('2026-11-20T08:30:00Z') };
    expect(checkRelease({ ...friday, from: 'PRISON' }, morning)).toMatchObject({
      refusal: { rule: 'LATE_GATE_TIME', nearestAllowed: { date: '2026-11-20', time: '12:00' } },
    });
    const result = checkRelease({ ...friday, gateTime: '10:00', from: 'PRISON' }, morning);
    expect(result).toMatchObject({ allowed: true, releaseDate: '2026-11-20', shortNotice: true });
    if (!result.allowed) throw new Error('refused');
    expect(result.warnings.map((warning) => warning.rule)).toEqual(['FRIDAY_RELEASE']);
  });

  it('an ordinary release has no warnings', () => {
    expect(checkRelease(easter, context)).toMatchObject({ allowed: true, warnings: [] });
  });
});
