import { describe, expect, it } from 'vitest';
import { EXAMPLE_EVENT_DATA } from './examples.js';
import { createProviderMessage, PROVIDER_MESSAGES } from './provider-messages.js';

const context = {
  source: 'treatment-continuity',
  occurredAt: '2026-11-02T10:00:00.000Z',
  correlationId: 'correlation-1',
  causationId: null,
};
const facts = {
  handoffId: '0b7a1c1e-6f7d-4c1a-9d1e-2a3b4c5d6e7f',
  releaseId: '1c8b2d2f-7a8e-4d2b-8e2f-3b4c5d6e7f80',
  providerId: 'provider-a',
  providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
};

describe('messages to providers', () => {
  it('defines the four messages a provider is sent', () => {
    expect(Object.keys(PROVIDER_MESSAGES).sort()).toEqual([
      'treatment.handoff.appointment-changed@v1',
      'treatment.handoff.needs-reconfirmation@v2',
      'treatment.handoff.sent@v1',
      'treatment.handoff.withdrawn@v2',
    ]);
  });

  it('builds an envelope checked against its contract', () => {
    const message = createProviderMessage(
      {
        key: 'treatment.handoff.withdrawn@v2',
        personId: 'A1234BC',
        data: { ...facts, reasonCategory: 'wrong-provider' },
      },
      context,
    );
    expect(message).toMatchObject({ type: 'treatment.handoff.withdrawn', version: 2, personId: 'A1234BC' });
    const appointment = EXAMPLE_EVENT_DATA['treatment.handoff.appointment-changed'];
    expect(
      createProviderMessage(
        { key: 'treatment.handoff.appointment-changed@v1', personId: 'A1234BC', data: appointment },
        context,
      ).data,
    ).toEqual(appointment);
  });

  it('refuses a message that does not match its contract (a free-text reason, say)', () => {
    const withReason = { ...facts, reasonCategory: 'other', reason: 'typed by a nurse' } as never;
    expect(() =>
      createProviderMessage({ key: 'treatment.handoff.withdrawn@v2', personId: 'A1234BC', data: withReason }, context),
    ).toThrow(/does not match its contract/);
  });
});
