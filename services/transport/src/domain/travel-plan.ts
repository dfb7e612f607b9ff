import type { TravelDestination, TravelMode } from '@resettle/contracts';
import { ARRIVAL_MARGIN_MINUTES } from '@resettle/rules';

export type { TravelDestination, TravelMode };

export interface TravelPlan {
  mode: TravelMode;
  /** Who meets her at the gate (person or service); required for 'met-at-gate'. */
  metBy: string | null;
  /** Instants, ISO with offset. */
  departureAt: string;
  expectedArrivalAt: string;
  destination: TravelDestination;
  arrangedBy: string;
  escorted: boolean;
}

/** What transport knows of the release and the first appointment (copied from other services' events). */
export interface TravelFacts {
  /** Instant, ISO with offset. */
  gateAt: string;
  firstAppointmentAt: string | null;
  /** 'YYYY-MM-DD', Europe/London. */
  releaseDate: string;
}

export interface TravelSettings {
  /** She must arrive at least this long before her first appointment (ARRIVAL_MARGIN_MINUTES, shared). */
  appointmentMarginMinutes: number;
  /** Local 'HH:mm' (Europe/London) on the release day by which she must have arrived. */
  eveningCutoff: string;
  /** Journeys longer than this (real elapsed time) are flagged when she travels alone. */
  longJourneyHours: number;
}

export const DEFAULT_TRAVEL_SETTINGS: TravelSettings = {
  appointmentMarginMinutes: ARRIVAL_MARGIN_MINUTES,
  eveningCutoff: '17:00',
  longJourneyHours: 3,
};
