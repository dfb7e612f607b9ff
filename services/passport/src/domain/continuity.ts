import type { ContinuityFigure } from '@resettle/contracts';
import { calendarDaysUntil } from './dates.js';
import { shownCount, shownPart, shownShare, type Total } from './suppression.js';

/** The national measure beside ours: OHID continuity of care (England, adults starting treatment within 3 weeks). */
export const NATIONAL_CONTINUITY = [
  { year: '2021-22', share: 0.37 },
  { year: '2022-23', share: 0.43 },
  { year: '2023-24', share: 0.53 },
] as const;

export const WITHIN_DAYS = 21;

/** One release, as the passport knows it once she has left. */
export interface ContinuityRelease {
  prisonCode: string;
  /** 'YYYY-MM' of the release date. */
  month: string;
  releaseDate: string;
  /** Null while the outcome awaits an owner's re-check. */
  complete: boolean | null;
  /** Prison healthcare booked a handoff to a community treatment provider for this release: OHID's cohort. */
  treatmentNeed: boolean;
  firstAppointmentAttended: boolean;
  treatmentStartedOn: string | null;
}

export interface ContinuityCounts {
  prisonCode: string;
  month: string;
  releases: number;
  releasedComplete: number;
  /** The denominator of the two treatment measures (OHID: released with a treatment need). */
  withTreatmentNeed: number;
  firstAppointmentAttended: number;
  startedWithin21Days: number;
}

/** A late report keeps its real date: a start more than 21 days after release never counts. */
export function startedWithin(release: Pick<ContinuityRelease, 'releaseDate' | 'treatmentStartedOn'>): boolean {
  if (!release.treatmentStartedOn) return false;
  const days = calendarDaysUntil(release.releaseDate, release.treatmentStartedOn);
  return days >= 0 && days <= WITHIN_DAYS;
}

/**
 * Per prison and month of release; each release counts once, whatever was recorded for it (so a woman released twice
 * counts twice, and an appointment moved then attended once). The treatment measures count only releases with a need.
 */
export function continuityCounts(releases: readonly ContinuityRelease[]): ContinuityCounts[] {
  const groups = new Map<string, ContinuityCounts>();
  for (const release of releases) {
    const key = `${release.prisonCode}|${release.month}`;
    const counts = groups.get(key) ?? {
      prisonCode: release.prisonCode,
      month: release.month,
      releases: 0,
      releasedComplete: 0,
      withTreatmentNeed: 0,
      firstAppointmentAttended: 0,
      startedWithin21Days: 0,
    };
    counts.releases += 1;
    if (release.complete === true) counts.releasedComplete += 1;
    if (release.treatmentNeed) {
      counts.withTreatmentNeed += 1;
      if (release.firstAppointmentAttended) counts.firstAppointmentAttended += 1;
      if (startedWithin(release)) counts.startedWithin21Days += 1;
    }
    groups.set(key, counts);
  }
  return [...groups.values()].sort(
    (a, b) => b.month.localeCompare(a.month) || a.prisonCode.localeCompare(b.prisonCode),
  );
}

/**
 * What may be published: counts from 1 to 4 suppressed, a count withheld when its total would give away a smaller
 * rest by subtraction (secondary suppression), and no share of a count that is not published.
 */
export function continuityFigure(counts: ContinuityCounts): ContinuityFigure {
  const releases: Total = { count: counts.releases, shown: shownCount(counts.releases) };
  const need: Total = {
    count: counts.withTreatmentNeed,
    shown: shownPart(counts.withTreatmentNeed, releases),
  };
  const releasedComplete = shownPart(counts.releasedComplete, releases);
  const firstAppointmentAttended = shownPart(counts.firstAppointmentAttended, need, releases);
  const startedWithin21Days = shownPart(counts.startedWithin21Days, need, releases);
  return {
    prisonCode: counts.prisonCode,
    month: counts.month,
    releases: releases.shown,
    releasedComplete,
    withTreatmentNeed: need.shown,
    firstAppointmentAttended,
    startedWithin21Days,
    shares: {
      releasedComplete: shownShare(releasedComplete, releases.shown),
      firstAppointmentAttended: shownShare(firstAppointmentAttended, need.shown),
      startedWithin21Days: shownShare(startedWithin21Days, need.shown),
    },
  };
}

const CSV_HEADER = [
  'prison',
  'month',
  'releases',
  'released_complete',
  'with_treatment_need',
  'first_appointment_attended',
  'started_within_21_days',
  'share_released_complete',
  'share_first_appointment_attended',
  'share_started_within_21_days',
];

export function continuityCsv(figures: readonly ContinuityFigure[]): string {
  const lines = figures.map((figure) =>
    [
      figure.prisonCode,
      figure.month,
      figure.releases,
      figure.releasedComplete,
      figure.withTreatmentNeed,
      figure.firstAppointmentAttended,
      figure.startedWithin21Days,
      figure.shares.releasedComplete ?? '',
      figure.shares.firstAppointmentAttended ?? '',
      figure.shares.startedWithin21Days ?? '',
    ].join(','),
  );
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}
