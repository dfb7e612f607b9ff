import type { Caller } from '@resettle/platform';
import { startTestService, type TestAnswer, type TestService } from '@resettle/platform/testing';
import { eventually, uniqueTopicPrefix } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';
import { passport } from '../../services/passport/src/app.js';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { transport } from '../../services/transport/src/app.js';
import { treatmentContinuity } from '../../services/treatment-continuity/src/app.js';
import { housing, nurse, ordinaryFriday, planner, probation, travel } from '../shared/people.js';
import {
  about,
  accommodationDetail,
  handoffBody,
  type ReleaseFacts,
  scheduleBody,
  travelDetail,
} from '../shared/requests.js';

type Name = 'release-scheduling' | 'treatment-continuity' | 'accommodation' | 'transport' | 'passport';
const officer: Caller = { sub: 'dpo-1', roles: ['data-protection'] };
const DAY_MS = 24 * 60 * 60 * 1_000;

// Both women go through every service; only hers (Alice's) is exported and, later, anonymised.
const ALICE = 'A7101AA';
const BETH = 'B7202BB';
const BETH_ONLY = { dose: '45 mg daily (Beth)', metBy: 'Beth’s sister Carol', postcode: 'BS9' };

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const services = {} as Record<Name, TestService>;
const seeded: Record<string, { release: ReleaseFacts; ids: string[] }> = {};

async function call(name: Name, caller: Caller, method: string, path: string, body?: unknown): Promise<TestAnswer> {
  return services[name].call(caller, method, path, body);
}

/** Retries while the service has not yet heard of the release (409 RELEASE_NOT_YET_KNOWN). */
async function postAboutRelease(name: Name, caller: Caller, path: string, body: object): Promise<{ id: string }> {
  return eventually(async () => {
    const reply = await call(name, caller, 'POST', path, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }, 30_000);
}

async function seed(personId: string, legalReleaseDate: string, only?: typeof BETH_ONLY) {
  const scheduled = await call(
    'release-scheduling',
    planner,
    'POST',
    '/api/releases',
    scheduleBody(personId, { legalReleaseDate }),
  );
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
  const release: ReleaseFacts = scheduled.body;
  const handoff = handoffBody(release);
  const treatment = only ? { ...handoff.treatment, dose: only.dose } : handoff.treatment;
  const booked = await postAboutRelease('treatment-continuity', nurse, '/api/handoffs', { ...handoff, treatment });
  const place = { ...about(release), ...accommodationDetail(release, only?.postcode) };
  const housed = await postAboutRelease('accommodation', housing, '/api/accommodations', place);
  const journey = { ...about(release), ...travelDetail(release), ...(only ? { metBy: only.metBy } : {}) };
  const plan = await postAboutRelease('transport', travel, '/api/travel-plans', journey);
  seeded[personId] = { release, ids: [personId, release.id, booked.id, housed.id, plan.id] };
}

const rows = (name: Name, query: string, ...values: string[]) =>
  services[name].context.sql.unsafe<Record<string, unknown>[]>(query, values);

describe('retention, anonymisation and subject access across the five services', () => {
  beforeAll(async () => {
    const topicPrefix = uniqueTopicPrefix('privacy');
    const env = { PRIVACY_SWEEP_SECONDS: '1', DB_POOL_MAX: '3' };
    for (const definition of [releaseScheduling, treatmentContinuity, accommodation, transport, passport]) {
      // biome-ignore lint/suspicious/noExplicitAny: five definitions with different settings in one loop
      services[definition.name as Name] = await startTestService(definition as any, { topicPrefix, clock, env });
    }
    await seed(ALICE, ordinaryFriday(21));
    await seed(BETH, ordinaryFriday(100), BETH_ONLY);
    for (const personId of [ALICE, BETH]) {
      await eventually(async () => {
        expect((await call('passport', probation, 'GET', `/api/people/${personId}/passport`)).status).toBe(200);
      }, 30_000);
    }
  }, 240_000);

  afterAll(async () => {
    for (const service of Object.values(services).reverse()) await service.close();
  });

  it('exports her records from every service and nothing of another woman, auditing the request and the download', async () => {
    expect(
      (await call('passport', probation, 'POST', '/api/subject-access-requests', { personId: ALICE })).status,
    ).toBe(403);
    const asked = await call('passport', officer, 'POST', '/api/subject-access-requests', { personId: ALICE });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body.progress).toMatch(/^\d of 5 services answered$/);
    const path = `/api/subject-access-requests/${asked.body.id}`;

    const done = await eventually(async () => {
      const progress = await call('passport', officer, 'GET', path);
      expect(progress.body.progress).toBe('5 of 5 services answered');
      return progress.body;
    }, 30_000);
    expect(done.complete).toBe(true);

    const exported = await call('passport', officer, 'GET', `${path}/export`);
    expect(exported.status, JSON.stringify(exported.body)).toBe(200);
    expect(Object.keys(exported.body.services).sort()).toEqual([
      'accommodation',
      'passport',
      'release-scheduling',
      'transport',
      'treatment-continuity',
    ]);
    const text = JSON.stringify(exported.body);
    for (const id of seeded[ALICE]!.ids) expect(text).toContain(id);
    for (const [service, part] of Object.entries<{ records: Record<string, unknown[]> }>(exported.body.services)) {
      const held = Object.values(part.records).reduce((sum, records) => sum + records.length, 0);
      expect(held, `${service} sent none of her records`).toBeGreaterThan(0);
    }
    expect(text).toContain('60 mg daily');
    for (const value of [...seeded[BETH]!.ids, ...Object.values(BETH_ONLY)]) expect(text).not.toContain(value);

    const audited = await rows(
      'passport',
      "select action, sub from audit_log where resource_id = $1 and action <> 'answer-subject-access' order by id",
      asked.body.id,
    );
    expect(audited).toEqual([
      { action: 'request-subject-access', sub: officer.sub },
      { action: 'download-subject-access-export', sub: officer.sub },
    ]);
    for (const name of Object.keys(services) as Name[]) {
      const answered = await rows(
        name,
        "select 1 from audit_log where action = 'answer-subject-access' and person_id = $1",
        ALICE,
      );
      expect(answered, `${name} did not audit its answer`).toHaveLength(1);
    }
  });

  it('after the clock passes the threshold, anonymises her content in every service, keeps the audit trail, leaves Beth alone, and purges the plumbing', async () => {
    const beforeStatuses = await rows(
      'passport',
      'select release_id, release_status, complete, gaps from passports order by release_id',
    );
    const aliceRelease = seeded[ALICE]!.release.releaseDate;
    offsetMs = Date.parse(`${aliceRelease}T12:00:00Z`) - Date.now() + 733 * DAY_MS;

    for (const name of Object.keys(services) as Name[]) {
      await eventually(async () => {
        const marked = await rows(name, "select person_id from audit_log where action = 'anonymise-personal-data'");
        expect(marked.map((row) => row.person_id)).toEqual([ALICE]);
      }, 30_000);
    }

    const [aliceHandoff] = await rows(
      'treatment-continuity',
      'select treatment, first_appointment from handoffs where person_id = $1',
      ALICE,
    );
    expect(aliceHandoff).toMatchObject({
      treatment: { kind: 'methadone', dose: null },
      first_appointment: { place: 'anonymised' },
    });
    const [bethHandoff] = await rows(
      'treatment-continuity',
      'select treatment from handoffs where person_id = $1',
      BETH,
    );
    expect(bethHandoff).toMatchObject({ treatment: { dose: BETH_ONLY.dose } });

    const places = await rows(
      'accommodation',
      'select person_id, local_authority, postcode_district, status from accommodations order by person_id',
    );
    expect(places).toEqual([
      { person_id: ALICE, local_authority: null, postcode_district: null, status: 'confirmed' },
      { person_id: BETH, local_authority: 'Bristol', postcode_district: BETH_ONLY.postcode, status: 'confirmed' },
    ]);
    const plans = await rows('transport', 'select person_id, met_by, mode from travel_plans order by person_id');
    expect(plans).toEqual([
      { person_id: ALICE, met_by: null, mode: 'met-at-gate' },
      { person_id: BETH, met_by: BETH_ONLY.metBy, mode: 'met-at-gate' },
    ]);
    const summaries = await rows(
      'passport',
      'select p.person_id, t.summary from passport_timeline t join passports p using (release_id)',
    );
    expect(summaries.filter((row) => row.person_id === ALICE).every((row) => row.summary === 'anonymised')).toBe(true);
    expect(summaries.filter((row) => row.person_id === BETH).some((row) => row.summary !== 'anonymised')).toBe(true);
    // The figures count statuses and dates, which stay.
    expect(
      await rows('passport', 'select release_id, release_status, complete, gaps from passports order by release_id'),
    ).toEqual(beforeStatuses);
    // Her earlier export is emptied; the request (who asked, when) and its audit rows stay.
    const exports = await rows('passport', 'select records from subject_access_answers');
    expect(exports.every((row) => JSON.stringify(row.records) === '{}')).toBe(true);
    expect(
      await rows('passport', "select 1 from audit_log where action = 'download-subject-access-export'"),
    ).toHaveLength(1);

    for (const name of Object.keys(services) as Name[]) {
      await eventually(async () => {
        expect(await rows(name, 'select 1 from outbox where published_at is not null')).toHaveLength(0);
        expect(await rows(name, "select 1 from inbox where outcome = 'applied'")).toHaveLength(0);
        const purges = await rows(name, "select resource_id, justification from audit_log where action = 'purge'");
        expect(purges.map((row) => row.resource_id)).toContain('published outbox events');
        expect(JSON.stringify(purges)).not.toContain(ALICE);
      }, 30_000);
    }
  });
});
