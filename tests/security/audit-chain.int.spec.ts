import { spawnSync } from 'node:child_process';
import { repoRoot } from '@resettle/infra';
import { type AuditFacts, audit, auditHeadWitness, linkAuditChain, verifyAuditChain } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually } from '@resettle/testing';
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';

const read = (n: number): AuditFacts => ({
  action: 'read-accommodation',
  personId: `A${String(1000 + (n % 9000)).padStart(4, '0')}BC`,
  categories: ['accommodation'],
  outcome: 'allowed',
});

const twelve = Array.from({ length: 12 }, (_, n) => `L${String(1000 + n)}BC`);

/** As only the owner or a superuser could: with the log's and the chain's own triggers off for one statement. */
async function tamper(sql: postgres.Sql, statement: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe('alter table audit_log disable trigger user; alter table audit_chain disable trigger user');
    await tx.unsafe(statement);
    await tx.unsafe('alter table audit_log enable trigger user; alter table audit_chain enable trigger user');
  });
}

/** The audit rows at these places in the chain. */
const atPlaces = (condition: string) => `id in (select audit_id from audit_chain where ${condition})`;

/** `pnpm audit:verify accommodation` against one database, as an operator runs it. */
function auditVerify(databaseUrl: string, ...options: string[]) {
  const command = ['packages/platform/src/cli/audit-verify.ts', 'accommodation', '--database-url', databaseUrl];
  return spawnSync(process.execPath, ['--import', 'tsx', ...command, ...options], { cwd: repoRoot, encoding: 'utf8' });
}

/** accommodation on a fresh database, and a superuser's connection to it: to tamper as only the owner could. */
function accommodationToTamperWith(): { service: TestService; asSuperuser: postgres.Sql } {
  const running = {} as { service: TestService; asSuperuser: postgres.Sql };
  beforeAll(async () => {
    // The chainer runs at start and then only when the test links: what is queued stays queued until then.
    running.service = await startTestService(accommodation, { env: { AUDIT_CHAIN_INTERVAL_MS: '60000' } });
    running.asSuperuser = postgres(running.service.database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await running.asSuperuser?.end({ timeout: 1 });
    await running.service?.close();
  });
  return running;
}

describe('the audit log hash chain', () => {
  const running = accommodationToTamperWith();

  it('keeps one chain through concurrent writes, grouped reads and transactions alike, and verifies', async () => {
    const { service, asSuperuser } = running;
    // A list of twelve women: one row naming them all. Written first, so it is chained first: the tests below tamper
    // with row 90 and leave it so, and a list chained after it would be hidden behind it.
    await service.context.transactFor({ correlationId: 'list' }, (work) =>
      work.audit({
        ...read(0),
        action: 'list-accommodation',
        listed: twelve,
        categories: ['accommodation', 'release'],
      }),
    );
    await Promise.all([
      ...Array.from({ length: 120 }, (_, n) => audit(service.context.db, null, read(n))),
      ...Array.from({ length: 40 }, (_, n) =>
        service.context.transactFor({ correlationId: `c-${n}` }, async (work) => {
          await work.audit(read(n));
          await work.audit({ ...read(n), action: 'change-accommodation' });
        }),
      ),
    ]);
    // Written and queued, and chained a moment later: pending until then, never broken.
    expect(await verifyAuditChain(service.context.sql)).toMatchObject({ intact: true, rows: 0, pending: 201 });
    expect(await linkAuditChain(service.context.sql)).toBe(201);
    const verdict = await verifyAuditChain(service.context.sql);
    expect(verdict).toMatchObject({ intact: true, rows: 201, pending: 0, head: { chainSeq: '201' } });
    const [numbers] = await asSuperuser`
      select count(distinct seq)::int as distinct, count(distinct audit_id)::int as rows, min(seq)::int as first,
             max(seq)::int as last
      from audit_chain`;
    expect(numbers).toEqual({ distinct: 201, rows: 201, first: 1, last: 201 });
    const listed = await asSuperuser`
      select person_id, listed, categories, roles from audit_log where action = 'list-accommodation'`;
    expect(listed).toEqual([{ person_id: null, listed: twelve, categories: ['accommodation', 'release'], roles: [] }]);
  });

  it('names the first altered row, whoever altered it', async () => {
    const { service, asSuperuser } = running;
    const [row] = await asSuperuser<{ action: string }[]>`select action from audit_log where ${asSuperuser.unsafe(
      atPlaces('seq = 57'),
    )}`;
    await tamper(asSuperuser, `update audit_log set action = 'tampered' where ${atPlaces('seq in (57, 90)')}`);
    expect(await verifyAuditChain(service.context.sql)).toMatchObject({
      intact: false,
      rows: 56,
      brokenAt: { reason: 'row-altered', chainSeq: '57' },
    });
    await tamper(asSuperuser, `update audit_log set action = '${row?.action}' where ${atPlaces('seq = 57')}`);
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({ chainSeq: '90' });
  });

  it('notices a woman taken out of a list read, and is whole again once she is put back', async () => {
    const { service, asSuperuser } = running;
    const [list] = await asSuperuser<{ chainSeq: string }[]>`
      select seq::text as "chainSeq" from audit_chain join audit_log on audit_log.id = audit_chain.audit_id
      where action = 'list-accommodation'`;
    expect(list?.chainSeq).toBe('1');
    await tamper(asSuperuser, "update audit_log set listed = listed[2:] where action = 'list-accommodation'");
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({
      reason: 'row-altered',
      chainSeq: list?.chainSeq,
    });
    const all = twelve.map((personId) => `'${personId}'`).join(',');
    await tamper(asSuperuser, `update audit_log set listed = array[${all}] where action = 'list-accommodation'`);
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({ chainSeq: '90' });
  });

  it('notices a row re-hashed to cover the change, a row removed, its place removed, one slipped in, and the newest rows removed', async () => {
    const { service, asSuperuser } = running;
    await tamper(
      asSuperuser,
      `update audit_chain set hash = encode(sha256(convert_to(audit_log_canonical(audit_log, seq, prev_hash), 'UTF8')), 'hex')
       from audit_log where audit_log.id = audit_chain.audit_id and seq = 90`,
    );
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toEqual({
      reason: 'link-mismatch',
      chainSeq: '91',
      id: expect.any(String),
    });
    await tamper(asSuperuser, `delete from audit_log where ${atPlaces('seq >= 90 and seq < 92')}`);
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({
      reason: 'row-missing',
      chainSeq: '90',
    });
    await tamper(asSuperuser, 'delete from audit_chain where seq >= 90 and seq < 92');
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({
      reason: 'row-missing',
      chainSeq: '92',
    });
    await tamper(
      asSuperuser,
      `delete from audit_log where ${atPlaces('seq >= 92')}; delete from audit_chain where seq >= 92`,
    );
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({
      reason: 'head-mismatch',
      chainSeq: '201',
    });
    await tamper(
      asSuperuser,
      `insert into audit_log (sub, roles, action, categories, outcome, correlation_id)
       values ('x', '{}', 'y', '{}', 'allowed', 'z')`,
    );
    expect((await verifyAuditChain(service.context.sql)).brokenAt).toMatchObject({ reason: 'row-unchained' });
  });

  it('is checked from the command line, which exits 1 naming the broken link', async () => {
    const { service } = running;
    const run = auditVerify(service.database.serviceUrl);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/accommodation: audit chain BROKEN at row \(unchained\) \(id \d+\): row-unchained/);
  });
});

describe('an audit chain its owner rewrote whole, from some row to the end', () => {
  const running = accommodationToTamperWith();

  it('still verifies on its own, and is reported against the head the service logged before', async () => {
    const { service, asSuperuser } = running;
    for (let n = 0; n < 30; n++) await audit(service.context.db, null, read(n));
    await linkAuditChain(service.context.sql);
    const logged: { auditHead?: string }[] = [];
    // A service logging only warnings still writes its witness.
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const witness = auditHeadWitness(service.context.sql, 50, logger);
    await witness.start();
    await eventually(() => expect(logged.some((line) => line.auditHead)).toBe(true));
    await witness.stop();
    const [chainSeq, hash] = logged.find((line) => line.auditHead)!.auditHead!.split(':');
    expect(chainSeq).toBe('30');
    const before = auditVerify(service.database.serviceUrl, '--witnessed', `${chainSeq}:${hash}`);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toContain('accommodation: audit chain intact: 30 rows; head row 30');
    expect(before.stdout).toContain('holds the witnessed head');

    // Rows 20 to 30 replaced: deleted with the triggers off, the head set back, then new rows chained on from 19.
    await tamper(
      asSuperuser,
      `delete from audit_log where ${atPlaces('seq >= 20')}; delete from audit_chain where seq >= 20`,
    );
    await asSuperuser`update audit_chain_head set seq = 19, hash = (select hash from audit_chain where seq = 19)`;
    for (let n = 100; n < 115; n++) await audit(service.context.db, null, read(n));
    await linkAuditChain(service.context.sql);

    expect(await verifyAuditChain(service.context.sql)).toMatchObject({ intact: true, rows: 34 });
    const witnessed = [{ chainSeq: chainSeq!, hash: hash! }];
    expect((await verifyAuditChain(service.context.sql, { witnessed })).brokenAt).toEqual({
      reason: 'witness-mismatch',
      chainSeq: '30',
      id: expect.any(String),
    });
    const run = auditVerify(service.database.serviceUrl, '--witnessed', `${chainSeq}:${hash}`);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/accommodation: audit chain BROKEN at row 30 \(id \d+\): witness-mismatch/);
  });
});
