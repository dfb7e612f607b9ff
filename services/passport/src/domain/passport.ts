import type { PATHWAY_STATUSES, PATHWAYS } from '@resettle/contracts';

export type PathwayName = (typeof PATHWAYS)[number];
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

export interface Pathway {
  required: boolean;
  status: PathwayStatus;
  /** Why it is not complete, in words a probation practitioner understands; null when complete or not needed. */
  reason: string | null;
}

export type ReleaseStatus = 'unknown' | 'scheduled' | 'cancelled' | 'released';

/** What the release-scheduling events said about this release. */
export interface ReleaseFacts {
  status: Exclude<ReleaseStatus, 'unknown'>;
  prisonCode: string;
  probationRegion: string | null;
  /** Null only when a cancellation arrived with no schedule before it. */
  releaseDate: string | null;
  gateTime: string | null;
  gateAt: string | null;
  /** Every gate time this release has had, with when it was set: what a provider accepted against. */
  gateHistory: { at: string; gateAt: string }[];
  /** The release date before the latest move, if it ever moved. */
  movedFrom: string | null;
  shortNotice: boolean;
  shortNoticeReason: 'COURT' | 'VIDEO_LINK' | 'UNDER_48_HOURS_NOTICE' | null;
  shortSentence: boolean;
  weekendCoverPlanRequired: boolean;
  cancelledReason: string | null;
  gatePassedAt: string | null;
}

export type HandoffStatus = 'booked' | 'blocked-no-consent' | 'accepted' | 'declined' | 'needs-reconfirmation';

/** Statuses and dates from treatment-continuity's status topic; never the clinical detail. */
export interface HandoffFacts {
  handoffId: string;
  providerId: string;
  status: HandoffStatus;
  dailyOst: boolean;
  naloxoneSupplied: boolean;
  bridgingPrescription: boolean;
  weekendCoverPlan: { prescriptionCoversUntil: string; outOfHoursContact: boolean } | null;
  firstAppointmentAt: string | null;
  femaleKeyWorkerRequested: boolean;
  keyWorkerFemale: boolean | null;
  referrals: { mentalHealth: boolean; domesticAbuse: boolean };
  /** When the provider accepted, by the event's own time (not when it reached the passport). */
  acceptedAt: string | null;
  /** The gate time a re-confirmation was asked and given for; otherwise the gate in force at acceptedAt counts. */
  confirmedForGateAt: string | null;
  /** Set by needs-reconfirmation: the release the provider is asked to confirm again. */
  reconfirmFor: { releaseDate: string | null; gateAt: string | null; reason: string } | null;
  declinedReason: string | null;
}

export interface AccommodationFacts {
  accommodationId: string;
  status: 'confirmed' | 'at-risk' | 'withdrawn';
  type: string;
  confirmedFrom: string | null;
  /** Upstream at-risk: its reason and the release date it was judged against. */
  atRisk: { reason: string; releaseDate: string } | null;
  withdrawnReason: string | null;
}

export interface TransportFacts {
  travelPlanId: string;
  status: 'arranged' | 'at-risk' | 'cancelled';
  mode: string;
  departureAt: string;
  expectedArrivalAt: string;
  destination: 'accommodation' | 'first-appointment';
  atRiskReasons: string[];
  cancelledReason: string | null;
}

export interface PassportFacts {
  release: ReleaseFacts | null;
  handoff: HandoffFacts | null;
  accommodation: AccommodationFacts | null;
  transport: TransportFacts | null;
  lastEventAt: string | null;
}

export type ChecklistItemName = 'naloxone' | 'bridging-prescription' | 'release-night-accommodation' | 'travel';
export interface ChecklistItem {
  item: ChecklistItemName;
  label: string;
  status: 'done' | 'missing' | 'not-needed';
}

export interface Passport {
  personId: string;
  releaseId: string;
  prisonCode: string | null;
  probationRegion: string | null;
  releaseDate: string | null;
  gateTime: string | null;
  gateAt: string | null;
  releaseStatus: ReleaseStatus;
  shortNotice: boolean;
  shortSentence: boolean;
  weekendCoverPlanRequired: boolean;
  pathways: Record<PathwayName, Pathway>;
  /** Only for short-notice releases. */
  shortNoticeChecklist: ChecklistItem[] | null;
  facts: PassportFacts;
}

export interface PassportSettings {
  /** Working days before release at which an incomplete passport is at risk. */
  atRiskWorkingDays: number;
  /** Latest local arrival time on release day, HH:mm. */
  eveningCutoff: string;
}

export const DEFAULT_SETTINGS: PassportSettings = { atRiskWorkingDays: 10, eveningCutoff: '17:00' };

export const PATHWAY_LABELS: Record<PathwayName, string> = {
  release: 'Release',
  treatment: 'Treatment',
  accommodation: 'Accommodation',
  transport: 'Transport',
  'mental-health': 'Mental health',
  'domestic-abuse-support': 'Domestic abuse support',
  'children-and-family': 'Children and family',
  'id-and-finance': 'ID and finance',
};

export const EMPTY_FACTS: PassportFacts = {
  release: null,
  handoff: null,
  accommodation: null,
  transport: null,
  lastEventAt: null,
};
