import type { ChecklistItem, PassportFacts, Pathway, PathwayName } from './passport.js';

const done = (ok: boolean) => (ok ? 'done' : 'missing');

/**
 * What a short-notice release must have before the gate, for the practitioner to read at a glance (it decides
 * nothing): whether the bridging prescription, the accommodation and the travel will do is their owners' verdict.
 * Null for releases planned in good time.
 */
export function shortNoticeChecklist(
  facts: PassportFacts,
  pathways: Record<PathwayName, Pathway>,
): ChecklistItem[] | null {
  if (!facts.release?.shortNotice) return null;
  const handoff = facts.handoff;
  const bridgingNeeded = handoff === null || handoff.dailyOst;
  const complete = (name: PathwayName) => pathways[name].status === 'complete';
  return [
    { item: 'naloxone', label: 'Naloxone supplied', status: done(handoff?.naloxoneSupplied ?? false) },
    {
      item: 'bridging-prescription',
      label: 'Bridging prescription (as treatment judged it)',
      status: bridgingNeeded ? done(complete('treatment')) : 'not-needed',
    },
    {
      item: 'release-night-accommodation',
      label: 'Release-night accommodation',
      status: done(complete('accommodation')),
    },
    { item: 'travel', label: 'Travel from the gate', status: done(complete('transport')) },
  ];
}
