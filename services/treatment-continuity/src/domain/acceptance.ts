import { type Violation, violation } from '@resettle/platform/rules';
import type { Handoff } from './handoff.js';

export type KeyWorkerGender = 'female' | 'male' | 'other' | 'not-stated';

export interface Acceptance {
  keyWorker: { name: string; gender: KeyWorkerGender };
  appointmentConfirmed: boolean;
}

export interface ProviderDecision {
  accepted: boolean;
  violations: Violation[];
}

/** The provider accepts by naming the key worker and confirming the appointment (and a woman, if she asked for one). */
export function decideAcceptance(handoff: Pick<Handoff, 'preferences'>, acceptance: Acceptance): ProviderDecision {
  const violations: Violation[] = [];
  if (acceptance.keyWorker.name.trim() === '') {
    violations.push(violation('KEY_WORKER_REQUIRED', 'keyWorker.name', 'Name the key worker who will see her.'));
  }
  if (handoff.preferences.femaleKeyWorker && acceptance.keyWorker.gender !== 'female') {
    violations.push(
      violation(
        'FEMALE_KEY_WORKER_REQUIRED',
        'keyWorker.gender',
        'She asked for a female key worker: confirm a female key worker before accepting.',
      ),
    );
  }
  if (!acceptance.appointmentConfirmed) {
    violations.push(
      violation(
        'APPOINTMENT_CONFIRMATION_REQUIRED',
        'appointmentConfirmed',
        'Confirm the first appointment to accept.',
      ),
    );
  }
  return { accepted: violations.length === 0, violations };
}

/** A provider may decline, but must say why so healthcare can find another provider. */
export function decideDecline(reason: string | null | undefined): ProviderDecision {
  if (typeof reason === 'string' && reason.trim() !== '') return { accepted: false, violations: [] };
  return {
    accepted: false,
    violations: [violation('DECLINE_REASON_REQUIRED', 'reason', 'Give a reason for declining this handoff.')],
  };
}
