import type { DatabaseOrTransaction } from '@resettle/messaging';
import { audit, type DataCategory } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';

/** Who read or changed whose travel plans (never the values). */
export function audited(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  action: string,
  record: { personId?: string | null; resourceId?: string | null },
  categories: DataCategory[] = ['transport'],
) {
  return audit(db, request, { action, ...record, categories, outcome: 'allowed' });
}
