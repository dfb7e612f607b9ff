import { describe, expect, it } from 'vitest';
import { webhookChange } from './webhook-registration.js';

const held = { webhookUrl: 'https://hooks.provider.example/resettle?token=abc', hasSecret: true };

describe('a change of a provider webhook', () => {
  it('generates a secret for a new webhook and notes the host', () => {
    expect(webhookChange(undefined, { webhookUrl: 'https://hooks.provider.example/in' })).toEqual({
      secret: 'generate',
      auditNote: 'webhook host none -> hooks.provider.example; signing secret generated',
    });
  });

  it('keeps the secret when the provider is saved again, and never notes a path or query', () => {
    const change = webhookChange(held, { webhookUrl: 'https://hooks.provider.example/other?token=xyz' });
    expect(change).toEqual({
      secret: 'keep',
      auditNote: 'webhook URL changed, host unchanged (hooks.provider.example); signing secret kept',
    });
    expect(change.auditNote).not.toMatch(/token|abc|xyz|other/);
  });

  it('names the old and new host when the URL moves', () => {
    expect(webhookChange(held, { webhookUrl: 'https://new.provider.example/in' }).auditNote).toBe(
      'webhook host hooks.provider.example -> new.provider.example; signing secret kept',
    );
  });

  it('replaces the secret with one given, and never notes it', () => {
    const change = webhookChange(held, {
      webhookUrl: held.webhookUrl,
      webhookSecret: 'a-secret-of-at-least-32-characters!!',
    });
    expect(change.secret).toBe('given');
    expect(change.auditNote).toBe(
      'webhook host unchanged (hooks.provider.example); signing secret replaced by one given',
    );
  });

  it('removes the secret with the URL', () => {
    expect(webhookChange(held, { webhookUrl: null })).toEqual({
      secret: 'clear',
      auditNote: 'webhook host hooks.provider.example -> none; signing secret removed',
    });
  });
});
