import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, type Harness, startHarness } from '../test-support/harness.js';

// A public address written as an IP: no lookup, and no delivery is ever made to it (no handoff names provider-z).
const HOOK = 'https://93.184.215.14/resettle?token=do-not-log-me';

describe("an admin's change to a provider's registration is audited: who, when, what changed, never a secret", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const register = (body: object) => harness.service.call(admin, 'PUT', '/api/providers/provider-z', body);

  it('records the registration and each later change, naming the webhook URL and secret but never showing them', async () => {
    const registered = await register({
      name: 'Provider Z',
      webhookUrl: HOOK,
      webhookSecret: 'first-secret-0123456789abcdef-0123',
    });
    expect(registered.status).toBe(200);
    expect(await harness.service.auditOf(registered)).toMatchObject([
      {
        action: 'register-provider',
        resourceId: 'provider-z',
        sub: admin.sub,
        outcome: 'allowed',
        categories: ['reference-data'],
      },
    ]);
    const renamed = await register({
      name: 'Provider Zed',
      webhookUrl: HOOK,
      webhookSecret: 'second-secret-0123456789abcdef-0123',
    });
    const dropped = await register({ name: 'Provider Zed', webhookUrl: null });
    const rows = await harness.service.context.sql<{ action: string; justification: string; at: Date }[]>`
      select action, justification, at from audit_log where resource_id = 'provider-z' order by id`;
    expect(rows.map((row) => [row.action, row.justification])).toEqual([
      ['register-provider', 'webhook host none -> 93.184.215.14; signing secret set as given'],
      [
        'register-provider',
        'name Provider Z → Provider Zed; webhook host unchanged (93.184.215.14); signing secret replaced by one given',
      ],
      ['register-provider', 'webhook host 93.184.215.14 -> none; signing secret removed'],
    ]);
    expect(rows.every((row) => Number.isFinite(new Date(row.at).getTime()))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/secret-0123|do-not-log-me|resettle\?token/);
    expect([renamed.status, dropped.status]).toEqual([200, 200]);
  });
});
