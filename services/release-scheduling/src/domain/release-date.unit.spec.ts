import { defaultCalendar } from '@resettle/calendar';
import { describe, expect, it } from 'vitest';
import { type DayOfReleaseEligibilityFacts, dayOfReleaseMoveEligibility } from './eligibility.js';
import { adjustReleaseDate } from './release-date.js';

const calendar = defaultCalendar();
const eligible: DayOfReleaseEligibilityFacts = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 90,
};
const onHdc = { ...eligible, homeDetentionCurfew: true };

const adjust = (legalReleaseDate: string, eligibility = eligible, secondDayApproved = false) =>
  adjustReleaseDate({ legalReleaseDate, eligibility, secondDayApproved }, calendar);
const rules = (legalReleaseDate: string, eligibility = eligible, secondDayApproved = false) =>
  adjust(legalReleaseDate, eligibility, secondDayApproved).rulesApplied.map(({ rule, from, to }) => [rule, from, to]);

describe('dayOfReleaseMoveEligibility', () => {
  it('names every reason', () => {
    expect(dayOfReleaseMoveEligibility(eligible)).toEqual({ eligible: true, reasons: [] });
    expect(dayOfReleaseMoveEligibility({ ...eligible, daysServedSinceSentence: 28 }).eligible).toBe(true);
    const none = {
      homeDetentionCurfew: true,
      indeterminateSentence: true,
      paroleBoardRelease: true,
      daysServedSinceSentence: 27,
    };
    expect(dayOfReleaseMoveEligibility(none)).toEqual({
      eligible: false,
      reasons: ['HOME_DETENTION_CURFEW', 'INDETERMINATE_SENTENCE', 'PAROLE_BOARD_RELEASE', 'UNDER_28_DAYS_SERVED'],
    });
  });
});

describe('Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
  it('legal date Thursday 2 April: the day before Good Friday, so release moves to Wednesday 1 April', () => {
    const result = adjust('2026-04-02');
    expect(result.releaseDate).toBe('2026-04-01');
    expect(rules('2026-04-02')).toEqual([['PRE_BANK_HOLIDAY', '2026-04-02', '2026-04-01']]);
    expect(result.rulesApplied[0]?.explanation).toContain(
      'Thursday 2 April 2026 is the last working day before Good Friday',
    );
    expect(result.weekendCoverPlanRequired).toBe(false);
  });

  it.each(['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'])(
    'legal date %s: s.23 gives Thursday, the Act Wednesday',
    (date) => {
      expect(rules(date)).toEqual([
        ['NON_WORKING_DAY', date, '2026-04-02'],
        ['PRE_BANK_HOLIDAY', '2026-04-02', '2026-04-01'],
      ]);
    },
  );

  it('on home detention curfew she leaves on Thursday 2 April with a weekend cover plan', () => {
    const result = adjust('2026-04-02', onHdc);
    expect(result).toMatchObject({ releaseDate: '2026-04-02', weekendCoverPlanRequired: true });
    expect(rules('2026-04-02', onHdc)).toEqual([['INELIGIBLE_DAY_OF_RELEASE_MOVE', '2026-04-02', '2026-04-02']]);
    expect(result.rulesApplied[0]?.explanation).toContain('home detention curfew');
  });

  it('Tuesday 7 April stands', () => {
    expect(adjust('2026-04-07')).toEqual({
      releaseDate: '2026-04-07',
      rulesApplied: [],
      weekendCoverPlanRequired: false,
      noAllowedDayInWindow: false,
    });
  });
});

describe('Christmas and New Year', () => {
  it.each([
    ['2026-12-24', '2026-12-23'],
    ['2026-12-25', '2026-12-23'],
    ['2026-12-28', '2026-12-23'],
    ['2026-12-29', '2026-12-29'],
    ['2026-12-31', '2026-12-30'],
    ['2027-01-01', '2026-12-30'],
    ['2027-01-04', '2027-01-04'],
    ['2027-12-24', '2027-12-23'],
    ['2027-12-27', '2027-12-23'],
    ['2027-12-28', '2027-12-23'],
    ['2027-12-29', '2027-12-29'],
    ['2027-12-31', '2027-12-30'],
    ['2028-01-03', '2027-12-30'],
  ])('legal %s → %s', (legal, release) => expect(adjust(legal).releaseDate).toBe(release));

  it('Friday 27 December 2024: Tuesday 24th is pre-holiday, so no allowed day without approval', () => {
    const result = adjust('2024-12-27');
    expect(result).toMatchObject({
      releaseDate: '2024-12-27',
      noAllowedDayInWindow: true,
      weekendCoverPlanRequired: true,
    });
    expect(result.windowExplanation).toContain('Tuesday 24 December 2024 is followed by Christmas Day and Boxing Day');
    expect(result.windowExplanation).toContain(
      'approved second-day request she could be released on Monday 23 December 2024',
    );
    expect(rules('2024-12-27', eligible, true)).toEqual([
      ['FRIDAY_RELEASE', '2024-12-27', '2024-12-23'],
      ['SECOND_DAY_APPROVED', '2024-12-27', '2024-12-23'],
    ]);
  });

  it('Monday 24 December 2018 (Christmas on a Tuesday): Friday 21st is before a weekend', () => {
    expect(adjust('2018-12-24')).toMatchObject({ releaseDate: '2018-12-24', noAllowedDayInWindow: true });
    expect(adjust('2018-12-24', eligible, true).releaseDate).toBe('2018-12-20');
  });

  it('approval does not move her further than needed', () => {
    expect(adjust('2026-12-24', eligible, true).releaseDate).toBe('2026-12-23');
  });
});

describe('one-off bank holidays', () => {
  it('State Funeral, Monday 19 September 2022', () => {
    expect(rules('2022-09-19')).toEqual([
      ['NON_WORKING_DAY', '2022-09-19', '2022-09-16'],
      ['FRIDAY_RELEASE', '2022-09-16', '2022-09-15'],
    ]);
  });

  it('Coronation, Monday 8 May 2023', () => {
    expect(adjust('2023-05-08').releaseDate).toBe('2023-05-04');
    expect(adjust('2023-05-09').releaseDate).toBe('2023-05-09');
  });

  it('Platinum Jubilee, Thursday 2 and Friday 3 June 2022', () => {
    expect(rules('2022-06-03')).toEqual([
      ['NON_WORKING_DAY', '2022-06-03', '2022-06-01'],
      ['PRE_BANK_HOLIDAY', '2022-06-01', '2022-05-31'],
    ]);
    expect(adjust('2022-06-05').releaseDate).toBe('2022-05-31');
    expect(adjust('2022-06-06').releaseDate).toBe('2022-06-06');
    // The spring bank holiday moved away from Monday 30 May, so that is a working day.
    expect(adjust('2022-05-30').releaseDate).toBe('2022-05-30');
  });

  it('VE day, Friday 8 May 2020', () => {
    expect(adjust('2020-05-08').releaseDate).toBe('2020-05-06');
    expect(adjust('2020-05-04').releaseDate).toBe('2020-05-04');
  });
});

describe('DST weekends do not move dates', () => {
  it.each([
    ['2026-03-29', '2026-03-26'],
    ['2026-03-30', '2026-03-30'],
    ['2026-10-25', '2026-10-22'],
    ['2026-10-26', '2026-10-26'],
  ])('legal %s → %s', (legal, release) => expect(adjust(legal).releaseDate).toBe(release));
});

it('rejects a malformed date', () => {
  expect(() => adjust('2026-02-30')).toThrow(RangeError);
  expect(() => adjust('2026-4-1')).toThrow(RangeError);
});
