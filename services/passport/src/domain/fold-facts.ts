import type { KnownEvent } from '@resettle/contracts';
import { foldAccommodation } from './fold-accommodation.js';
import { foldRelease } from './fold-release.js';
import { foldTransport } from './fold-transport.js';
import { foldTreatment } from './fold-treatment.js';
import type { PassportFacts } from './passport.js';

export interface FactsFold {
  facts: PassportFacts;
  /** What the event said, in words, without clinical detail. */
  summary: string;
}

/** Folds one upstream event into the facts it speaks about; the other facts are left as they were. */
export function foldFacts(facts: PassportFacts, event: KnownEvent): FactsFold {
  const lastEventAt = later(facts.lastEventAt, event.occurredAt);
  const folded = foldBySource(facts, event);
  return { facts: { ...folded.facts, lastEventAt }, summary: folded.summary };
}

function foldBySource(facts: PassportFacts, event: KnownEvent): FactsFold {
  const release = foldRelease(facts.release, event);
  if (release) return { facts: { ...facts, release: release.facts }, summary: release.summary };
  const handoff = foldTreatment(facts.handoff, event);
  if (handoff) return { facts: { ...facts, handoff: handoff.facts }, summary: handoff.summary };
  const accommodation = foldAccommodation(facts.accommodation, event);
  if (accommodation) return { facts: { ...facts, accommodation: accommodation.facts }, summary: accommodation.summary };
  const transport = foldTransport(facts.transport, event);
  if (transport) return { facts: { ...facts, transport: transport.facts }, summary: transport.summary };
  return { facts, summary: `${event.type} does not change a passport` };
}

function later(a: string | null, b: string): string {
  if (a === null) return b;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
