import { describe, expect, it } from 'vitest';
import shipped from '../data/bank-holidays.json' with { type: 'json' };
import { calendarFromGovUk, defaultCalendar } from './calendar.js';
import { computedBankHolidays } from './computed-holidays.js';
import { easterSunday } from './easter.js';

const calendar = defaultCalendar();
const published = shipped['england-and-wales'].events;
const fallbackOnly = calendarFromGovUk({ 'england-and-wales': { division: 'england-and-wales', events: [] } });

describe('Easter (anonymous Gregorian algorithm)', () => {
  it.each([
    [2018, '2018-04-01'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, easter) => expect(easterSunday(year)).toBe(easter));
});

describe('computed fallback against the published data', () => {
  // One-off changes the fallback cannot know: [dates only in the data, dates only in the fallback].
  const oneOffs: Record<number, [string[], string[]]> = {
    2020: [['2020-05-08'], ['2020-05-04']],
    2022: [['2022-06-02', '2022-06-03', '2022-09-19'], ['2022-05-30']],
    2023: [['2023-05-08'], []],
  };

  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])(
    '%i matches, one-off holidays apart',
    (year) => {
      const [onlyPublished, onlyComputed] = oneOffs[year] ?? [[], []];
      const data = published.filter((event) => event.date.startsWith(`${year}-`));
      const computed = computedBankHolidays(year);
      const expected = data.filter((event) => !onlyPublished.includes(event.date));
      const actual = computed.filter((holiday) => !onlyComputed.includes(holiday.date));
      expect(actual.map(({ date, title }) => ({ date, title }))).toEqual(
        expected.map(({ date, title }) => ({ date, title })),
      );
      expect(actual.map((holiday) => holiday.substitute)).toEqual(
        expected.map((event) => event.notes === 'Substitute day'),
      );
      for (const date of onlyComputed) expect(computed.map((holiday) => holiday.date)).toContain(date);
    },
  );

  it('the shipped data covers 2018 to 2027', () => {
    expect([...calendar.publishedYears].sort()).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });
});

describe('computed fallback beyond the data', () => {
  it.each([
    [
      2028,
      ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
    ],
    [
      2030,
      ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'],
    ],
    [
      2031,
      ['2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26'],
    ],
    [
      2032,
      ['2032-01-01', '2032-03-26', '2032-03-29', '2032-05-03', '2032-05-31', '2032-08-30', '2032-12-27', '2032-12-28'],
    ],
  ])('%i', (year, dates) => {
    expect(computedBankHolidays(year).map((holiday) => holiday.date)).toEqual(dates);
    for (const date of dates) expect(calendar.isBankHoliday(date)).toBe(true);
  });

  it.each([
    ['Christmas on a Friday (2026)', 2026, ['2026-12-25', '2026-12-28']],
    ['Christmas on a Saturday (2027)', 2027, ['2027-12-27', '2027-12-28']],
    ['Christmas on a Sunday (2022)', 2022, ['2022-12-26', '2022-12-27']],
    ['Christmas on a Tuesday (2029)', 2029, ['2029-12-25', '2029-12-26']],
  ])('%s', (_, year, dates) => {
    expect(
      computedBankHolidays(year)
        .slice(-2)
        .map((holiday) => holiday.date),
    ).toEqual(dates);
  });

  it('New Year on a Saturday or Sunday moves to the Monday', () => {
    expect(computedBankHolidays(2033)[0]?.date).toBe('2033-01-03');
    expect(computedBankHolidays(2034)[0]?.date).toBe('2034-01-02');
  });

  it('a calendar with no data uses the fallback for every year', () => {
    expect(fallbackOnly.isBankHoliday('2026-04-03')).toBe(true);
    expect(fallbackOnly.isBankHoliday('2022-09-19')).toBe(false);
  });
});

describe('working days', () => {
  it('names the one-off holidays', () => {
    expect(calendar.holidayName('2020-05-08')).toBe('Early May bank holiday (VE day)');
    expect(calendar.holidayName('2022-06-03')).toBe('Platinum Jubilee bank holiday');
    expect(calendar.holidayName('2022-09-19')).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
    expect(calendar.holidayName('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(calendar.holidayName('2020-05-04')).toBeNull();
    expect(calendar.holidayName('2022-05-30')).toBeNull();
  });

  it('steps over weekends and holidays', () => {
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false);
    expect(calendar.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
    expect(calendar.nextWorkingDay('2026-04-02')).toBe('2026-04-07');
    expect(calendar.nextWorkingDay('2027-12-24')).toBe('2027-12-29');
    expect(calendar.previousWorkingDay('2022-06-06')).toBe('2022-06-01');
    expect(calendar.isFollowedByNonWorkingDay('2022-09-16')).toBe(true);
    expect(calendar.isFollowedByNonWorkingDay('2023-05-05')).toBe(true);
    expect(calendar.isFollowedByNonWorkingDay('2026-04-01')).toBe(false);
  });

  it('DST Sundays are ordinary weekend days', () => {
    expect(calendar.previousWorkingDay('2026-03-30')).toBe('2026-03-27');
    expect(calendar.nextWorkingDay('2026-10-23')).toBe('2026-10-26');
  });

  it('refuses data that is not in the GOV.UK shape', () => {
    expect(() => calendarFromGovUk({ scotland: { division: 'scotland', events: [] } })).toThrow(/england-and-wales/);
    const bad = {
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'x', date: '2026-13-01' }] },
    };
    expect(() => calendarFromGovUk(bad)).toThrow(TypeError);
  });
});
