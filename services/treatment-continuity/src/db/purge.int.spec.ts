import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treatmentContinuity } from '../app.js';

const DAY_MS = 24 * 60 * 60 * 1_000;

describe('the purge, with the clock moved past each retention', () => {
  let service: TestService;
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const ids = { delivered: randomUUID(), pending: randomUUID(), deadLettered: randomUUID(), heldBehind: randomUUID() };

  beforeAll(async () => {
    service = await startTestService(treatmentContinuity, {
      clock,
      env: { PRIVACY_SWEEP_SECONDS: '1', DB_POOL_MAX: '3', WEBHOOK_POLL_MS: '3600000' },
    });
    const sql = service.context.sql;
    const payload = { id: randomUUID(), type: 'treatment.handoff.sent', personId: 'A1234BC', data: { dose: '60 mg' } };
    await sql`insert into providers (provider_id, name) values ('p-1', 'Provider') on conflict do nothing`;
    await sql`insert into webhook_deliveries (id, provider_id, person_id, event_id, event_type, payload, status, attempts)
      values (${ids.delivered}, 'p-1', 'A1234BC', ${randomUUID()}, 'treatment.handoff.sent', ${JSON.stringify(payload)}::jsonb, 'delivered', 1),
             (${ids.pending}, 'p-1', 'A1234BC', ${randomUUID()}, 'treatment.handoff.sent', ${JSON.stringify(payload)}::jsonb, 'pending', 0)`;
    await sql`update webhook_deliveries set next_attempt_at = now() + interval '10 years' where id = ${ids.pending}`;
    await sql`insert into webhook_attempts (delivery_id, attempt, status_code) values (${ids.delivered}, 1, 200)`;
    await sql`insert into inbox (consumer_group, event_id, event_type, person_id, outcome) values
      ('treatment-continuity', ${ids.deadLettered}, 'release.scheduled', 'B2222BB', 'dead-lettered'),
      ('treatment-continuity', ${ids.heldBehind}, 'release.scheduled', 'C3333CC', 'dead-lettered')`;
    await sql`insert into held_people (consumer_group, person_id, blocking_event_id, reason)
      values ('treatment-continuity', 'C3333CC', ${ids.heldBehind}, 'HANDLER_FAILED')`;
  });
  afterAll(async () => service.close());

  it('keeps everything within its retention, then deletes finished webhook payloads and old dead letters, never a pending delivery or a held person’s, and audits each', async () => {
    const sql = service.context.sql;
    offsetMs = 29 * DAY_MS;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await sql`select id from webhook_deliveries`).toHaveLength(2);

    offsetMs = 91 * DAY_MS;
    await eventually(async () => {
      expect((await sql`select id from webhook_deliveries`).map((row) => row.id)).toEqual([ids.pending]);
      expect(await sql`select 1 from webhook_attempts`).toHaveLength(0);
      expect((await sql`select event_id from inbox`).map((row) => row.event_id)).toEqual([ids.heldBehind]);
    }, 20_000);
    const audited = await sql`select resource_id, justification, sub from audit_log where action = 'purge' order by id`;
    expect(audited.map((row) => row.resource_id)).toEqual(
      expect.arrayContaining([
        'webhook deliveries and their attempts',
        'inbox records of dead-lettered and held events',
      ]),
    );
    expect(audited.find((row) => row.resource_id === 'webhook deliveries and their attempts')).toMatchObject({
      sub: 'system',
      justification: expect.stringMatching(/^1 webhook deliveries and their attempts older than 30 days/),
    });
    expect(JSON.stringify(audited)).not.toMatch(/60 mg|B2222BB|C3333CC/);
  });
});
