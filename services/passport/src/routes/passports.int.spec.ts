import type { KnownEvent } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';
import { auditLog } from '../db/schema.js';
import { eventsFor } from '../domain/events.fixture.js';
import { sweepRisk } from '../events/risk-sweep.js';
import { upstreamFeed } from '../test-support/feed.js';

const southWest: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };
const london: Caller = { sub: 'pp-2', roles: ['probation'], region: 'London' };
// Monday 2 November 2026, 10:00 London; the last test moves it on.
let now = new Date('2026-11-02T10:00:00Z');
const clock = () => now;

describe('passport service on the real broker and database', () => {
  let service: TestService;
  let feed: Awaited<ReturnType<typeof upstreamFeed>>;

  beforeAll(async () => {
    service = await startTestService(passport, { clock, env: { RISK_SWEEP_SECONDS: '0' } });
    feed = await upstreamFeed(service.namespace);
  });
  afterAll(async () => {
    await feed.close();
    await service.close();
  });

  /** Publishes one event and waits for the passport.updated it caused. */
  async function step(event: KnownEvent) {
    await feed.publish(event);
    return eventually(() => {
      const update = feed.updateCausedBy(event.id);
      expect(update).toBeDefined();
      return update!.data;
    });
  }

  const get = (caller: Caller, path: string) => service.call(caller, 'GET', path);

  it('drives every required pathway through every status, with events only', async () => {
    const her = eventsFor('A1001AA');
    const seenStatuses = new Map<string, Set<string>>();
    const record = (update: Awaited<ReturnType<typeof step>>) => {
      for (const { pathway, status } of update.pathways) {
        seenStatuses.set(pathway, (seenStatuses.get(pathway) ?? new Set()).add(status));
      }
      return update;
    };
    const courtRelease = { shortNotice: true, shortNoticeReason: 'COURT' as const };
    record(await step(her.scheduled('2026-11-18', '09:30', courtRelease)));
    record(await step(her.booked({ consentToShare: false })));
    record(await step(her.booked({ dailyOst: false, referrals: { mentalHealth: true, domesticAbuse: false } })));
    record(await step(her.accommodationConfirmed(null)));
    record(await step(her.transportArranged('2026-11-18')));
    record(await step(her.accepted()));
    const complete = record(await step(her.accommodationChanged('2026-11-18')));
    expect(complete.pathways.find((p) => p.pathway === 'release')?.status).toBe('complete');
    expect(complete.complete).toBe(true); // the mental-health referral is complete with the accepted handoff
    record(await step(her.accommodationWithdrawn()));
    record(await step(her.accommodationConfirmed('2026-11-18')));
    record(await step(her.transportAtRisk()));
    record(await step(her.transportChanged('2026-11-18')));
    const cancelled = record(await step(her.cancelled()));
    expect(cancelled.complete).toBe(false);
    // Before her release is scheduled: the release pathway not started, travel waiting for a date to check.
    const early = eventsFor('A1005AA');
    record(await step(early.booked()));
    record(await step(early.transportArranged('2026-11-18')));

    for (const pathway of ['release', 'treatment', 'accommodation', 'transport']) {
      expect([...(seenStatuses.get(pathway) ?? [])].sort()).toEqual([
        'at-risk',
        'complete',
        'in-progress',
        'not-started',
      ]);
    }
    expect([...(seenStatuses.get('mental-health') ?? [])].sort()).toEqual(['complete', 'in-progress', 'not-started']);
    expect(feed.passportEvents('passport.at-risk', her.releaseId).length).toBeGreaterThanOrEqual(1);

    const response = await get(southWest, `/api/passports/${her.releaseId}`);
    expect(response.status).toBe(200);
    expect(response.body.pathways.find((p: { pathway: string }) => p.pathway === 'release')).toMatchObject({
      status: 'at-risk',
      reason: 'Release cancelled: Sentence recalculated',
    });
    expect(response.body.pathways.find((p: { pathway: string }) => p.pathway === 'mental-health')).toMatchObject({
      required: true,
      status: 'complete',
    });
    expect(response.body.timeline.map((entry: { summary: string }) => entry.summary)).toContain(
      'Accommodation withdrawn: Landlord withdrew the room',
    );
    expect(JSON.stringify(response.body)).not.toMatch(
      /dailyOst|injectable|provider-bristol|firstAppointment|keyWorker/,
    );
  });

  it('makes a complete passport incomplete when the release moves earlier, and complete again', async () => {
    const her = eventsFor('A1002AA');
    await feed.publish(her.scheduled('2026-11-18'), her.booked());
    await step(her.accepted());
    await step(her.accommodationConfirmed('2026-11-18'));
    expect((await step(her.transportArranged('2026-11-18'))).complete).toBe(true);
    await eventually(() => expect(feed.passportEvents('passport.completed', her.releaseId)).toHaveLength(1));

    expect((await step(her.rescheduled('2026-11-18', '2026-11-17'))).complete).toBe(false);
    const moved = await get(southWest, `/api/passports/${her.releaseId}`);
    expect(moved.body).toMatchObject({ complete: false, gaps: 3, releaseDate: '2026-11-17' });
    expect(moved.body.risk.missing).toContain(
      'Accommodation: Release moved to Tuesday 17 November; accommodation is confirmed only from Wednesday 18 November',
    );

    await step(her.needsReconfirmation('2026-11-17'));
    await step(her.accepted('2026-11-17T13:00:00Z'));
    await step(her.accommodationChanged('2026-11-17'));
    expect((await step(her.transportChanged('2026-11-17'))).complete).toBe(true);
    await eventually(() => expect(feed.passportEvents('passport.completed', her.releaseId)).toHaveLength(2));

    await feed.publish(her.occurred('2026-11-17'));
    const other = eventsFor('A1003AA');
    await step(other.scheduled('2026-11-19'));
    await step(other.booked());
    await feed.publish(other.occurred('2026-11-19'));
    const leftIncomplete = await eventually(() => {
      const [event] = feed.passportEvents('passport.released-incomplete', other.releaseId);
      expect(event).toBeDefined();
      return event!;
    });
    expect(leftIncomplete.data).toMatchObject({ prisonCode: 'EHI', releaseDate: '2026-11-19' });
    expect(leftIncomplete.data.missing).toContain('Treatment: Provider has not yet accepted the handoff');
    expect(feed.passportEvents('passport.released-incomplete', her.releaseId)).toHaveLength(0);

    const outcomes = await eventually(async () => {
      const response = await get(southWest, '/api/outcomes?prison=EHI&month=2026-11');
      expect(response.body.items[0]?.releases).toBe(2);
      return response.body;
    });
    expect(outcomes.items).toEqual([
      { prisonCode: 'EHI', month: '2026-11', releases: 2, releasedComplete: 1, share: 0.5 },
    ]);
  });

  it('shows a practitioner only the passports of her region', async () => {
    const her = eventsFor('A1004AA');
    const inLondon = { probationRegion: 'London' };
    await step(her.scheduled('2026-11-20', '09:30', inLondon));
    expect((await get(southWest, `/api/passports/${her.releaseId}`)).status).toBe(404);
    expect((await get(southWest, '/api/people/A1004AA/passport')).status).toBe(404);
    expect((await get(london, `/api/passports/${her.releaseId}`)).status).toBe(200);
    expect((await get(london, '/api/people/A1004AA/passport')).body.releaseId).toBe(her.releaseId);
    const upcoming = await get(southWest, '/api/upcoming-releases');
    expect(upcoming.body.items.map((item: { personId: string }) => item.personId)).not.toContain('A1004AA');
    expect((await get({ sub: 'x', roles: ['probation'] }, `/api/passports/${her.releaseId}`)).status).toBe(403);
    expect((await get({ sub: 'x', roles: ['provider'], region: 'London' }, '/api/upcoming-releases')).status).toBe(403);
    const audited = (await service.context.db.select().from(auditLog)).filter((row) => row.personId === 'A1004AA');
    expect(audited.filter((row) => row.outcome === 'allowed' && row.sub === 'pp-2')).toHaveLength(2);
    expect(audited.filter((row) => row.outcome === 'denied' && row.sub === 'pp-1')).toHaveLength(2);
  });

  it('lists upcoming releases highest risk first, paginated with a total', async () => {
    const region = { probationRegion: 'Wales' };
    const wales: Caller = { sub: 'pp-3', roles: ['probation'], region: 'Wales' };
    const soonest = eventsFor('A2001AA');
    const soon = eventsFor('A2002AA');
    const later = eventsFor('A2003AA');
    const ready = eventsFor('A2004AA');
    await step(soonest.scheduled('2026-11-04', '09:30', region)); // 3 gaps, 2 days: 1.0
    await step(soon.scheduled('2026-11-05', '09:30', region)); // 3 gaps, 3 days: 0.75
    await step(later.scheduled('2026-11-25', '09:30', region)); // 3 gaps, 23 days: 0.125
    await step(ready.scheduled('2026-11-06', '09:30', region));
    await feed.publish(ready.booked({ firstAppointment: { at: '2026-11-06T13:00:00Z', place: 'Cardiff' } }));
    await step(ready.accepted('2026-11-06T13:00:00Z'));
    await step(ready.accommodationConfirmed('2026-11-06'));
    expect((await step(ready.transportArranged('2026-11-06'))).complete).toBe(true);

    const first = await get(wales, '/api/upcoming-releases?pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(first.body.items.map((item: { personId: string }) => item.personId)).toEqual(['A2001AA', 'A2002AA']);
    expect(first.body.items[0]).toMatchObject({ daysToRelease: 2, gaps: 3, riskScore: 1, atRisk: true });
    const second = await get(wales, '/api/upcoming-releases?pageSize=2&page=2');
    expect(second.body.items.map((item: { personId: string }) => item.personId)).toEqual(['A2003AA', 'A2004AA']);
    expect(second.body.items[1]).toMatchObject({ gaps: 0, complete: true, riskScore: 0 });
    const pastTheEnd = await get(wales, '/api/upcoming-releases?pageSize=2&page=5');
    expect(pastTheEnd.body).toMatchObject({ items: [], page: 5, total: 4 });
    const narrowed = await get(wales, '/api/upcoming-releases?from=2026-11-05&to=2026-11-06');
    expect(narrowed.body.total).toBe(2);
    expect((await get(wales, '/api/upcoming-releases?from=not-a-date')).status).toBe(400);
  });

  it('raises at-risk when release comes near with no new event (the risk sweep)', async () => {
    const later = await get({ sub: 'pp-3', roles: ['probation'], region: 'Wales' }, '/api/people/A2003AA/passport');
    expect(later.body.risk).toMatchObject({ atRisk: false, workingDaysToRelease: 17 });
    const releaseId = later.body.releaseId;
    const context = { ...service.context, settings: { atRiskWorkingDays: 10, eveningCutoff: '17:00' } };
    expect(await sweepRisk(context)).toBe(0);

    now = new Date('2026-11-16T10:00:00Z');
    expect(await sweepRisk(context)).toBeGreaterThanOrEqual(1);
    const [raised] = await eventually(() => {
      const events = feed.passportEvents('passport.at-risk', releaseId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(raised!.data).toMatchObject({ releaseDate: '2026-11-25', workingDaysToRelease: 7 });
    expect(raised!.data.missing).toHaveLength(3);
    const timeline = await get({ sub: 'pp-3', roles: ['probation'], region: 'Wales' }, `/api/passports/${releaseId}`);
    expect(timeline.body.timeline.at(-1).summary).toBe(
      'At risk: 7 working days to release (threshold 10) and the passport is incomplete',
    );
    expect(await sweepRisk(context)).toBe(0);
  });
});
