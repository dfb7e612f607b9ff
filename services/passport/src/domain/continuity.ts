import { calendarDaysUntil } from './dates.js';

/** The national measure beside ours: OHID continuity of care (England, adults starting treatment within 3 weeks). */
export const NATIONAL_CONTINUITY = [
  { year: '2021-22', share: 0.37 },
  { year: '2022-23', share: 0.43 },
  { year: '2023-24', share: 0.53 },
] as const;

export const WITHIN_DAYS = 21;
/** Counts under this are shown as "<5" so that no woman can be singled out. */
export const SUPPRESS_UNDER = 5;

/** One release, as the passport knows it once she has left. */
export interface ContinuityRelease {
  prisonCode: string;
  /** 'YYYY-MM' of the release date. */
  month: string;
  releaseDate: string;
  /** Null while the outcome awaits an owner's re-check. */
  complete: boolean | null;
  firstAppointmentAttended: boolean;
  treatmentStartedOn: string | null;
}

export interface ContinuityCounts {
  prisonCode: string;
  month: string;
  releases: number;
  releasedComplete: number;
  firstAppointmentAttended: number;
  startedWithin21Days: number;
}

/** A late report keeps its real date: a start more than 21 days after release never counts. */
export function startedWithin(release: Pick<ContinuityRelease, 'releaseDate' | 'treatmentStartedOn'>): boolean {
  if (!release.treatmentStartedOn) return false;
  const days = calendarDaysUntil(release.releaseDate, release.treatmentStartedOn);
  return days >= 0 && days <= WITHIN_DAYS;
}

/** Per prison and month of release; each release counts once, whatever was recorded for it. */
export function continuityCounts(releases: readonly ContinuityRelease[]): ContinuityCounts[] {
  const groups = new Map<string, ContinuityCounts>();
  for (const release of releases) {
    const key = `${release.prisonCode}|${release.month}`;
    const counts = groups.get(key) ?? {
      prisonCode: release.prisonCode,
      month: release.month,
      releases: 0,
      releasedComplete: 0,
      firstAppointmentAttended: 0,
      startedWithin21Days: 0,
    };
    counts.releases += 1;
    if (release.complete === true) counts.releasedComplete += 1;
    if (release.firstAppointmentAttended) counts.firstAppointmentAttended += 1;
    if (startedWithin(release)) counts.startedWithin21Days += 1;
    groups.set(key, counts);
  }
  return [...groups.values()].sort(
    (a, b) => b.month.localeCompare(a.month) || a.prisonCode.localeCompare(b.prisonCode),
  );
}

export type Shown = number | '<5';

export interface ContinuityFigure {
  prisonCode: string;
  month: string;
  releases: Shown;
  releasedComplete: Shown;
  firstAppointmentAttended: Shown;
  startedWithin21Days: Shown;
  /** Shares of releases; null where a count behind them is suppressed. */
  shares: {
    releasedComplete: number | null;
    firstAppointmentAttended: number | null;
    startedWithin21Days: number | null;
  };
}

const shown = (count: number): Shown => (count > 0 && count < SUPPRESS_UNDER ? '<5' : count);

function share(count: number, of: number): number | null {
  if (of === 0 || shown(count) === '<5' || shown(of) === '<5') return null;
  return Math.round((count / of) * 1000) / 1000;
}

/** What may be published: small counts suppressed, and no share that would give them away. */
export function continuityFigure(counts: ContinuityCounts): ContinuityFigure {
  const { releases } = counts;
  return {
    prisonCode: counts.prisonCode,
    month: counts.month,
    releases: shown(releases),
    releasedComplete: shown(counts.releasedComplete),
    firstAppointmentAttended: shown(counts.firstAppointmentAttended),
    startedWithin21Days: shown(counts.startedWithin21Days),
    shares: {
      releasedComplete: share(counts.releasedComplete, releases),
      firstAppointmentAttended: share(counts.firstAppointmentAttended, releases),
      startedWithin21Days: share(counts.startedWithin21Days, releases),
    },
  };
}

const CSV_HEADER = [
  'prison',
  'month',
  'releases',
  'released_complete',
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
      figure.firstAppointmentAttended,
      figure.startedWithin21Days,
      figure.shares.releasedComplete ?? '',
      figure.shares.firstAppointmentAttended ?? '',
      figure.shares.startedWithin21Days ?? '',
    ].join(','),
  );
  return `${[CSV_HEADER.join(','), ...lines].join('\n')}\n`;
}
