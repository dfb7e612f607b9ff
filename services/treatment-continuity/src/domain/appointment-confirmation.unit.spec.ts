import { describe, expect, it } from 'vitest';
import { decideAppointmentConfirmation } from './appointment-confirmation.js';
import { HANDOFF_STATUSES } from './status.js';

describe('the provider confirms or moves the first appointment', () => {
  it('keeps an accepted handoff accepted', () => {
    expect(decideAppointmentConfirmation('accepted', true)).toEqual({ reconfirms: false, violations: [] });
  });

  it('re-confirms a handoff waiting for it when it already has a key worker', () => {
    expect(decideAppointmentConfirmation('needs-reconfirmation', true)).toEqual({ reconfirms: true, violations: [] });
    const noWorker = decideAppointmentConfirmation('needs-reconfirmation', false);
    expect(noWorker.violations).toEqual([
      expect.objectContaining({
        rule: 'HANDOFF_NOT_ACCEPTED',
        field: 'status',
        message: expect.stringMatching(/key worker/),
      }),
    ]);
  });

  it('refuses every other status, naming it', () => {
    for (const status of HANDOFF_STATUSES.filter((s) => s !== 'accepted' && s !== 'needs-reconfirmation')) {
      const decided = decideAppointmentConfirmation(status, true);
      expect(decided.violations).toHaveLength(1);
      expect(decided.violations[0]).toMatchObject({ rule: 'HANDOFF_NOT_ACCEPTED', field: 'status' });
      expect(decided.violations[0]!.message).toContain(status);
    }
  });
});
