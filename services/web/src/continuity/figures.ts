import type { ContinuityFigure, NationalFigure, Shown } from '@resettle/contracts';
import { DateTime } from 'luxon';

export type MeasureKey = 'releasedComplete' | 'firstAppointmentAttended' | 'startedWithin21Days';

/** The three measures, in the order they are drawn and tabled, with what each is a share of. */
export const MEASURES: { key: MeasureKey; name: string; of: 'releases' | 'withTreatmentNeed' }[] = [
  { key: 'releasedComplete', name: 'Released with a complete passport', of: 'releases' },
  { key: 'firstAppointmentAttended', name: 'First appointment attended', of: 'withTreatmentNeed' },
  { key: 'startedWithin21Days', name: 'Started treatment within 21 days', of: 'withTreatmentNeed' },
];

export interface MeasureCell {
  key: MeasureKey;
  name: string;
  /** The count as the table shows it: a number, "fewer than 5" or "withheld". */
  count: string;
  /** The share plotted, 0 to 1; null when it is not published (never drawn as 0). */
  share: number | null;
  /** "58.3%", or why there is no share. */
  shareText: string;
}

export interface ContinuityRow {
  prisonCode: string;
  month: string;
  /** "January 2027". */
  monthName: string;
  releases: string;
  withTreatmentNeed: string;
  measures: MeasureCell[];
}

/** "58.3%" from 0.583: the API's shares have three decimals, so this is exact. */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

export function countText(count: Shown): string {
  if (count === '<5') return 'fewer than 5';
  if (count === '[c]') return 'withheld';
  return String(count);
}

function whyNoShare(count: Shown, of: Shown): string {
  if (count === '<5') return 'not shown: fewer than 5';
  if (count === '[c]') return 'not shown: withheld';
  if (of === '<5') return 'not shown: fewer than 5 releases';
  if (of === '[c]') return 'not shown: withheld';
  return 'none to count';
}

export function monthName(month: string): string {
  const date = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'Europe/London' });
  return date.isValid ? date.setLocale('en-GB').toFormat('LLLL yyyy') : month;
}

/** One row per prison and month, holding exactly what the chart plots. */
export function continuityRows(items: readonly ContinuityFigure[]): ContinuityRow[] {
  return items.map((item) => ({
    prisonCode: item.prisonCode,
    month: item.month,
    monthName: monthName(item.month),
    releases: countText(item.releases),
    withTreatmentNeed: countText(item.withTreatmentNeed),
    measures: MEASURES.map(({ key, name, of }) => {
      const share = item.shares[key];
      return {
        key,
        name,
        count: countText(item[key]),
        share,
        shareText: share === null ? whyNoShare(item[key], item[of]) : percent(share),
      };
    }),
  }));
}

export interface NationalRow {
  year: string;
  share: number;
  shareText: string;
}

export function nationalRows(figures: readonly NationalFigure[]): NationalRow[] {
  return figures.map((figure) => ({ ...figure, shareText: percent(figure.share) }));
}
