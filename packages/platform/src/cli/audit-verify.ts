// Checks a service's audit log hash chain: pnpm audit:verify accommodation [--database-url URL] [--witnessed SEQ:HASH]
import { commandLine } from '@resettle/infra';
import postgres from 'postgres';
import { verifyAuditChain } from '../audit/chain.js';
import { auditVerifyUsage, parseAuditVerifyArgs } from './audit-verify-args.js';

const { service, databaseUrl, witnessed } = commandLine(auditVerifyUsage, parseAuditVerifyArgs);
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  const verdict = await verifyAuditChain(sql, { witnessed });
  const head = verdict.head ? `row ${verdict.head.chainSeq}, hash ${verdict.head.hash}` : 'none';
  if (verdict.intact) {
    const heads = witnessed.length === 1 ? 'the witnessed head' : `the ${witnessed.length} witnessed heads`;
    const checked = witnessed.length > 0 ? `; holds ${heads}` : '';
    const pending = verdict.pending > 0 ? ` (and ${verdict.pending} just written, queued to be chained)` : '';
    console.log(`${service}: audit chain intact: ${verdict.rows} rows${pending}; head ${head}${checked}`);
  } else {
    const at = verdict.brokenAt;
    console.log(
      `${service}: audit chain BROKEN at row ${at?.chainSeq ?? '(unchained)'}${at?.id ? ` (id ${at.id})` : ''}: ` +
        `${at?.reason}; ${verdict.rows} rows intact before it, last good ${head}`,
    );
    process.exitCode = 1;
  }
} finally {
  await sql.end({ timeout: 5 });
}
