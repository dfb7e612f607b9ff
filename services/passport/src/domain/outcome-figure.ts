import type { Shown } from '@resettle/contracts';
import { shownCount, shownPart, shownShare, type Total } from './suppression.js';

/** One prison and month of releases, as counted. */
export interface OutcomeCounts {
  prisonCode: string;
  month: string;
  releases: number;
  releasedComplete: number;
  awaitingReCheck: number;
}

/** What may be published of them: no count that singles a woman out, directly or by subtraction. */
export interface OutcomeFigure {
  prisonCode: string;
  month: string;
  releases: Shown;
  releasedComplete: Shown;
  awaitingReCheck: Shown;
  /** Released complete as a share of the releases already judged; null where a count behind it is not published. */
  share: number | null;
}

/**
 * Counts from 1 to 4 are shown as '<5'; a count whose rest against a published total is 1 to 4 is withheld ('[c]');
 * the share only of published counts. The same rules as the continuity figures (suppression.ts).
 */
export function outcomeFigure(counts: OutcomeCounts): OutcomeFigure {
  const releases: Total = { count: counts.releases, shown: shownCount(counts.releases) };
  const awaitingReCheck = shownPart(counts.awaitingReCheck, releases);
  const judgedCount = counts.releases - counts.awaitingReCheck;
  const judged: Total = {
    count: judgedCount,
    shown: typeof awaitingReCheck === 'number' ? shownPart(judgedCount, releases) : '[c]',
  };
  const releasedComplete = shownPart(counts.releasedComplete, releases, judged);
  return {
    prisonCode: counts.prisonCode,
    month: counts.month,
    releases: releases.shown,
    releasedComplete,
    awaitingReCheck,
    share: shownShare(releasedComplete, judged.shown),
  };
}
