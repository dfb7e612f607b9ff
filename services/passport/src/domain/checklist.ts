import type { ChecklistItem, PassportFacts, Pathway } from './passport.js';

const done = (ok: boolean) => (ok ? 'done' : 'missing');

/** What a short-notice release must have before the gate; null for releases planned in good time. */
export function shortNoticeChecklist(
  facts: PassportFacts,
  accommodation: Pathway,
  transport: Pathway,
): ChecklistItem[] | null {
  if (!facts.release?.shortNotice) return null;
  const handoff = facts.handoff;
  const bridgingNeeded = handoff === null || handoff.dailyOst;
  return [
    { item: 'naloxone', label: 'Naloxone supplied', status: done(handoff?.naloxoneSupplied ?? false) },
    {
      item: 'bridging-prescription',
      label: 'Bridging prescription',
      status: bridgingNeeded ? done(handoff?.bridgingPrescription ?? false) : 'not-needed',
    },
    {
      item: 'release-night-accommodation',
      label: 'Release-night accommodation',
      status: done(accommodation.status === 'complete'),
    },
    { item: 'travel', label: 'Travel from the gate', status: done(transport.status === 'complete') },
  ];
}
