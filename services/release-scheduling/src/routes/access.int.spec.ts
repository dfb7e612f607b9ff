import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../app.js';

const downviewPlanner: Caller = { sub: 'planner-dwi', roles: ['release-planner'], prison: 'DWI' };
const styalPlanner: Caller = { sub: 'planner-sti', roles: ['release-planner'], prison: 'STI' };
const auditor: Caller = { sub: 'auditor-1', roles: ['auditor'] };
const eligibility = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 60,
};

describe('release-scheduling record access and audit', () => {
  let service: TestService;
  let releaseId: string;
  beforeAll(async () => {
    service = await startTestService(releaseScheduling, { clock: () => new Date('2026-11-02T10:00:00Z') });
    const created = await service.call(downviewPlanner, 'POST', '/api/releases', {
      personId: 'A3001AA',
      prisonCode: 'DWI',
      probationRegion: 'London',
      legalReleaseDate: '2026-11-18',
      gateTime: '09:00',
      releaseFrom: 'PRISON',
      eligibility,
      sentenceLengthDays: 300,
    });
    releaseId = created.body.id;
  });
  afterAll(() => service.close());

  it("hides another prison's release (404) and records the denial; the auditor sees who read what", async () => {
    expect((await service.call(downviewPlanner, 'GET', `/api/releases/${releaseId}`)).status).toBe(200);
    expect((await service.call(styalPlanner, 'GET', `/api/releases/${releaseId}`)).status).toBe(404);
    const log = await service.call(auditor, 'GET', '/api/audit?personId=A3001AA');
    const rows = log.body.items.map((row: Record<string, unknown>) => [row.sub, row.action, row.outcome]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['planner-dwi', 'schedule-release', 'allowed'],
        ['planner-dwi', 'read-release', 'allowed'],
        ['planner-sti', 'read-release', 'denied'],
      ]),
    );
    expect(JSON.stringify(log.body)).not.toContain('2026-11-18'); // categories, never values
    // Reading the log is itself audited, naming the women whose rows it showed.
    expect(await service.auditOf(log)).toEqual([
      expect.objectContaining({ action: 'read-audit-log', personId: null, listed: ['A3001AA'], sub: auditor.sub }),
    ]);
    expect((await service.call(downviewPlanner, 'GET', '/api/audit')).status).toBe(403);
  });

  it('refuses a scheduling request for another prison (403) and stores nothing', async () => {
    const response = await service.call(styalPlanner, 'POST', '/api/releases', {
      personId: 'A3002AA',
      prisonCode: 'DWI',
      probationRegion: 'London',
      legalReleaseDate: '2026-11-18',
      gateTime: '09:00',
      releaseFrom: 'PRISON',
      eligibility,
      sentenceLengthDays: 300,
    });
    expect(response.status).toBe(403);
    const listed = await service.call(downviewPlanner, 'GET', '/api/releases');
    expect(listed.body.items.map((item: { personId: string }) => item.personId)).toEqual(['A3001AA']);
  });

  it('audits every one of many simultaneous reads, committing them together rather than one by one', async () => {
    const reads = await Promise.all(
      Array.from({ length: 40 }, () => service.call(downviewPlanner, 'GET', `/api/releases/${releaseId}`)),
    );
    expect(reads.map((read) => read.status)).toEqual(Array(40).fill(200));
    const sql = postgres(service.database.url, { max: 1, onnotice: () => {} });
    try {
      const [rows] = await sql`
        select count(*)::int as rows, count(distinct xmin::text)::int as commits
        from audit_log where action = 'read-release' and sub = 'planner-dwi'`;
      expect(rows?.rows).toBeGreaterThanOrEqual(40);
      expect(rows?.commits).toBeLessThan(rows?.rows);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it('refuses the read (503) when the audit record cannot be written, and the log cannot be altered', async () => {
    const sql = postgres(service.database.url, { max: 1, onnotice: () => {} });
    try {
      await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
      await sql`alter table audit_log rename to audit_log_unavailable`;
      const refused = await service.call(downviewPlanner, 'GET', `/api/releases/${releaseId}`);
      expect(refused.status).toBe(503);
      expect(refused.body.personId).toBeUndefined();
    } finally {
      await sql`alter table audit_log_unavailable rename to audit_log`;
      await sql.end();
    }
  });
});
