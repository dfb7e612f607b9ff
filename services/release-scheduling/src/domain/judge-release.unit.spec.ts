import { describe, expect, it } from 'vitest';
import { judgeRelease, type ReleaseToJudge } from './judge-release.js';

const scheduled: ReleaseToJudge = {
  releaseId: '5b0c8f0e-3f57-4a9d-9a55-0f3a1c1f7a10',
  status: 'scheduled',
  releaseDate: '2026-11-19',
  gateTime: '09:30',
  shortNotice: false,
  shortNoticeReason: null,
  weekendCoverPlanRequired: false,
  rulesApplied: [],
  revision: 1,
};

describe('judgeRelease', () => {
  it('a scheduled release is complete, judged against its revision', () => {
    expect(judgeRelease({ ...scheduled, revision: 3 })).toEqual({
      releaseId: scheduled.releaseId,
      pathway: 'release',
      required: true,
      status: 'complete',
      reasons: [],
      missing: [],
      judgedAgainst: { releaseRevision: 3 },
    });
  });

  it('a cancelled release is not started, with RELEASE_CANCELLED', () => {
    const verdict = judgeRelease({ ...scheduled, status: 'cancelled', revision: 2 });
    expect(verdict).toMatchObject({ status: 'not-started', missing: ['release date'] });
    expect(verdict.reasons.map((reason) => reason.rule)).toEqual(['RELEASE_CANCELLED']);
  });

  it('a short-notice court release on a Friday says so, and is still complete', () => {
    const verdict = judgeRelease({
      ...scheduled,
      releaseDate: '2026-11-20',
      gateTime: '14:30',
      shortNotice: true,
      shortNoticeReason: 'COURT',
      weekendCoverPlanRequired: true,
      rulesApplied: [{ rule: 'MOVE_DAY_PASSED', explanation: 'Thursday has passed.' }],
    });
    expect(verdict.status).toBe('complete');
    expect(verdict.reasons).toEqual([
      { rule: 'SHORT_NOTICE', message: 'Short-notice release from court: Friday 20 November 2026 at 14:30.' },
      { rule: 'MOVE_DAY_PASSED', message: 'Thursday has passed.' },
      { rule: 'WEEKEND_COVER_PLAN_REQUIRED', message: expect.stringContaining('weekend cover plan') },
    ]);
  });

  it('a release she has left on is complete and says the gate was passed', () => {
    const verdict = judgeRelease({ ...scheduled, status: 'released', revision: 2 });
    expect(verdict).toMatchObject({ status: 'complete', judgedAgainst: { releaseRevision: 2 } });
    expect(verdict.reasons[0]!.rule).toBe('GATE_PASSED');
  });
});
