import { defaultCalendar } from '@resettle/calendar';
import type { DatabaseOrTransaction } from '@resettle/messaging';
import { InvalidField, RuleRefusal, type ServiceContext } from '@resettle/platform';
import { findPrison, type Prison } from '../db/prisons.js';
import { checkRelease } from '../domain/check-release.js';

const calendar = defaultCalendar();

export interface ReleaseAsked {
  prisonCode: string;
  legalReleaseDate: string;
  gateTime: string;
  releaseFrom: 'PRISON' | 'COURT' | 'VIDEO_LINK';
  eligibility: {
    homeDetentionCurfew: boolean;
    indeterminateSentence: boolean;
    paroleBoardRelease: boolean;
    daysServedSinceSentence: number;
  };
  secondDayApproved: boolean;
}

export async function prisonNamed(db: DatabaseOrTransaction, code: string): Promise<Prison> {
  const prison = await findPrison(db, code);
  if (!prison) throw new InvalidField('body.prisonCode', 'unknown-prison', `no women's prison has the code ${code}`);
  return prison;
}

/** The rules' verdict on a release as asked; a refusal throws a 422 naming the rule and the nearest allowed. */
export function decideRelease(asked: ReleaseAsked, prison: Prison, context: ServiceContext) {
  const verdict = checkRelease(
    {
      legalReleaseDate: asked.legalReleaseDate,
      gateTime: asked.gateTime,
      eligibility: asked.eligibility,
      secondDayApproved: asked.secondDayApproved,
      from: asked.releaseFrom,
      prisonWindow: { opens: prison.releaseWindowOpens, closes: prison.releaseWindowCloses },
    },
    { calendar, now: context.clock() },
  );
  if (!verdict.allowed) {
    const { rule, message, asked: askedFor, nearestAllowed } = verdict.refusal;
    throw new RuleRefusal(rule, message, { asked: askedFor, nearestAllowed });
  }
  return verdict;
}

export type ReleaseDecision = ReturnType<typeof decideRelease>;
