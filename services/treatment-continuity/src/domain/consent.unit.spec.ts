import { describe, expect, it } from 'vitest';
import { maySendToProvider, NO_CONSENT_REASON, statusOnRecording } from './consent.js';

describe('consent to share', () => {
  it('records a handoff without consent as blocked, with the reason', () => {
    expect(statusOnRecording({ consentToShare: false })).toEqual({
      status: 'blocked-no-consent',
      reason: 'No consent to share: nothing can be sent to the provider',
    });
    expect(maySendToProvider({ consentToShare: false })).toBe(false);
    expect(NO_CONSENT_REASON).toMatch(/^No consent to share/);
  });

  it('books a handoff with consent', () => {
    expect(statusOnRecording({ consentToShare: true })).toEqual({ status: 'booked' });
    expect(maySendToProvider({ consentToShare: true })).toBe(true);
  });
});
