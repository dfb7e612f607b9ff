import type { DatabaseOrTransaction } from '@resettle/messaging';
import type { TObject } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.js';
import { inCaseload } from '../release-copy/caseload.js';
import { findRelease } from '../release-copy/queries.js';
import { NotFound } from './problems.js';
import type { ReleaseRecord, ReleaseRecords } from './release-records.js';

type Audited = Pick<ReleaseRecords<ReleaseRecord, TObject>, 'category' | 'noun'>;

/**
 * The record, if her release is in the caller's caseload. Another caseload's record is a 404, as if it did not exist,
 * and the attempt is audited as denied; an absent one is a plain 404.
 */
export async function visibleRecord<Row extends ReleaseRecord>(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  records: Audited,
  action: string,
  row: Row | undefined,
): Promise<Row> {
  if (!row) throw new NotFound(`no such ${records.noun}`);
  const release = await findRelease(db, row.releaseId);
  if (release && inCaseload(request.user, release)) return row;
  await denied(db, request, records, action, { id: row.id, personId: row.personId });
  throw new NotFound(`no such ${records.noun}`);
}

/**
 * Before listing a release's records or making a new one: a release known to be outside the caller's caseload is a
 * 404, audited as denied. One not known yet passes: it has no records to list, and a new one meets the 409 that asks
 * her to try again once its schedule has arrived.
 */
export async function refuseOutsideCaseload(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  records: Audited,
  action: string,
  releaseId: string,
): Promise<void> {
  const release = await findRelease(db, releaseId);
  if (!release || inCaseload(request.user, release)) return;
  await denied(db, request, records, action, { id: releaseId, personId: release.personId });
  throw new NotFound('no such release');
}

async function denied(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  records: Audited,
  action: string,
  target: { id: string; personId?: string },
): Promise<void> {
  await audit(db, request, {
    action,
    personId: target.personId ?? null,
    resourceId: target.id,
    categories: [records.category],
    outcome: 'denied',
  });
}
