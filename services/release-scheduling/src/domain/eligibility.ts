export interface DayOfReleaseEligibilityFacts {
  homeDetentionCurfew: boolean;
  indeterminateSentence: boolean;
  paroleBoardRelease: boolean;
  daysServedSinceSentence: number;
}

export type IneligibilityReason =
  | 'HOME_DETENTION_CURFEW'
  | 'INDETERMINATE_SENTENCE'
  | 'PAROLE_BOARD_RELEASE'
  | 'UNDER_28_DAYS_SERVED';

export interface DayOfReleaseMoveEligibility {
  eligible: boolean;
  reasons: IneligibilityReason[];
}

export const MINIMUM_DAYS_SERVED = 28;

const REASON_TEXT: Record<IneligibilityReason, string> = {
  HOME_DETENTION_CURFEW: 'release is on home detention curfew',
  INDETERMINATE_SENTENCE: 'the sentence is indeterminate',
  PAROLE_BOARD_RELEASE: 'release is directed by the Parole Board',
  UNDER_28_DAYS_SERVED: `fewer than ${MINIMUM_DAYS_SERVED} days have been served since sentence`,
};

/** Whether the Offenders (Day of Release from Detention) Act 2023 move is open to her, and if not why not. */
export function dayOfReleaseMoveEligibility(facts: DayOfReleaseEligibilityFacts): DayOfReleaseMoveEligibility {
  const reasons: IneligibilityReason[] = [];
  if (facts.homeDetentionCurfew) reasons.push('HOME_DETENTION_CURFEW');
  if (facts.indeterminateSentence) reasons.push('INDETERMINATE_SENTENCE');
  if (facts.paroleBoardRelease) reasons.push('PAROLE_BOARD_RELEASE');
  if (facts.daysServedSinceSentence < MINIMUM_DAYS_SERVED) reasons.push('UNDER_28_DAYS_SERVED');
  return { eligible: reasons.length === 0, reasons };
}

export function describeIneligibility(reasons: IneligibilityReason[]): string {
  return reasons.map((reason) => REASON_TEXT[reason]).join('; ');
}
