import { PATHWAYS } from '@resettle/contracts';
import { isComplete } from './completeness.js';
import { derivePassport } from './derive.js';
import { foldFacts } from './fold-facts.js';
import { isJudgement } from './fold-judgement.js';
import { EMPTY_FACTS, PATHWAY_LABELS, type Passport, type PathwayName, STATUS_WORDS } from './passport.js';
import { sameValue } from './same-value.js';
import type { UpstreamEvent } from './upstream.js';

export type Change =
  | { kind: 'fact'; summary: string }
  | { kind: 'pathway'; pathway: PathwayName; from: string; to: string; summary: string }
  | { kind: 'completion'; complete: boolean; summary: string };

export interface Applied {
  passport: Passport;
  /** Empty when the event told the passport nothing new. */
  changes: Change[];
}

/** Every event a passport folds belongs to exactly one release. */
export function applyEvent(before: Passport | undefined, event: UpstreamEvent): Applied {
  const ids = { personId: event.personId, releaseId: event.data.releaseId };
  const previous = before?.facts ?? EMPTY_FACTS;
  const { facts, summary } = foldFacts(previous, event);
  if (before && sameValue(withoutClock(previous), withoutClock(facts))) return { passport: before, changes: [] };
  const passport = derivePassport(ids, facts);
  const told = isJudgement(event) ? { pathway: event.data.pathway, status: event.data.status } : undefined;
  return { passport, changes: [{ kind: 'fact', summary }, ...pathwayChanges(before, passport, told)] };
}

/** A verdict the event itself gave: its own line already says the pathway's new status, with the owner's reasons. */
type Told = { pathway: PathwayName; status: string };

function withoutClock(facts: Passport['facts']) {
  return { ...facts, lastEventAt: null };
}

/**
 * A timeline line for each pathway whose status, reasons or need changed, saying why; none for a pathway that now
 * stands as the event's own verdict said (that would say it twice).
 */
function pathwayChanges(before: Passport | undefined, after: Passport, told?: Told): Change[] {
  const changes: Change[] = [];
  for (const name of PATHWAYS) {
    const was = before?.pathways[name];
    const now = after.pathways[name];
    if (told?.pathway === name && told.status === now.status) continue;
    if (was && was.status === now.status && sameValue(was.reasons, now.reasons) && was.required === now.required)
      continue;
    if (!was && (!now.required || now.status === 'not-started')) continue;
    // Not needed before or after: the page shows it as "Not needed" whatever its status, so a line would be noise.
    if (was && !was.required && !now.required) continue;
    const from = was ? was.status : 'none';
    const by = now.status === 'awaiting-re-check' && now.owedBy ? ` by ${now.owedBy}` : '';
    const because = now.reasons.length > 0 ? `: ${now.reasons.join('; ')}` : '';
    changes.push({
      kind: 'pathway',
      pathway: name,
      from,
      to: now.status,
      summary: `${PATHWAY_LABELS[name]} ${from === now.status ? 'still' : 'now'} ${STATUS_WORDS[now.status]}${by}${because}`,
    });
  }
  const wasComplete = before ? isComplete(before) : false;
  const nowComplete = isComplete(after);
  if (wasComplete !== nowComplete) {
    const summary = nowComplete ? 'Passport complete' : 'Passport no longer complete';
    changes.push({ kind: 'completion', complete: nowComplete, summary });
  }
  return changes;
}
