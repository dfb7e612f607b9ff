import { describe, expect, it } from 'vitest';
import { changedSettings, originOf } from './admin-changes.js';

describe('what an admin change changed', () => {
  it('names each changed setting, old → new, and leaves out the unchanged', () => {
    expect(changedSettings({ opens: '08:00', closes: '12:00' }, { opens: '09:00', closes: '12:00' })).toBe(
      'opens 08:00 → 09:00',
    );
    expect(changedSettings(undefined, { name: 'Turning Point' })).toBe('name (none) → Turning Point');
    expect(changedSettings({ name: 'A' }, { name: 'A' })).toBe('no change');
  });

  it('names a secret as set, changed or removed, never its value', () => {
    const secret = ['webhookSecret', 'webhookUrl'];
    const change = changedSettings(
      { webhookSecret: 's3cret-old', webhookUrl: 'https://u:p@a.example/hook?token=abc' },
      { webhookSecret: 's3cret-new', webhookUrl: null },
      { secret },
    );
    expect(change).toBe('webhookSecret changed; webhookUrl removed');
    expect(changedSettings({}, { webhookSecret: 'x' }, { secret })).toBe('webhookSecret set');
    expect(change).not.toMatch(/s3cret|token|abc/);
  });

  it('shows where a URL points without its credentials, path or query', () => {
    expect(originOf('https://user:pw@hooks.example.org:8443/resettle?token=abc')).toBe(
      'https://hooks.example.org:8443',
    );
    expect(originOf(null)).toBeNull();
    expect(originOf('not a url')).toBe('(not a URL)');
  });
});
