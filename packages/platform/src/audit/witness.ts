import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { everyInterval, type Worker } from '../kernel/workers.js';
import { chainHead } from './chain.js';

/**
 * Logs the audit chain's head (its number and hash) at start, and each `intervalMs` after when it has moved. The log is
 * kept outside this database, so it witnesses the chain: an owner who rewrote the chain from some row to the end, head
 * and all, leaves a witnessed head the chain no longer holds, which `pnpm audit:verify --witnessed` reports.
 */
export function auditHeadWitness(sql: Sql, intervalMs: number, logger: Logger): Worker {
  // At info whatever the service's level: a witness left out of the log witnesses nothing.
  const witnessLog = logger.child({}, { level: 'info' });
  let logged: string | undefined;
  const witness = async () => {
    const head = await chainHead(sql);
    if (!head || head.chainSeq === '0') return;
    const auditHead = `${head.chainSeq}:${head.hash}`;
    if (auditHead === logged) return;
    witnessLog.info({ auditHead }, 'audit chain head, kept as a witness (pnpm audit:verify --witnessed checks it)');
    logged = auditHead;
  };
  return everyInterval('audit-head-witness', intervalMs, witness, logger, { runAtStart: true });
}
