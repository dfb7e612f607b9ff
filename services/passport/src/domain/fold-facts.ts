import { foldAccommodation } from './fold-accommodation.js';
import { foldAftercare } from './fold-aftercare.js';
import { foldJudgement, isJudgement } from './fold-judgement.js';
import { foldRelease, isReleaseChange } from './fold-release.js';
import { foldTransport } from './fold-transport.js';
import { foldTreatment } from './fold-treatment.js';
import { EMPTY_FACTS, type PassportFacts } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

export interface FactsFold {
  facts: PassportFacts;
  /** What the event said, in words, without clinical detail. */
  summary: string;
}

/** Folds one upstream event into the facts it speaks about; the other facts are left as they were. */
export function foldFacts(facts: PassportFacts, event: UpstreamEvent): FactsFold {
  // A passport saved before verdicts existed has none of their fields.
  const known = { ...EMPTY_FACTS, ...facts, release: withRevision(facts.release) };
  const lastEventAt = later(known.lastEventAt, event.occurredAt);
  const folded = foldBySource(known, event);
  return { facts: { ...folded.facts, lastEventAt }, summary: folded.summary };
}

function foldBySource(facts: PassportFacts, event: UpstreamEvent): FactsFold {
  if (isJudgement(event)) return foldJudgement(facts, event);
  if (isReleaseChange(event)) {
    const release = foldRelease(facts.release, event);
    return { facts: { ...facts, release: release.facts }, summary: release.summary };
  }
  const aftercare = foldAftercare(facts.aftercare, event);
  if (aftercare) return { facts: { ...facts, aftercare: aftercare.facts }, summary: aftercare.summary };
  const handoff = foldTreatment(facts.handoff, event);
  if (handoff) return { facts: { ...facts, handoff: handoff.facts }, summary: handoff.summary };
  const accommodation = foldAccommodation(facts.accommodation, event);
  if (accommodation) return { facts: { ...facts, accommodation: accommodation.facts }, summary: accommodation.summary };
  const transport = foldTransport(facts.transport, event);
  if (transport) return { facts: { ...facts, transport: transport.facts }, summary: transport.summary };
  return { facts, summary: `${event.type} does not change a passport` };
}

function withRevision(release: PassportFacts['release']): PassportFacts['release'] {
  if (!release) return null;
  const latestChange = release.latestChange ?? { kind: 'scheduled', releaseDate: release.releaseDate };
  return { ...release, revision: release.revision ?? 0, latestChange };
}

function later(a: string | null, b: string): string {
  if (a === null) return b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
