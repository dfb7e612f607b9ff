import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HandoffAction, type HandoffStatus, nextStatus, providerMustBeTold } from './status.js';

const run = (actions: HandoffAction[], consent = true) =>
  actions.reduce<HandoffStatus | null>((status, action) => nextStatus(status, action, consent).status, null);

const STATUSES: HandoffStatus[] = [
  'blocked-no-consent',
  'booked',
  'sent',
  'accepted',
  'declined',
  'needs-reconfirmation',
];
const ACTIONS: HandoffAction[] = [
  'book',
  'rebook',
  'send',
  'accept',
  'decline',
  'reconfirm',
  'releaseRescheduled',
  'releaseCancelled',
];

describe('nextStatus', () => {
  it('follows the happy path book → send → accept', () => {
    expect(run(['book', 'send', 'accept'])).toBe('accepted');
  });

  it('blocks a booking without consent, and nothing can be sent', () => {
    expect(nextStatus(null, 'book', false).status).toBe('blocked-no-consent');
    const send = nextStatus('blocked-no-consent', 'send');
    expect(send.status).toBe('blocked-no-consent');
    expect(send.violations).toEqual([expect.objectContaining({ rule: 'ILLEGAL_TRANSITION', field: 'status' })]);
  });

  it('unblocks when booked again with consent', () => {
    expect(nextStatus('blocked-no-consent', 'book', true).status).toBe('booked');
  });

  it('moves sent or accepted handoffs to needs-reconfirmation when the release moves or is cancelled', () => {
    for (const status of ['sent', 'accepted', 'needs-reconfirmation'] as const) {
      expect(nextStatus(status, 'releaseRescheduled').status).toBe('needs-reconfirmation');
      expect(nextStatus(status, 'releaseCancelled').status).toBe('needs-reconfirmation');
    }
  });

  it('leaves unsent handoffs as they are when the release moves', () => {
    for (const status of ['blocked-no-consent', 'booked', 'declined'] as const) {
      expect(nextStatus(status, 'releaseRescheduled')).toEqual({ status, violations: [] });
    }
  });

  it('returns to accepted when the provider re-accepts', () => {
    expect(run(['book', 'send', 'accept', 'releaseRescheduled', 'reconfirm'])).toBe('accepted');
    expect(run(['book', 'send', 'accept', 'releaseRescheduled', 'accept'])).toBe('accepted');
    expect(run(['book', 'send', 'accept', 'releaseCancelled', 'decline'])).toBe('declined');
  });

  it('lets a declined handoff be rebooked with another provider', () => {
    expect(run(['book', 'send', 'decline', 'rebook', 'send'])).toBe('sent');
  });

  it('refuses illegal transitions', () => {
    expect(nextStatus('booked', 'accept').violations).toHaveLength(1);
    expect(nextStatus('accepted', 'send').violations).toHaveLength(1);
    expect(nextStatus('declined', 'accept').violations).toHaveLength(1);
    expect(nextStatus(null, 'send')).toEqual({
      status: null,
      violations: [expect.objectContaining({ rule: 'ILLEGAL_TRANSITION' })],
    });
  });

  it('tells the provider only when a handoff newly needs re-confirmation', () => {
    expect(providerMustBeTold('accepted', 'needs-reconfirmation')).toBe(true);
    expect(providerMustBeTold('needs-reconfirmation', 'needs-reconfirmation')).toBe(false);
    expect(providerMustBeTold('booked', 'booked')).toBe(false);
  });

  it('property: without consent nothing ever reaches the provider', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 20 }), (actions) => {
        expect(['blocked-no-consent', null]).toContain(run(actions, false));
      }),
    );
  });

  it('property: an illegal transition never changes the status; a legal one always lands on a known status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...ACTIONS), (status, action) => {
        const result = nextStatus(status, action);
        if (result.violations.length > 0) expect(result.status).toBe(status);
        else expect(STATUSES).toContain(result.status);
      }),
    );
  });
});
