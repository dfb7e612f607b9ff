import type { KnownEvent } from '@resettle/contracts';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passport } from '../app.js';
import { eventsFor } from '../domain/events.fixture.js';
import { upstreamFeed } from '../test-support/feed.js';

const probation: Caller = { sub: 'pp-1', roles: ['probation'], region: 'South West' };
const provider: Caller = { sub: 'worker-a', roles: ['provider'], organisation: 'provider-a' };
const clock = () => new Date('2027-02-10T10:00:00Z');

describe('after the gate, on the real broker: the missed appointment alarm and continuity of care', () => {
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

  /** Publishes each event in turn and waits for the passport.updated it caused. */
  async function steps(...events: KnownEvent[]) {
    for (const event of events) {
      await feed.publish(event);
      await eventually(() => expect(feed.updateCausedBy(event.id)).toBeDefined());
    }
  }
  type Her = ReturnType<typeof eventsFor>;
  /**
   * She leaves on `date`, with a complete passport or with transport at risk at the gate; with a treatment need (a
   * handoff booked by prison healthcare) unless told otherwise.
   */
  async function leaves(her: Her, date: string, complete = true, need = true) {
    await steps(her.scheduled(date), ...(need ? [her.booked()] : []), ...her.allComplete(), her.occurred(date));
    if (complete) return steps(...her.allComplete());
    return steps(
      her.judged('release', 'complete'),
      her.judged('treatment', 'complete'),
      her.judged('accommodation', 'complete'),
      her.judged('transport', 'at-risk', { reasons: ['She passed the gate after the transport left'] }),
    );
  }
  const get = (caller: Caller, path: string) => service.call(caller, 'GET', path);

  it('raises the alarm on a missed first appointment and clears it once a moved one is attended', async () => {
    const her = eventsFor('B1001AA');
    await leaves(her, '2027-01-06');
    await steps(her.firstAppointment('not-attended', '2027-01-06T13:00:00Z'));
    const [alarm] = await eventually(() => {
      const told = feed.passportEvents('passport.missed-first-appointment', her.releaseId);
      expect(told).toHaveLength(1);
      return told;
    });
    expect(alarm!.data).toMatchObject({ releaseId: her.releaseId, appointmentAt: '2027-01-06T13:00:00Z' });
    const raised = await get(probation, `/api/passports/${her.releaseId}`);
    expect(raised.body.alarm).toBe('missed-first-appointment');
    expect(raised.body.timeline.map((line: { summary: string }) => line.summary)).toContain(
      'ALARM: missed first appointment',
    );
    await steps(her.firstAppointment('moved', '2027-01-06T13:00:00Z', '2027-01-08T10:00:00Z'));
    expect((await get(probation, `/api/passports/${her.releaseId}`)).body.alarm).toBe('missed-first-appointment');
    await steps(her.firstAppointment('attended', '2027-01-08T10:00:00Z'));
    expect((await get(probation, `/api/passports/${her.releaseId}`)).body.alarm).toBeNull();
  });

  it('counts each release once per prison and month, over the right denominators, with small counts hidden', async () => {
    const started = async (her: Her, startedOn: string) => steps(her.treatmentStarted(startedOn));
    const women = Array.from({ length: 9 }, (_, index) => eventsFor(`C100${index}AA`));
    const [a, b, c, d, e, f, g, h, i] = women as [Her, Her, Her, Her, Her, Her, Her, Her, Her];
    // With the first test's release (6 January: complete, attended once after a move, no start).
    for (const her of women) await leaves(her, '2027-01-12', her !== d);
    await steps(a.firstAppointment('attended', '2027-01-12T13:00:00Z'));
    await started(a, '2027-01-13');
    // Missed, moved, attended, and the attendance recorded twice: attended once. The second record changes nothing
    // (no passport.updated); the start after it, on the same topic and partition, is folded after it.
    await steps(
      b.firstAppointment('not-attended', '2027-01-12T13:00:00Z'),
      b.firstAppointment('moved', '2027-01-12T13:00:00Z', '2027-01-15T10:00:00Z'),
      b.firstAppointment('attended', '2027-01-15T10:00:00Z'),
    );
    await feed.publish(b.firstAppointment('attended', '2027-01-15T10:00:00Z'));
    await started(b, '2027-01-15');
    // Started 27 days after release: never within 21 days.
    await started(c, '2027-02-08');
    await steps(d.firstAppointment('not-attended', '2027-01-12T13:00:00Z'));
    await steps(e.firstAppointment('attended', '2027-01-12T13:00:00Z'));
    await started(e, '2027-02-02'); // the 21st day: counts
    await steps(g.firstAppointment('attended', '2027-01-12T13:00:00Z'));
    await started(g, '2027-01-12');
    await steps(h.firstAppointment('attended', '2027-01-12T13:00:00Z'));
    await started(h, '2027-01-14');
    void f;
    // The same woman released twice in January: two releases, each counted on its own.
    const firstTime = eventsFor('C1020AA');
    const secondTime = eventsFor('C1020AA');
    await leaves(firstTime, '2027-01-04');
    await steps(firstTime.firstAppointment('attended', '2027-01-04T13:00:00Z'));
    await started(firstTime, '2027-01-05');
    await leaves(secondTime, '2027-01-26');
    // Five released with no treatment need: releases, but not in the treatment measures' denominator.
    for (let index = 0; index < 5; index += 1) await leaves(eventsFor(`C103${index}AA`), '2027-01-20', true, false);
    // One release in another month, on its own: every count under 5.
    await leaves(eventsFor('C1010AA'), '2027-02-01');

    const january = async () => {
      const response = await get(probation, '/api/continuity?prison=EHI&from=2027-01&to=2027-01');
      expect(response.status).toBe(200);
      return response.body.items[0];
    };
    // 17 releases, 16 complete (withheld: the one released incomplete would show by subtraction), 12 with a need,
    // 7 attended (B1001AA, a, b, e, g, h, her first release), 6 started within 21 days (a, b, e, g, h, her first).
    expect(await january()).toEqual({
      prisonCode: 'EHI',
      month: '2027-01',
      releases: 17,
      releasedComplete: '[c]',
      withTreatmentNeed: 12,
      firstAppointmentAttended: 7,
      startedWithin21Days: 6,
      shares: { releasedComplete: null, firstAppointmentAttended: 0.583, startedWithin21Days: 0.5 },
    });
    // Reported on 10 February, after the 21 days, with its real date (30 January, day 18): the figure moves.
    await started(i, '2027-01-30');
    expect((await january()).startedWithin21Days).toBe(7);
    expect((await january()).shares.startedWithin21Days).toBe(0.583);

    const answer = await eventually(async () => {
      const response = await get(probation, '/api/continuity?prison=EHI&from=2027-01&to=2027-02');
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(2);
      return response.body;
    });
    expect(answer.items).toEqual([
      {
        prisonCode: 'EHI',
        month: '2027-02',
        releases: '<5',
        releasedComplete: '<5',
        withTreatmentNeed: '<5',
        firstAppointmentAttended: 0,
        startedWithin21Days: 0,
        shares: { releasedComplete: null, firstAppointmentAttended: null, startedWithin21Days: null },
      },
      {
        prisonCode: 'EHI',
        month: '2027-01',
        releases: 17,
        releasedComplete: '[c]',
        withTreatmentNeed: 12,
        firstAppointmentAttended: 7,
        startedWithin21Days: 7,
        shares: { releasedComplete: null, firstAppointmentAttended: 0.583, startedWithin21Days: 0.583 },
      },
    ]);
    expect(answer.national.figures).toEqual([
      { year: '2021-22', share: 0.37 },
      { year: '2022-23', share: 0.43 },
      { year: '2023-24', share: 0.53 },
    ]);
    const onlyJanuary = await get(probation, '/api/continuity?prison=EHI&from=2027-01&to=2027-01');
    expect(onlyJanuary.body.items).toHaveLength(1);

    const csv = await fetch(`${service.url}/api/continuity.csv?prison=EHI&from=2027-01&to=2027-01`, {
      headers: { authorization: `Bearer ${service.tokenFor(probation)}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n')[1]).toBe('EHI,2027-01,17,[c],12,7,7,,0.583,0.583');
    expect((await get(provider, '/api/continuity')).status).toBe(403);
  }, 600_000);
});
