import { describe, expect, it } from 'vitest';
import { decideAcceptance, decideDecline } from './acceptance.js';
import { aHandoff, rules } from './handoff.fixture.js';

const wantsWoman = aHandoff({
  preferences: { femaleKeyWorker: true, womenOnlyService: true, childcareConstraints: [] },
});

describe('decideAcceptance', () => {
  it('accepts with a named female key worker when she asked for one', () => {
    const decision = decideAcceptance(wantsWoman, {
      keyWorker: { name: 'Sam Jones', gender: 'female' },
      appointmentConfirmed: true,
    });
    expect(decision).toEqual({ accepted: true, violations: [] });
  });

  it('refuses a key worker not confirmed female when she asked for one', () => {
    for (const gender of ['male', 'other', 'not-stated'] as const) {
      const decision = decideAcceptance(wantsWoman, {
        keyWorker: { name: 'Sam Jones', gender },
        appointmentConfirmed: true,
      });
      expect(decision.accepted).toBe(false);
      expect(decision.violations).toEqual([
        expect.objectContaining({ rule: 'FEMALE_KEY_WORKER_REQUIRED', field: 'keyWorker.gender' }),
      ]);
    }
  });

  it('accepts any key worker when none was asked for', () => {
    const decision = decideAcceptance(aHandoff(), {
      keyWorker: { name: 'Sam', gender: 'male' },
      appointmentConfirmed: true,
    });
    expect(decision.accepted).toBe(true);
  });

  it('requires a named key worker and a confirmed appointment', () => {
    const decision = decideAcceptance(aHandoff(), {
      keyWorker: { name: '  ', gender: 'female' },
      appointmentConfirmed: false,
    });
    expect(rules(decision.violations)).toEqual(['KEY_WORKER_REQUIRED', 'APPOINTMENT_CONFIRMATION_REQUIRED']);
  });
});

describe('decideDecline', () => {
  it('accepts a decline with a reason', () => {
    expect(decideDecline('No capacity in that area')).toEqual({ accepted: false, violations: [] });
  });

  it('refuses a decline without a reason', () => {
    for (const reason of ['', '   ', null, undefined]) {
      expect(rules(decideDecline(reason).violations)).toEqual(['DECLINE_REASON_REQUIRED']);
    }
  });
});
