import type { Shown } from '@resettle/contracts';

/** Counts from 1 to this minus one are shown as "<5" so that no woman can be singled out. */
export const SUPPRESS_UNDER = 5;

const small = (count: number) => count > 0 && count < SUPPRESS_UNDER;

/** Primary suppression of one count. */
export function shownCount(count: number): Shown {
  return small(count) ? '<5' : count;
}

/** A total a count is part of: its true value and how it will be published. */
export interface Total {
  count: number;
  shown: Shown;
}

/**
 * A part of one or more totals (a part of a part is a part of both). Shown only if no rest (total − part), which anyone
 * can work out by subtraction from a published total, is a number from 1 to 4: otherwise the part is withheld.
 */
export function shownPart(part: number, ...totals: Total[]): Shown {
  const primary = shownCount(part);
  if (primary !== part) return primary;
  const revealing = totals.some((total) => typeof total.shown === 'number' && small(total.count - part));
  return revealing ? '[c]' : primary;
}

/** A share of two published counts; null where either is not a number, so no share gives a hidden count away. */
export function shownShare(part: Shown, total: Shown): number | null {
  if (typeof part !== 'number' || typeof total !== 'number' || total === 0) return null;
  return Math.round((part / total) * 1000) / 1000;
}
