import { PATHWAYS } from '@resettle/contracts';
import { longDate } from './dates.js';
import {
  ALWAYS_REQUIRED,
  type Judgement,
  PATHWAY_OWNER,
  type PassportFacts,
  type Pathway,
  type PathwayName,
  type ReleaseFacts,
} from './passport.js';

/**
 * The passport composes its owners' verdicts and never judges a pathway itself. A pathway shows its owner's latest
 * verdict only when that verdict was given against the release revision the passport knows (and, where it names a
 * handoff revision, not an older one than any verdict has named); otherwise it is awaiting the owner's re-check.
 */
export function composePathways(facts: PassportFacts): Record<PathwayName, Pathway> {
  const revision = facts.release?.revision ?? 0;
  return Object.fromEntries(
    PATHWAYS.map((name) => [name, composePathway(name, facts.judgements[name], facts, revision)]),
  ) as Record<PathwayName, Pathway>;
}

function composePathway(
  name: PathwayName,
  judgement: Judgement | undefined,
  facts: PassportFacts,
  revision: number,
): Pathway {
  const owner = PATHWAY_OWNER[name];
  const alwaysRequired = ALWAYS_REQUIRED.includes(name);
  if (!judgement) {
    if (!alwaysRequired) return { required: false, status: 'not-started', reason: null, reasons: [], owedBy: null };
    return awaiting('not-started', owner, [`${owner} has not judged this pathway yet`], true);
  }
  const required = alwaysRequired || judgement.required;
  const against = judgement.judgedAgainst;
  if (against.releaseRevision < revision) {
    return awaiting('awaiting-re-check', owner, staleReasons(owner, facts.release, judgement), required);
  }
  if (against.releaseRevision > revision) {
    const reason =
      `${owner} has judged a newer change to the release than the passport has heard of; ` +
      'waiting for that change to arrive';
    return awaiting('awaiting-re-check', 'release-scheduling', [reason], required);
  }
  const newestHandoff = facts.newestHandoffRevision;
  if (against.handoffRevision !== null && newestHandoff !== null && against.handoffRevision < newestHandoff) {
    const reason = `${owner} has not re-checked since the treatment handoff (first appointment) changed`;
    return awaiting('awaiting-re-check', owner, [reason], required);
  }
  const reasons = judgement.reasons.map((reason) => reason.message);
  if (judgement.status === 'complete') return { required, status: 'complete', reason: null, reasons, owedBy: null };
  const reason = reasons.length > 0 ? reasons.join('; ') : missingWords(judgement);
  return { required, status: judgement.status, reason, reasons: reasons.length > 0 ? reasons : [reason], owedBy: null };
}

function awaiting(
  status: 'awaiting-re-check' | 'not-started',
  owedBy: Pathway['owedBy'] & string,
  reasons: string[],
  required: boolean,
): Pathway {
  return { required, status, reason: reasons[0] ?? null, reasons, owedBy };
}

function staleReasons(owner: string, release: ReleaseFacts | null, judgement: Judgement): string[] {
  const since = sinceWords(release);
  const before = judgement.status.replace('-', ' ');
  return [`${owner} has not re-checked since ${since}`, `Its last verdict, before that change, was ${before}`];
}

/** 'the release moved to Thursday 10 December'. */
function sinceWords(release: ReleaseFacts | null): string {
  const change = release?.latestChange;
  const on = change?.releaseDate ? longDate(change.releaseDate) : null;
  switch (change?.kind) {
    case 'moved':
      return on ? `the release moved to ${on}` : 'the release moved';
    case 'cancelled':
      return 'the release was cancelled';
    case 'released':
      return on ? `she left custody on ${on}` : 'she left custody';
    default:
      return on ? `the release was scheduled for ${on}` : 'the release was scheduled';
  }
}

function missingWords(judgement: Judgement): string {
  const status = judgement.status.replace('-', ' ');
  return judgement.missing.length > 0 ? `Still missing: ${judgement.missing.join(', ')}` : `Judged ${status}`;
}
