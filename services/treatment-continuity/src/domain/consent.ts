import type { Handoff } from './handoff.js';

export const NO_CONSENT_REASON = 'No consent to share: nothing can be sent to the provider';

export type RecordedStatus = { status: 'booked' } | { status: 'blocked-no-consent'; reason: string };

/** Without consent the handoff is still recorded, but blocked: nothing leaves the prison. */
export function statusOnRecording(handoff: Pick<Handoff, 'consentToShare'>): RecordedStatus {
  return handoff.consentToShare === true
    ? { status: 'booked' }
    : { status: 'blocked-no-consent', reason: NO_CONSENT_REASON };
}

export function maySendToProvider(handoff: Pick<Handoff, 'consentToShare'>): boolean {
  return handoff.consentToShare === true;
}
