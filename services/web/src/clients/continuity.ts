import type { ApiCall } from './api.js';
import { stringValues } from './release-scheduling.js';

/** A published count: the number, '<5' for 1 to 4, '[c]' withheld so a smaller number cannot be worked out. */
export type Shown = number | '<5' | '[c]';

export interface ContinuityFigure {
  prisonCode: string;
  /** 'YYYY-MM' of the release date. */
  month: string;
  releases: Shown;
  releasedComplete: Shown;
  withTreatmentNeed: Shown;
  firstAppointmentAttended: Shown;
  startedWithin21Days: Shown;
  shares: {
    releasedComplete: number | null;
    firstAppointmentAttended: number | null;
    startedWithin21Days: number | null;
  };
}

export interface NationalFigure {
  year: string;
  share: number;
}

export interface ContinuityAnswer {
  items: ContinuityFigure[];
  withinDays: number;
  suppressedUnder: number;
  national: { source: string; figures: NationalFigure[] };
}

export type ContinuityQuery = {
  prison?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** passport: continuity of care per prison and month (aggregates, small counts suppressed by the API). */
export function continuity(call: ApiCall, token: string) {
  const query = (filters: ContinuityQuery) => new URLSearchParams(stringValues(filters)).toString();
  return {
    figures: (filters: ContinuityQuery) => call<ContinuityAnswer>(token, 'GET', `/api/continuity?${query(filters)}`),
    csv: (filters: ContinuityQuery) => call<string>(token, 'GET', `/api/continuity.csv?${query(filters)}`),
  };
}
