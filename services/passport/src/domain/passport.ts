import type { PASSPORT_PATHWAY_STATUSES, PATHWAY_OWNERS, PATHWAY_STATUSES, PATHWAYS } from '@resettle/contracts';
import type { AftercareFacts } from './fold-aftercare.js';

export type PathwayName = (typeof PATHWAYS)[number];
/** What an owner can say of a pathway. */
export type JudgedStatus = (typeof PATHWAY_STATUSES)[number];
/** What the passport shows: the owner's verdict, or that it waits for the owner to judge the current release. */
export type PathwayStatus = (typeof PASSPORT_PATHWAY_STATUSES)[number];
export type PathwayOwner = (typeof PATHWAY_OWNERS)[number];

export interface Pathway {
  required: boolean;
  status: PathwayStatus;
  /** Why it is not complete, in words a probation practitioner understands; null when complete or not needed. */
  reason: string | null;
  /** Every reason (the owner's, or why the passport waits for a re-check). */
  reasons: string[];
  /** Who the passport is waiting on for this pathway; null once the owner has judged the current release. */
  owedBy: PathwayOwner | null;
}

export type ReleaseStatus = 'unknown' | 'scheduled' | 'cancelled' | 'released';

/** What changed in the release's latest revision, for the words of an awaiting re-check. */
export interface ReleaseChange {
  kind: 'scheduled' | 'moved' | 'cancelled' | 'released';
  releaseDate: string | null;
}

/** What the release-scheduling events said about this release. */
export interface ReleaseFacts {
  status: Exclude<ReleaseStatus, 'unknown'>;
  /** Grows with every change (v1 events count as 0): what each owner's verdict must have been judged against. */
  revision: number;
  latestChange: ReleaseChange;
  prisonCode: string;
  probationRegion: string | null;
  /** Null only when a cancellation arrived with no schedule before it. */
  releaseDate: string | null;
  gateTime: string | null;
  gateAt: string | null;
  shortNotice: boolean;
  shortNoticeReason: 'COURT' | 'VIDEO_LINK' | 'UNDER_48_HOURS_NOTICE' | null;
  shortSentence: boolean;
  weekendCoverPlanRequired: boolean;
  cancelledReason: string | null;
  gatePassedAt: string | null;
}

/** One owner's verdict on one pathway, as its judgement event said it. */
export interface Judgement {
  owner: PathwayOwner;
  required: boolean;
  status: JudgedStatus;
  reasons: { rule: string; message: string }[];
  missing: string[];
  judgedAgainst: { releaseRevision: number; handoffRevision: number | null };
}

/** Display only, from treatment-continuity's status topic: never clinical detail, never used to judge. */
export interface HandoffFacts {
  handoffId: string;
  status: 'booked' | 'blocked-no-consent' | 'accepted' | 'declined' | 'needs-reconfirmation';
  dailyOst: boolean;
  naloxoneSupplied: boolean;
}

/** Display only: what she has, not whether it will do (accommodation judges that). */
export interface AccommodationFacts {
  accommodationId: string;
  status: 'confirmed' | 'withdrawn';
  type: string;
}

/** Display only: how she travels, not whether it fits (transport judges that). */
export interface TransportFacts {
  travelPlanId: string;
  status: 'arranged' | 'cancelled';
  mode: string;
}

export interface PassportFacts {
  release: ReleaseFacts | null;
  /** Each pathway's owner's latest verdict. */
  judgements: Partial<Record<PathwayName, Judgement>>;
  /**
   * Each pathway's first verdict against the release revision of its latest verdict: the verdict given when the owner
   * first heard of that revision (for the release outcome: the verdict at the gate, whatever came after).
   */
  firstJudgements: Partial<Record<PathwayName, Judgement>>;
  /** The newest handoff revision any verdict was judged against: a verdict naming an older one is out of date. */
  newestHandoffRevision: number | null;
  handoff: HandoffFacts | null;
  accommodation: AccommodationFacts | null;
  transport: TransportFacts | null;
  /** What the provider recorded after her release (absent on passports saved before it existed). */
  aftercare?: AftercareFacts | null;
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
  releaseRevision: number;
  shortNotice: boolean;
  shortSentence: boolean;
  weekendCoverPlanRequired: boolean;
  pathways: Record<PathwayName, Pathway>;
  /** Only for short-notice releases. */
  shortNoticeChecklist: ChecklistItem[] | null;
  /** An alarm after her release, until it is resolved. */
  alarm?: 'missed-first-appointment' | null;
  facts: PassportFacts;
}

/** A passport without the facts behind its verdicts: all that statuses, gaps and risk are worked out from. */
export type PassportOutline = Omit<Passport, 'facts'>;

export interface PassportSettings {
  /** Working days before release at which an incomplete passport is at risk. */
  atRiskWorkingDays: number;
  /** Latest local arrival time on release day, HH:mm (transport's rule now; kept so the setting still parses). */
  eveningCutoff: string;
}

export const DEFAULT_SETTINGS: PassportSettings = { atRiskWorkingDays: 10, eveningCutoff: '17:00' };

/** A pathway's status in the timeline's words. */
export const STATUS_WORDS: Record<PathwayStatus, string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  complete: 'complete',
  'at-risk': 'at risk',
  'awaiting-re-check': 'awaiting re-check',
};

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

/** The one service whose verdict on a pathway counts. */
export const PATHWAY_OWNER: Record<PathwayName, PathwayOwner> = {
  release: 'release-scheduling',
  treatment: 'treatment-continuity',
  accommodation: 'accommodation',
  transport: 'transport',
  'mental-health': 'treatment-continuity',
  'domestic-abuse-support': 'treatment-continuity',
  'children-and-family': 'treatment-continuity',
  'id-and-finance': 'treatment-continuity',
};

/** Required whatever her needs; the others only when their owner's latest verdict says so. */
export const ALWAYS_REQUIRED: readonly PathwayName[] = ['release', 'treatment', 'accommodation', 'transport'];

export const EMPTY_FACTS: PassportFacts = {
  release: null,
  judgements: {},
  firstJudgements: {},
  newestHandoffRevision: null,
  handoff: null,
  accommodation: null,
  transport: null,
  lastEventAt: null,
};
