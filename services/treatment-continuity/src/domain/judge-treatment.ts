import type { JudgementReason, PathwayJudged } from '@resettle/contracts';
import type { Violation } from '@resettle/platform/rules';
import { servicesReopenOn } from '@resettle/rules';
import { appointmentBeforeArrival, expectedArrival } from './arrival.js';
import { checkChildcareConstraints } from './childcare.js';
import { checkFirstDose } from './first-dose.js';
import type { Handoff } from './handoff.js';
import { checkInjectionCovered } from './injection.js';
import type { HandoffStatus } from './status.js';
import { londonDateOf, londonInstant } from './time.js';
import { weekendCoverPlanSatisfied } from './weekend-cover.js';

/** This service's copy of the release, as the judgement needs it. */
export interface ReleaseToJudge {
  status: 'scheduled' | 'cancelled' | 'released';
  releaseDate: string;
  /** Instant (ISO with offset). */
  gateAt: string;
  weekendCoverPlanRequired: boolean;
  shortNotice: boolean;
  revision: number;
  /** Instant she passed the gate, once she has; her treatment is then judged against it, not the gate planned. */
  gatePassedAt?: string | null;
}

/** The handoff that stands for her treatment (the live one, else the last one ended), as recorded. */
export interface HandoffToJudge extends Handoff {
  status: HandoffStatus;
  statusReason: string | null;
  declineReason: string | null;
  keyWorker: { name: string; gender: string } | null;
  /** From the travel plan when known; otherwise gate time plus the assumed journey. */
  expectedArrivalAt: string | null;
}

export interface TreatmentToJudge {
  releaseId: string;
  release: ReleaseToJudge | null;
  handoff: HandoffToJudge | null;
  /** Grows with every change of any handoff for this release (0 before the first booking). */
  handoffRevision: number;
}

type Verdict = Pick<PathwayJudged, 'status' | 'reasons' | 'missing'>;

const MISSING_FOR: Record<string, string> = {
  FIRST_DOSE_GAP: 'bridging prescription',
  BRIDGING_PRESCRIPTION_TOO_SHORT: 'bridging prescription covering every day to her first dose',
  APPOINTMENT_BEFORE_ARRIVAL: 'a first appointment she can reach in time',
  INJECTION_DUE_NOT_COVERED: 'an appointment before her next injection is due',
  APPOINTMENT_IN_CHILDCARE_CONSTRAINT: 'a first appointment outside her childcare times',
  WEEKEND_COVER_PLAN_MISSING: 'weekend cover plan',
  FEMALE_KEY_WORKER_REQUIRED: 'a female key worker',
  NALOXONE_NOT_SUPPLIED: 'naloxone',
};

/**
 * treatment-continuity's verdicts for one release: the treatment pathway, and each referral pathway a recorded need
 * switches on (mental health and domestic-abuse support from the handoff's referrals, children and family when
 * childcare constraints are recorded). Pure: the same facts give the same verdicts, whenever they are judged.
 */
export function judgeTreatment(input: TreatmentToJudge): PathwayJudged[] {
  const judgedAgainst = { releaseRevision: input.release?.revision ?? 0, handoffRevision: input.handoffRevision };
  const stamp = (pathway: PathwayJudged['pathway'], required: boolean, verdict: Verdict): PathwayJudged => ({
    releaseId: input.releaseId,
    pathway,
    required,
    ...verdict,
    judgedAgainst,
  });
  const live = input.handoff && isLive(input.handoff.status) ? input.handoff : null;
  const findings = live && input.release ? treatmentFindings(live, input.release) : [];
  const accepted = live?.status === 'accepted';
  // A need stays recorded while its handoff is live or was declined (another provider is needed); not once withdrawn.
  const needs = input.handoff?.status === 'withdrawn' ? null : input.handoff;
  const cancelled = input.release?.status === 'cancelled';
  return [
    { pathway: 'treatment' as const, required: true, verdict: treatmentVerdict(input, findings) },
    referral('mental-health', needs?.referrals.mentalHealth ?? false, accepted, 'a mental-health referral'),
    referral('domestic-abuse-support', needs?.referrals.domesticAbuse ?? false, accepted, 'a domestic-abuse referral'),
    childrenAndFamily(needs, accepted, findings),
  ].map((entry) => stamp(entry.pathway, entry.required, cancelled ? notStarted(entry.verdict) : entry.verdict));
}

function notStarted(verdict: Verdict): Verdict {
  return verdict.status === 'not-started' ? verdict : { status: 'not-started', reasons: verdict.reasons, missing: [] };
}

/** Every rule her treatment must meet against the release as this service knows it now. */
export function treatmentFindings(handoff: HandoffToJudge, release: ReleaseToJudge): Violation[] {
  const facts = gateAsItHappened(release);
  const arrivalAt = handoff.expectedArrivalAt;
  const findings = [
    ...checkFirstDose(handoff, facts, arrivalAt, undefined, { shortNotice: release.shortNotice }),
    ...checkInjectionCovered(handoff, facts, arrivalAt),
    ...reachable(handoff, facts),
    ...checkChildcareConstraints(handoff),
    ...weekendCoverPlanSatisfied(
      { requiresWeekendCover: release.weekendCoverPlanRequired, nextWorkingDay: servicesReopenOn(facts.releaseDate) },
      handoff,
    ),
  ];
  if (handoff.preferences.femaleKeyWorker && handoff.keyWorker && handoff.keyWorker.gender !== 'female') {
    findings.push({
      rule: 'FEMALE_KEY_WORKER_REQUIRED',
      field: 'keyWorker.gender',
      message: 'She asked for a female key worker; the key worker named is not female.',
    });
  }
  if (release.shortNotice && !handoff.naloxoneSupplied) {
    findings.push({
      rule: 'NALOXONE_NOT_SUPPLIED',
      field: 'naloxoneSupplied',
      message: 'She is released at short notice: she must leave with naloxone.',
    });
  }
  const seen = new Set<string>();
  return findings.filter((finding) => !seen.has(finding.rule) && Boolean(seen.add(finding.rule)));
}

/**
 * The release day and gate the rules are checked against: once she has left, the gate as it happened. Released on
 * another day than planned (a court release weeks early), cover planned for the day booked does not reach her first
 * dose, and the verdict must say so rather than stay complete.
 */
export function gateAsItHappened(release: Pick<ReleaseToJudge, 'releaseDate' | 'gateAt' | 'gatePassedAt'>): {
  releaseDate: string;
  gateAt: string;
} {
  const { gatePassedAt } = release;
  const passed = gatePassedAt ? londonInstant(gatePassedAt) : null;
  if (!gatePassedAt || !passed) return { releaseDate: release.releaseDate, gateAt: release.gateAt };
  return { releaseDate: londonDateOf(passed), gateAt: gatePassedAt };
}

function treatmentVerdict(input: TreatmentToJudge, findings: Violation[]): Verdict {
  const { release, handoff } = input;
  if (release?.status === 'cancelled') {
    return { status: 'not-started', reasons: [reason('RELEASE_CANCELLED', 'The release was cancelled.')], missing: [] };
  }
  if (!handoff) {
    const none = reason('NO_HANDOFF', 'No treatment handoff is booked for this release.');
    return { status: 'not-started', reasons: [none], missing: ['treatment handoff'] };
  }
  const found = findings.map((finding) => reason(finding.rule, finding.message));
  const needed = findings.map((finding) => MISSING_FOR[finding.rule] ?? finding.field);
  const atRiskIfFound = (status: Verdict['status'], own: JudgementReason[], missing: string[]): Verdict => ({
    status: found.length > 0 ? 'at-risk' : status,
    reasons: [...own, ...found],
    missing: [...missing, ...needed],
  });
  switch (handoff.status) {
    case 'withdrawn':
      return {
        status: 'not-started',
        reasons: [
          reason('HANDOFF_WITHDRAWN', `The handoff was withdrawn: ${handoff.statusReason ?? 'no reason given'}.`),
        ],
        missing: ['treatment handoff'],
      };
    case 'declined':
      return {
        status: 'at-risk',
        reasons: [reason('HANDOFF_DECLINED', `The provider declined (${handoff.declineReason ?? 'no reason'}).`)],
        missing: ['a provider who accepts the handoff'],
      };
    case 'blocked-no-consent':
      return {
        status: 'at-risk',
        reasons: [reason('NO_CONSENT_TO_SHARE', 'No consent to share: nothing has been sent to the provider.')],
        missing: ['consent to share'],
      };
    case 'booked':
    case 'sent':
      return atRiskIfFound(
        'in-progress',
        [reason('AWAITING_ACCEPTANCE', 'The provider has not yet accepted the handoff.')],
        ['provider acceptance'],
      );
    case 'needs-reconfirmation':
      return {
        status: 'at-risk',
        reasons: [
          reason(
            'RECONFIRMATION_NEEDED',
            `The provider must confirm again: ${handoff.statusReason ?? 'the release changed'}.`,
          ),
          ...found,
        ],
        missing: ['provider re-confirmation', ...needed],
      };
    case 'accepted':
      return atRiskIfFound('complete', [], []);
  }
}

type Unstamped = { pathway: PathwayJudged['pathway']; required: boolean; verdict: Verdict };

/** A referral travels with the handoff: complete once the provider has accepted the handoff that carries it. */
function referral(pathway: PathwayJudged['pathway'], referred: boolean, accepted: boolean, what: string): Unstamped {
  if (!referred) return { pathway, required: false, verdict: { status: 'not-started', reasons: [], missing: [] } };
  if (accepted) return { pathway, required: true, verdict: { status: 'complete', reasons: [], missing: [] } };
  return {
    pathway,
    required: true,
    verdict: {
      status: 'in-progress',
      reasons: [reason('REFERRAL_AWAITING_ACCEPTANCE', `The provider has not yet accepted ${what}.`)],
      missing: ['provider acceptance of the referral'],
    },
  };
}

/** Childcare constraints switch it on: complete once accepted with a first appointment she can attend. */
function childrenAndFamily(needs: HandoffToJudge | null, accepted: boolean, findings: Violation[]): Unstamped {
  const pathway = 'children-and-family';
  const constraints = needs?.preferences.childcareConstraints ?? [];
  if (constraints.length === 0) return referral(pathway, false, accepted, '');
  const clash = findings.find((finding) => finding.rule === 'APPOINTMENT_IN_CHILDCARE_CONSTRAINT');
  if (clash) {
    return {
      pathway,
      required: true,
      verdict: { status: 'at-risk', reasons: [reason(clash.rule, clash.message)], missing: [MISSING_FOR[clash.rule]!] },
    };
  }
  return referral(pathway, true, accepted, 'a first appointment that fits her childcare');
}

/** Any first appointment must leave her the shared arrival margin (for daily OST first-dose already says so). */
function reachable(handoff: HandoffToJudge, release: { releaseDate: string; gateAt: string }): Violation[] {
  const at = handoff.firstAppointment ? londonInstant(handoff.firstAppointment.at) : null;
  const arrival = expectedArrival(release, handoff.expectedArrivalAt);
  return at && arrival ? appointmentBeforeArrival(at, arrival) : [];
}

function isLive(status: HandoffStatus): boolean {
  return status !== 'withdrawn' && status !== 'declined';
}

function reason(rule: string, message: string): JudgementReason {
  return { rule, message };
}
