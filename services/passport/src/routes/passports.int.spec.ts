import type { KnownEvent } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';
import { auditLog, passportTimeline } from '../db/schema.js';
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

  /** Steps each event in turn (topics are not ordered with each other), answering the last update. */
  async function steps(...events: KnownEvent[]) {
    let last: Awaited<ReturnType<typeof step>> | undefined;
    for (const event of events) last = await step(event);
    return last!;
  }

  const get = (caller: Caller, path: string) => service.call(caller, 'GET', path);

  it('drives every required pathway through every status, from its owner’s verdicts only', async () => {
    const her = eventsFor('A1001AA');
    const seenStatuses = new Map<string, Set<string>>();
    const record = (update: Awaited<ReturnType<typeof step>>) => {
      for (const { pathway, status } of update.pathways) {
        seenStatuses.set(pathway, (seenStatuses.get(pathway) ?? new Set()).add(status));
      }
      return update;
    };
    const courtRelease = { shortNotice: true, shortNoticeReason: 'COURT' as const };
    const referral = 'Referral made; the community provider has not yet accepted it';
    record(await step(her.scheduled('2026-11-18', '09:30', courtRelease)));
    record(await step(her.judged('release', 'in-progress', { reasons: ['Short-notice release from court'] })));
    record(await step(her.judged('treatment', 'at-risk', { reasons: ['No consent to share'], handoffRevision: 1 })));
    record(await step(her.booked({ dailyOst: false, referrals: { mentalHealth: true, domesticAbuse: false } })));
    record(await step(her.judged('treatment', 'in-progress', { reasons: ['Not yet accepted'], handoffRevision: 2 })));
    record(await step(her.judged('mental-health', 'in-progress', { reasons: [referral] })));
    record(await step(her.judged('accommodation', 'in-progress', { missing: ['confirmed-from date'] })));
    record(
      await step(
        her.judged('transport', 'at-risk', { reasons: ['Arrives after her appointment'], handoffRevision: 2 }),
      ),
    );
    record(await step(her.judged('release', 'complete')));
    record(await step(her.judged('treatment', 'complete', { handoffRevision: 3 })));
    record(await step(her.judged('mental-health', 'complete')));
    record(await step(her.judged('accommodation', 'complete')));
    const complete = record(await step(her.judged('transport', 'complete', { handoffRevision: 3 })));
    expect(complete.complete).toBe(true);
    record(await step(her.accommodationWithdrawn()));
    record(await step(her.judged('accommodation', 'at-risk', { reasons: ['Accommodation withdrawn'] })));
    record(await step(her.judged('accommodation', 'complete')));
    const moved = record(await step(her.rescheduled('2026-11-18', '2026-12-10')));
    expect(moved).toMatchObject({ complete: false, releaseRevision: 2 });
    expect(moved.pathways.find((p) => p.pathway === 'accommodation')).toMatchObject({
      status: 'awaiting-re-check',
      owedBy: 'accommodation',
      reason: 'accommodation has not re-checked since the release moved to Thursday 10 December',
    });
    record(
      await step(her.judged('transport', 'in-progress', { reasons: ['Checking the new day'], handoffRevision: 3 })),
    );
    const cancelled = record(await step(her.cancelled()));
    expect(cancelled.complete).toBe(false);
    record(await step(her.judged('release', 'at-risk', { reasons: ['Release cancelled: Sentence recalculated'] })));

    for (const pathway of ['release', 'treatment', 'accommodation', 'transport']) {
      expect([...(seenStatuses.get(pathway) ?? [])].sort()).toEqual([
        'at-risk',
        'awaiting-re-check',
        'complete',
        'in-progress',
        'not-started',
      ]);
    }
    expect([...(seenStatuses.get('mental-health') ?? [])].sort()).toEqual([
      'awaiting-re-check',
      'complete',
      'in-progress',
      'not-started',
    ]);
    expect(feed.passportEvents('passport.at-risk', her.releaseId).length).toBeGreaterThanOrEqual(1);
    const response = await get(southWest, `/api/passports/${her.releaseId}`);
    expect(response.status).toBe(200);
    const pathway = (name: string) => response.body.pathways.find((p: { pathway: string }) => p.pathway === name);
    expect(pathway('release')).toMatchObject({ status: 'at-risk', reason: 'Release cancelled: Sentence recalculated' });
    expect(pathway('mental-health')).toMatchObject({
      required: true,
      status: 'awaiting-re-check',
      owedBy: 'treatment-continuity',
      statusText: 'Awaiting re-check by treatment-continuity',
    });
    expect(pathway('accommodation')).toMatchObject({
      statusText: 'Awaiting re-check by accommodation',
      reasons: [
        'accommodation has not re-checked since the release was cancelled',
        'Its last verdict, before that change, was complete',
      ],
    });
    const timeline = response.body.timeline.map((entry: { summary: string }) => entry.summary);
    expect(timeline).toContain('Accommodation withdrawn: Landlord withdrew the room');
    expect(timeline).toContain(
      'Accommodation now awaiting re-check by accommodation: accommodation has not re-checked since the release ' +
        'moved to Thursday 10 December; Its last verdict, before that change, was complete',
    );
    expect(JSON.stringify(response.body)).not.toMatch(
      /dailyOst|injectable|provider-bristol|firstAppointment|keyWorker/,
    );

    // A verdict that overtook the release it was judged against waits for it.
    const early = eventsFor('A1005AA');
    const overtaken = await step(early.judged('transport', 'complete', { revision: 1 }));
    expect(overtaken.pathways.find((p) => p.pathway === 'transport')).toMatchObject({
      status: 'awaiting-re-check',
      owedBy: 'release-scheduling',
    });
  });

  it('awaits every owner’s re-check when the release moves, and judges the outcome against the gate passing', async () => {
    const her = eventsFor('A1002AA');
    expect((await steps(her.scheduled('2026-11-18'), ...her.allComplete())).complete).toBe(true);
    await eventually(() => expect(feed.passportEvents('passport.completed', her.releaseId)).toHaveLength(1));
    expect((await step(her.rescheduled('2026-11-18', '2026-11-17'))).complete).toBe(false);
    const moved = await get(southWest, `/api/passports/${her.releaseId}`);
    expect(moved.body).toMatchObject({ complete: false, gaps: 4, releaseDate: '2026-11-17', releaseRevision: 2 });
    expect(moved.body.risk.missing).toContain(
      'Accommodation: accommodation has not re-checked since the release moved to Tuesday 17 November',
    );
    expect((await steps(...her.allComplete())).complete).toBe(true);
    await eventually(() => expect(feed.passportEvents('passport.completed', her.releaseId)).toHaveLength(2));
    await step(her.occurred('2026-11-17'));
    const awaiting = await get(southWest, `/api/passports/${her.releaseId}`);
    expect(awaiting.body.outcome).toMatchObject({ status: 'awaiting-re-check' });
    await feed.publish(...her.allComplete());

    // She passed the gate after her transport left: transport says so on the gate's revision.
    const other = eventsFor('A1003AA');
    const notAccepted = { reasons: ['Provider has not yet accepted the handoff'] };
    await steps(
      other.scheduled('2026-11-19'),
      other.judged('release', 'complete'),
      other.judged('accommodation', 'complete'),
      other.judged('transport', 'complete'),
      other.judged('treatment', 'in-progress', notAccepted),
    );
    await step(other.occurred('2026-11-19', '14:10'));
    await step(other.judged('release', 'complete'));
    await step(other.judged('accommodation', 'complete'));
    await step(other.judged('treatment', 'in-progress', notAccepted));
    expect(feed.passportEvents('passport.released-incomplete', other.releaseId)).toHaveLength(0);
    await step(
      other.judged('transport', 'at-risk', { reasons: ['She passed the gate at 14:10, after the transport left'] }),
    );
    const leftIncomplete = await eventually(() => {
      const [event] = feed.passportEvents('passport.released-incomplete', other.releaseId);
      expect(event).toBeDefined();
      return event!;
    });
    expect(leftIncomplete.data).toMatchObject({ prisonCode: 'EHI', releaseDate: '2026-11-19' });
    expect(leftIncomplete.data.missing).toEqual([
      'Treatment: Provider has not yet accepted the handoff',
      'Transport: She passed the gate at 14:10, after the transport left',
    ]);
    const outcomes = await eventually(async () => {
      const response = await get(southWest, '/api/outcomes?prison=EHI&month=2026-11');
      expect(response.body.items[0]).toMatchObject({ releases: '<5', awaitingReCheck: 0 });
      return response.body;
    });
    // Two releases, one complete: published only as small counts, with no share that would give them away.
    expect(outcomes.items).toEqual([
      { prisonCode: 'EHI', month: '2026-11', releases: '<5', releasedComplete: '<5', awaitingReCheck: 0, share: null },
    ]);
    expect(feed.passportEvents('passport.released-incomplete', her.releaseId)).toHaveLength(0);
    expect(feed.passportEvents('passport.released-incomplete', other.releaseId)).toHaveLength(1);
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
    for (const [her, date] of [
      [soonest, '2026-11-04'], // 3 gaps, 2 days: 1.0
      [soon, '2026-11-05'], // 3 gaps, 3 days: 0.75
      [later, '2026-11-25'], // 3 gaps, 23 days: 0.125
      [ready, '2026-11-06'],
    ] as const) {
      await step(her.scheduled(date, '09:30', region));
      await step(her.judged('release', 'complete'));
    }
    const judged = await steps(
      ready.judged('treatment', 'complete'),
      ready.judged('accommodation', 'complete'),
      ready.judged('transport', 'complete'),
    );
    expect(judged.complete).toBe(true);

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
    expect((await get(wales, '/api/upcoming-releases?prison=EHI&to=2026-11-05')).body.total).toBe(2);
    expect((await get(wales, '/api/upcoming-releases?prison=DWI')).body).toMatchObject({ items: [], total: 0 });
    expect((await get(wales, '/api/upcoming-releases?from=not-a-date')).status).toBe(400);

    // Each page's audit is one row naming the women it showed, in order; an empty page is recorded naming no one.
    const shown = async (answer: Awaited<ReturnType<typeof get>>) =>
      (await service.auditOf(answer)).map((row) => [row.action, row.personId, row.listed]);
    expect(await shown(first)).toEqual([['list-upcoming-releases', null, ['A2001AA', 'A2002AA']]]);
    expect(await shown(second)).toEqual([['list-upcoming-releases', null, ['A2003AA', 'A2004AA']]]);
    expect(await shown(pastTheEnd)).toEqual([['list-upcoming-releases', null, []]]);
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
    // Her own timeline only, every line of it: the earlier tests' passports have timelines of their own.
    const own = await service.context.db.$count(passportTimeline, eq(passportTimeline.releaseId, releaseId));
    expect(await service.context.db.$count(passportTimeline)).toBeGreaterThan(own);
    expect(timeline.body.timeline).toHaveLength(own);
    expect(timeline.body.timeline.at(-1).summary).toBe(
      'At risk: 7 working days to release (threshold 10) and the passport is incomplete',
    );
    expect(await sweepRisk(context)).toBe(0);
  });
});
