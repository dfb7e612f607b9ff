import { longDate } from '@resettle/calendar';
import type { JudgementReason, PathwayJudged, ShortNoticeReason } from '@resettle/contracts';

/** What release-scheduling judges the release pathway on: its own record of the release. */
export interface ReleaseToJudge {
  releaseId: string;
  status: 'scheduled' | 'cancelled' | 'released';
  releaseDate: string;
  gateTime: string;
  shortNotice: boolean;
  shortNoticeReason: ShortNoticeReason | null;
  weekendCoverPlanRequired: boolean;
  rulesApplied: { rule: string; explanation: string }[];
  revision: number;
}

const SHORT_NOTICE_WORDS: Record<ShortNoticeReason, string> = {
  COURT: 'from court',
  VIDEO_LINK: 'from a court video link',
  UNDER_48_HOURS_NOTICE: 'with under 48 hours’ notice',
};

/**
 * The release pathway's verdict. A scheduled release is complete: every rule was satisfied when it was booked, or
 * (ordered by a court, or on a day the law fixes) recorded with its warnings. Short notice and closed days after the
 * release are said in the reasons without making it incomplete: the weekend cover plan is treatment's to judge.
 */
export function judgeRelease(release: ReleaseToJudge): PathwayJudged {
  const verdict = (status: PathwayJudged['status'], reasons: JudgementReason[], missing: string[] = []) => ({
    releaseId: release.releaseId,
    pathway: 'release' as const,
    required: true,
    status,
    reasons,
    missing,
    judgedAgainst: { releaseRevision: release.revision },
  });
  if (release.status === 'cancelled') {
    return verdict(
      'not-started',
      [{ rule: 'RELEASE_CANCELLED', message: 'The release was cancelled: no release date is planned.' }],
      ['release date'],
    );
  }
  const reasons: JudgementReason[] = [];
  if (release.status === 'released') {
    reasons.push({ rule: 'GATE_PASSED', message: `She passed the gate on ${longDate(release.releaseDate)}.` });
  }
  if (release.shortNotice) {
    const how = release.shortNoticeReason ? ` ${SHORT_NOTICE_WORDS[release.shortNoticeReason]}` : '';
    reasons.push({
      rule: 'SHORT_NOTICE',
      message: `Short-notice release${how}: ${longDate(release.releaseDate)} at ${release.gateTime}.`,
    });
  }
  const passed = release.rulesApplied.find((applied) => applied.rule === 'MOVE_DAY_PASSED');
  if (passed) reasons.push({ rule: 'MOVE_DAY_PASSED', message: passed.explanation });
  if (release.weekendCoverPlanRequired) {
    reasons.push({
      rule: 'WEEKEND_COVER_PLAN_REQUIRED',
      message: `Services are closed after ${longDate(release.releaseDate)}: her treatment needs a weekend cover plan.`,
    });
  }
  return verdict('complete', reasons);
}
