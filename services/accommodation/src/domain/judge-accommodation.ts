import type { JudgementReason, PathwayJudged } from '@resettle/contracts';
import type { Accommodation, Area } from './accommodation.js';
import { londonDate } from './dates.js';
import { localAuthorityOf } from './local-authority.js';
import { localTreatmentMismatch } from './local-treatment.js';
import { assessAgainstRelease } from './release-date.js';
import { NOT_SUITABLE_REASON, type SafeguardingReview } from './safeguarding-review.js';
import type { StoredStatus } from './standing.js';

/** The accommodation a release has now: the live one, else the latest withdrawn or not suitable one, else none. */
export interface AccommodationOnRecord extends Accommodation {
  status: StoredStatus;
  withdrawnReason: string | null;
  /** Null for type none (no place to review). */
  safeguardingReview: SafeguardingReview | null;
}

export interface AccommodationCase {
  accommodation: AccommodationOnRecord | null;
  /** The release date of the release copy the verdict is judged against ('YYYY-MM-DD'). */
  releaseDate: string;
  /** Where her community treatment provider is, when treatment-continuity has said. */
  providerArea: Area | null;
}

export type AccommodationVerdict = Pick<PathwayJudged, 'status' | 'reasons' | 'missing'>;

const BED = 'release-night accommodation';

/**
 * accommodation's verdict on the release-night accommodation pathway: the status, every reason and what is missing.
 * The passport shows it as it is; it never re-checks these rules. Restricted areas play no part: a place is in
 * progress until probation's safeguarding review approves it, and the verdict never says why one was not suitable.
 */
export function judgeAccommodation({
  accommodation,
  releaseDate,
  providerArea,
}: AccommodationCase): AccommodationVerdict {
  if (!accommodation) {
    return verdict(
      'not-started',
      [reason('NO_ACCOMMODATION_RECORDED', 'No release-night accommodation recorded yet')],
      [BED],
    );
  }
  if (accommodation.status === 'withdrawn') {
    const why = accommodation.withdrawnReason ?? 'no reason given';
    return verdict('at-risk', [reason('ACCOMMODATION_WITHDRAWN', `Accommodation withdrawn: ${why}`)], [BED]);
  }
  if (accommodation.safeguardingReview === 'not-suitable') {
    return verdict('at-risk', [reason('ACCOMMODATION_NOT_SUITABLE', NOT_SUITABLE_REASON)], [BED]);
  }
  if (accommodation.type === 'none') {
    return verdict(
      'at-risk',
      [reason('NO_ACCOMMODATION', 'No accommodation: she has nowhere to stay on release night')],
      [BED],
    );
  }
  const atRisk: JudgementReason[] = [];
  const inProgress: JudgementReason[] = [];
  const notes: JudgementReason[] = [];
  const missing: string[] = [];
  if (accommodation.safeguardingReview !== 'approved') {
    inProgress.push(
      reason(
        'AWAITING_SAFEGUARDING_REVIEW',
        'In progress: awaiting safeguarding review of the proposed place by her offender manager',
      ),
    );
    missing.push('safeguarding review of the proposed accommodation');
  }
  if (!localAuthorityOf(accommodation.localAuthority)) {
    // Recorded before names were checked: a misspelt place cannot be checked against her restrictions.
    atRisk.push(
      reason(
        'LOCAL_AUTHORITY_UNKNOWN',
        `'${accommodation.localAuthority ?? ''}' is not a known local authority, so her restricted areas cannot be ` +
          'checked: record the council area as it is officially named.',
      ),
    );
    missing.push('a known local authority for the accommodation');
  }
  const from = accommodation.confirmedFrom;
  if (from === null || !londonDate(from)) {
    inProgress.push(
      reason('CONFIRMED_FROM_MISSING', 'Accommodation found; the date it is available from is not yet confirmed'),
    );
    missing.push('the date the accommodation is available from');
  } else {
    const assessment = assessAgainstRelease(accommodation, releaseDate);
    if (assessment.status === 'at-risk') {
      atRisk.push(reason('NOT_CONFIRMED_FROM_RELEASE_DATE', assessment.reason));
      missing.push(`${BED} from the release date`);
    }
  }
  if (providerArea && localTreatmentMismatch(accommodation, providerArea)) {
    // Not a reason to stop her release: her practitioner should check she can reach treatment from there.
    notes.push(
      reason(
        'LOCAL_TREATMENT_MISMATCH',
        `She would live in ${accommodation.localAuthority} and be treated in ${providerArea.localAuthority}: ` +
          'check she can reach her treatment from there.',
      ),
    );
  }
  const status = atRisk.length > 0 ? 'at-risk' : inProgress.length > 0 ? 'in-progress' : 'complete';
  return verdict(status, [...atRisk, ...inProgress, ...notes], missing);
}

function verdict(
  status: AccommodationVerdict['status'],
  reasons: JudgementReason[],
  missing: string[],
): AccommodationVerdict {
  return { status, reasons, missing };
}

function reason(rule: string, message: string): JudgementReason {
  return { rule, message };
}
