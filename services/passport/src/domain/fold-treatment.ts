import type { Folded } from './fold-release.js';
import type { HandoffFacts } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

/**
 * Treatment-continuity's status events, for the timeline and the short-notice checklist's naloxone line only: whether
 * the treatment pathway is complete is treatment-continuity's verdict, never worked out from these.
 */
export function foldTreatment(current: HandoffFacts | null, event: UpstreamEvent): Folded<HandoffFacts> | null {
  switch (event.type) {
    case 'treatment.handoff.booked':
      return {
        facts: {
          handoffId: event.data.handoffId,
          status: event.data.consentToShare ? 'booked' : 'blocked-no-consent',
          dailyOst: event.data.dailyOst,
          naloxoneSupplied: event.data.naloxoneSupplied,
        },
        summary: event.data.consentToShare
          ? 'Handoff booked with a community treatment provider'
          : 'Handoff recorded without consent to share: nothing goes to the provider',
      };
    case 'treatment.handoff.accepted':
      return {
        facts: { ...(current ?? unknownHandoff(event.data.handoffId)), status: 'accepted' },
        summary: 'Provider accepted the handoff and named a key worker',
      };
    case 'treatment.handoff.declined':
      return {
        facts: { ...(current ?? unknownHandoff(event.data.handoffId)), status: 'declined' },
        summary: `Provider declined the handoff: ${event.data.reason}`,
      };
    case 'treatment.handoff.needs-reconfirmation':
      return {
        facts: { ...(current ?? unknownHandoff(event.data.handoffId)), status: 'needs-reconfirmation' },
        summary: `Provider asked to re-confirm the handoff: ${event.data.reason}`,
      };
    default:
      return null;
  }
}

/** A provider's answer that arrived before the booking (topics are not ordered with each other). */
function unknownHandoff(handoffId: string): HandoffFacts {
  return { handoffId, status: 'booked', dailyOst: false, naloxoneSupplied: false };
}
