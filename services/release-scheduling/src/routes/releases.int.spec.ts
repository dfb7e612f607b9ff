import { randomUUID } from 'node:crypto';
import { TOPICS, topicName } from '@resettle/contracts';
import { createEventBus, type IncomingMessage } from '@resettle/messaging';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually, testInfra } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../app.js';

const planner: Caller = { sub: 'planner-1', roles: ['release-planner'], prison: 'DWI' };
const supervisor: Caller = { sub: 'supervisor-1', roles: ['release-supervisor'], prison: 'DWI' };
const eligible = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 120,
};
// "now" for the service: Monday 2 November 2026, 10:00 London, unless a test moves it on
const MONDAY = new Date('2026-11-02T10:00:00Z');
let now = MONDAY;
const clock = () => now;

function scheduleBody(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    prisonCode: 'DWI',
    probationRegion: 'London',
    legalReleaseDate: '2026-11-18',
    gateTime: '09:30',
    releaseFrom: 'PRISON',
    eligibility: eligible,
    sentenceLengthDays: 180,
    ...overrides,
  };
}

describe('release-scheduling API on the real database and broker', () => {
  let service: TestService;
  const events: IncomingMessage[] = [];
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'rs-watch',
    logger: pino({ level: 'silent' }),
  });
  let stopWatching: () => Promise<void>;

  beforeAll(async () => {
    service = await startTestService(releaseScheduling, { clock });
    const watch = await bus.subscribe({
      groupId: `watch-${randomUUID()}`,
      topics: [topicName(TOPICS.releaseScheduling, service.namespace)],
      handle: async (message) => void events.push(message),
    });
    stopWatching = watch.stop;
  });
  afterAll(async () => {
    await stopWatching();
    await bus.close();
    await service.close();
  });

  const everyEventFor = (personId: string) =>
    events.map((message) => JSON.parse(message.value!.toString())).filter((event) => event.personId === personId);
  const eventsFor = (personId: string) =>
    everyEventFor(personId).filter((event) => event.type !== 'release.pathway-judged');
  const judgementsFor = (personId: string) =>
    everyEventFor(personId).filter((event) => event.type === 'release.pathway-judged');

  it('moves an eligible Friday release to Thursday and publishes release.scheduled exactly once', async () => {
    const response = await service.call(
      planner,
      'POST',
      '/api/releases',
      scheduleBody('A1001AA', { legalReleaseDate: '2026-11-20' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      releaseDate: '2026-11-19',
      legalReleaseDate: '2026-11-20',
      gateTime: '09:30',
    });
    expect(response.body.rulesApplied.map((applied: { rule: string }) => applied.rule)).toContain('FRIDAY_RELEASE');
    await eventually(() => expect(eventsFor('A1001AA')).toHaveLength(1));
    const [event] = eventsFor('A1001AA');
    expect(event).toMatchObject({
      type: 'release.scheduled',
      version: 2,
      data: { releaseDate: '2026-11-19', revision: 1 },
    });
    expect(event.data.gateAt).toBe('2026-11-19T09:30:00.000Z');
  });

  it('refuses a late gate time with 422 naming the rule and the nearest allowed time, and stores nothing', async () => {
    const response = await service.call(
      planner,
      'POST',
      '/api/releases',
      scheduleBody('A1002AA', { gateTime: '15:00' }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      rule: 'LATE_GATE_TIME',
      asked: { date: '2026-11-18', time: '15:00' },
      nearestAllowed: { date: '2026-11-18', time: '12:00' },
    });
    const listed = await service.call(planner, 'GET', '/api/releases?prison=DWI');
    expect(listed.body.items.map((release: { personId: string }) => release.personId)).not.toContain('A1002AA');
  });

  it('answers 400 naming the field for a bad date, a bad prison number and an unknown prison', async () => {
    const badDate = await service.call(
      planner,
      'POST',
      '/api/releases',
      scheduleBody('A1003AA', { legalReleaseDate: '2026-02-30' }),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('body.legalReleaseDate');
    const badPerson = await service.call(planner, 'POST', '/api/releases', scheduleBody('not-a-number'));
    expect(badPerson.status).toBe(400);
    expect(badPerson.body.errors[0].field).toBe('body.personId');
    const unknownPrison = await service.call(
      planner,
      'POST',
      '/api/releases',
      scheduleBody('A1004AA', { prisonCode: 'ZZZ' }),
    );
    expect(unknownPrison.status).toBe(400);
    expect(unknownPrison.body.errors[0]).toMatchObject({ field: 'body.prisonCode', rule: 'unknown-prison' });
  });

  it('needs a token (401) and the right role (403); a second-day approval needs a supervisor', async () => {
    const anonymous = await fetch(`${service.url}/api/releases`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const wrongRole = await service.call(
      { sub: 'p', roles: ['probation'] },
      'POST',
      '/api/releases',
      scheduleBody('A1005AA'),
    );
    expect(wrongRole.status).toBe(403);
    const approval = { secondDayApproval: { reason: 'Thursday is a court day' } };
    const plannerTry = await service.call(planner, 'POST', '/api/releases', scheduleBody('A1005AA', approval));
    expect(plannerTry.status).toBe(403);
    const supervised = await service.call(supervisor, 'POST', '/api/releases', scheduleBody('A1005AA', approval));
    expect(supervised.status).toBe(201);
  });

  it('reschedules, cancels and records the gate, each change publishing one v2 event and one judgement', async () => {
    const created = await service.call(planner, 'POST', '/api/releases', scheduleBody('A1006AA'));
    const id = created.body.id;
    const moved = await service.call(planner, 'POST', `/api/releases/${id}/reschedule`, {
      legalReleaseDate: '2026-11-17',
      reason: 'sentence recalculated',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ releaseDate: '2026-11-17', revision: 2, warnings: [] });
    const early = await service.call(planner, 'POST', `/api/releases/${id}/occurred`, {
      gatePassedAt: '2026-11-17T09:40:00Z',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'GATE_PASSED_IN_FUTURE', field: 'body.gatePassedAt' });
    now = new Date('2026-11-17T10:00:00Z');
    try {
      const passed = await service.call(planner, 'POST', `/api/releases/${id}/occurred`, {
        gatePassedAt: '2026-11-17T09:40:00Z',
      });
      expect(passed.body).toMatchObject({ status: 'released', revision: 3 });
    } finally {
      now = MONDAY;
    }
    const again = await service.call(planner, 'POST', `/api/releases/${id}/cancel`, { reason: 'too late' });
    expect(again.status).toBe(409);
    await eventually(() =>
      expect(eventsFor('A1006AA').map((event) => [event.type, event.version, event.data.revision])).toEqual([
        ['release.scheduled', 2, 1],
        ['release.rescheduled', 2, 2],
        ['release.occurred', 2, 3],
      ]),
    );
    const rescheduled = eventsFor('A1006AA')[1];
    expect(rescheduled.data.previous.releaseDate).toBe('2026-11-18');
    await eventually(() =>
      expect(judgementsFor('A1006AA').map((event) => [event.data.status, event.data.judgedAgainst])).toEqual([
        ['complete', { releaseRevision: 1 }],
        ['complete', { releaseRevision: 2 }],
        ['complete', { releaseRevision: 3 }],
      ]),
    );
  });

  it('judges a cancelled release not started, in the same unit of work as the cancellation', async () => {
    const created = await service.call(planner, 'POST', '/api/releases', scheduleBody('A1008AA'));
    const cancelled = await service.call(planner, 'POST', `/api/releases/${created.body.id}/cancel`, {
      reason: 'remanded',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', revision: 2 });
    await eventually(() =>
      expect(everyEventFor('A1008AA').map((event) => event.type)).toEqual([
        'release.scheduled',
        'release.pathway-judged',
        'release.cancelled',
        'release.pathway-judged',
      ]),
    );
    const [, cancelledJudgement] = judgementsFor('A1008AA');
    expect(cancelledJudgement.data).toMatchObject({
      pathway: 'release',
      required: true,
      status: 'not-started',
      reasons: [{ rule: 'RELEASE_CANCELLED' }],
      judgedAgainst: { releaseRevision: 2 },
    });
  });

  it('records a court release after the gate window as short notice with every warning; a planner’s is refused', async () => {
    // Friday 20 November 2026 at 13:45: Thursday, the day she could have moved to, has gone
    now = new Date('2026-11-20T13:45:00Z');
    try {
      const friday = { legalReleaseDate: '2026-11-20', gateTime: '14:30' };
      const court = await service.call(
        planner,
        'POST',
        '/api/releases',
        scheduleBody('A1009AA', { ...friday, releaseFrom: 'COURT' }),
      );
      expect(court.status).toBe(201);
      expect(court.body).toMatchObject({
        releaseDate: '2026-11-20',
        gateTime: '14:30',
        shortNotice: true,
        shortNoticeReason: 'COURT',
        weekendCoverPlanRequired: true,
      });
      expect(court.body.warnings.map((warning: { rule: string }) => warning.rule)).toEqual([
        'FRIDAY_RELEASE',
        'LATE_GATE_TIME',
      ]);
      const ordinary = await service.call(
        planner,
        'POST',
        '/api/releases',
        scheduleBody('A1010AA', { legalReleaseDate: '2026-11-27', gateTime: '14:30' }),
      );
      expect(ordinary.status).toBe(422);
      expect(ordinary.body.rule).toBe('LATE_GATE_TIME');
    } finally {
      now = MONDAY;
    }
    await eventually(() => expect(judgementsFor('A1009AA')).toHaveLength(1));
    const [judgement] = judgementsFor('A1009AA');
    expect(judgement.data.status).toBe('complete');
    expect(judgement.data.reasons.map((reason: { rule: string }) => reason.rule)).toEqual([
      'SHORT_NOTICE',
      'MOVE_DAY_PASSED',
      'WEEKEND_COVER_PLAN_REQUIRED',
    ]);
  });

  it('schedules one release when the same woman is booked twice at once; the others get 409 and publish nothing', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => service.call(planner, 'POST', '/api/releases', scheduleBody('A1007AA'))),
    );
    const statuses = attempts.map((attempt) => attempt.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(attempts.find((attempt) => attempt.status === 409)!.body.rule).toBe('RELEASE_ALREADY_SCHEDULED');
    await eventually(() => expect(eventsFor('A1007AA')).toHaveLength(1));
    await new Promise((settle) => setTimeout(settle, 500));
    expect(eventsFor('A1007AA')).toHaveLength(1);
  });

  it('audits a list read as one row naming every woman it showed, found by each one’s person id', async () => {
    const listed = await service.call(planner, 'GET', '/api/releases?prison=DWI&pageSize=3');
    expect(listed.status).toBe(200);
    const shown: string[] = [...new Set<string>(listed.body.items.map((item: { personId: string }) => item.personId))];
    expect(shown.length).toBeGreaterThan(1);
    expect(await service.auditOf(listed)).toMatchObject([{ action: 'list-releases', personId: null, listed: shown }]);
    const auditor: Caller = { sub: 'auditor-1', roles: ['auditor'] };
    for (const personId of shown) {
      const log = await service.call(auditor, 'GET', `/api/audit?personId=${personId}&pageSize=500`);
      const reads = log.body.items.filter(
        (row: { correlationId: string }) => row.correlationId === listed.headers['x-correlation-id'],
      );
      expect(reads).toMatchObject([{ action: 'list-releases', listed: shown }]);
    }
  });
});
