import { PATHWAYS } from '@resettle/contracts';
import { isComplete } from './completeness.js';
import { derivePassport } from './derive.js';
import { foldFacts } from './fold-facts.js';
import { EMPTY_FACTS, PATHWAY_LABELS, type Passport, type PassportSettings, type PathwayName } from './passport.js';
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
export function applyEvent(before: Passport | undefined, event: UpstreamEvent, settings: PassportSettings): Applied {
  const ids = { personId: event.personId, releaseId: event.data.releaseId };
  const previous = before?.facts ?? EMPTY_FACTS;
  const { facts, summary } = foldFacts(previous, event);
  const passport = derivePassport(ids, facts, settings);
  const factsChanged = !sameValue(withoutClock(previous), withoutClock(facts));
  if (before && !factsChanged) return { passport: before, changes: [] };
  return { passport, changes: [{ kind: 'fact', summary }, ...pathwayChanges(before, passport)] };
}

function withoutClock(facts: Passport['facts']) {
  return { ...facts, lastEventAt: null };
}

function pathwayChanges(before: Passport | undefined, after: Passport): Change[] {
  const changes: Change[] = [];
  for (const name of PATHWAYS) {
    const was = before?.pathways[name];
    const now = after.pathways[name];
    if (was && was.status === now.status && was.reason === now.reason && was.required === now.required) continue;
    if (!was && (!now.required || now.status === 'not-started')) continue;
    const from = was ? was.status : 'none';
    const because = now.reason ? `: ${now.reason}` : '';
    changes.push({
      kind: 'pathway',
      pathway: name,
      from,
      to: now.status,
      summary: `${PATHWAY_LABELS[name]} ${from === now.status ? 'still' : 'now'} ${now.status.replace('-', ' ')}${because}`,
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
