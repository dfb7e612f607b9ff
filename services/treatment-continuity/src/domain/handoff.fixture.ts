import type { Handoff, ReleaseFacts } from './handoff.js';

/** Thursday 2026-04-16, gate 09:00 BST. */
export const release: ReleaseFacts = { releaseDate: '2026-04-16', gateAt: '2026-04-16T09:00:00+01:00' };

export function aHandoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    personId: 'A1234BC',
    releaseId: 'rel-1',
    consentToShare: true,
    treatment: {
      kind: 'methadone',
      dose: '40mg',
      lastDoseInCustodyAt: '2026-04-16T07:30:00+01:00',
      nextInjectionDue: null,
    },
    naloxoneSupplied: true,
    bridgingPrescription: null,
    weekendCoverPlan: null,
    provider: 'Bristol Drugs Project',
    firstAppointment: { at: '2026-04-16T14:00:00+01:00', place: 'Bristol' },
    preferences: { femaleKeyWorker: false, womenOnlyService: false, childcareConstraints: [] },
    referrals: { mentalHealth: false, domesticAbuse: false },
    ...overrides,
  };
}

export const appointmentAt = (at: string) => ({ firstAppointment: { at, place: 'Bristol' } });

export const rules = (violations: { rule: string }[]) => violations.map((v) => v.rule);
