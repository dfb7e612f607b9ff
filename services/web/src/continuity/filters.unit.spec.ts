import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { monthChoices, readContinuityFilters } from './filters.js';

const today = DateTime.fromISO('2027-02-10T10:00:00Z');

describe('the continuity page’s filters', () => {
  it('defaults to any prison over the last 12 months', () => {
    expect(readContinuityFilters({}, today)).toEqual({
      filters: { prison: '', from: '2026-03', to: '2027-02' },
      errors: { summary: [], fields: {} },
    });
  });

  it('takes a prison code in any case and a period', () => {
    const read = readContinuityFilters({ prison: ' ehi ', from: '2027-01', to: '2027-01' }, today);
    expect(read.filters).toEqual({ prison: 'EHI', from: '2027-01', to: '2027-01' });
    expect(read.errors.summary).toEqual([]);
  });

  it('names each bad field in plain words', () => {
    const read = readContinuityFilters({ prison: 'Eastwood', from: '2027-13', to: '2027-01' }, today);
    expect(read.errors.summary).toEqual([
      { text: 'Enter the prison as its 3-letter code, like EHI, or leave it empty', href: '#prison' },
      { text: 'Choose the first month of the period', href: '#from' },
    ]);
    const backwards = readContinuityFilters({ from: '2027-02', to: '2027-01' }, today);
    expect(backwards.errors.fields.from?.text).toBe('The first month must be the same as or before the last month');
  });

  it('offers the last 36 months, newest first', () => {
    const choices = monthChoices(today);
    expect(choices).toHaveLength(36);
    expect(choices[0]).toEqual({ value: '2027-02', text: 'February 2027' });
    expect(choices.at(-1)).toEqual({ value: '2024-03', text: 'March 2024' });
  });
});
