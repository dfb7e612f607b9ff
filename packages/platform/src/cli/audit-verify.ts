// Checks a service's audit log hash chain: pnpm audit:verify accommodation [--database-url URL]
import { commandLine } from '@resettle/infra';
import postgres from 'postgres';
import { verifyAuditChain } from '../audit/chain.js';
import { auditVerifyUsage, parseAuditVerifyArgs } from './audit-verify-args.js';

const { service, databaseUrl } = commandLine(auditVerifyUsage, parseAuditVerifyArgs);
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  const verdict = await verifyAuditChain(sql);
  const head = verdict.head ? `row ${verdict.head.chainSeq}, hash ${verdict.head.hash}` : 'none';
  if (verdict.intact) {
    console.log(`${service}: audit chain intact: ${verdict.rows} rows; head ${head}`);
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
