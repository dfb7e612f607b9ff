import { type Static, type TObject, Type } from '@sinclair/typebox';
import { readLocked } from '../kernel/read-locked.js';
import type { UnitOfWork } from '../kernel/unit-of-work.js';
import type { ServiceContext } from '../runtime.js';
import { visibleRecord } from './caseload-access.js';
import { problemsFor } from './problem-schemas.js';
import { NotFound } from './problems.js';
import { type ReleaseRecord, type ReleaseRecords, recordAudit } from './release-records.js';
import type { Server } from './server.js';

/** A change to one record (a new version, a withdrawal): under her lock, refused once the record is closed. */
export interface RecordChange<Row extends ReleaseRecord, Body extends TObject> {
  method: 'PUT' | 'POST';
  /** After `${path}/:id`, e.g. `/cancel`; empty for the record itself. */
  suffix: string;
  summary: string;
  body: Body;
  /** What the audit log records. */
  action: string;
  /** Whether a rule can refuse it (422), besides the 400, 404 and 409 any change can meet. */
  refusable: boolean;
  /** Decides and persists through the unit of work; returns the record as it now is. */
  apply(work: UnitOfWork, current: Row, body: Static<Body>): Promise<Row>;
}

/**
 * `${method} ${path}/:id${suffix}`: another caseload's record is a 404 (audited as denied); otherwise load under her
 * lock, apply the change, audit it, answer the record's view.
 */
export function recordChangeRoute<Row extends ReleaseRecord, View extends TObject, Body extends TObject>(
  app: Server,
  context: Pick<ServiceContext, 'transact' | 'db'>,
  records: ReleaseRecords<Row, View>,
  change: RecordChange<Row, Body>,
): void {
  const problems = change.refusable ? problemsFor(400, 401, 403, 404, 409, 422) : problemsFor(400, 401, 403, 404, 409);
  app.route<{ Params: { id: string }; Body: Static<Body> }>({
    method: change.method,
    url: `${records.path}/:id${change.suffix}`,
    onRequest: app.requireRole(records.role),
    schema: {
      summary: change.summary,
      tags: records.tags,
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      body: change.body,
      response: { 200: records.view.schema, ...problems },
    },
    handler: async (request) => {
      // Validated against `change.body` before the handler runs; the type provider cannot follow a type parameter.
      const body = request.body as Static<Body>;
      // Outside the transaction, so the denial's audit row is not rolled back with it; a record never changes release.
      await visibleRecord(
        context.db,
        request,
        records,
        change.action,
        await records.find(context.db, request.params.id),
      );
      const row = await context.transact(request, async (work) => {
        const changed = await change.apply(work, await changeableRecord(work, records, request.params.id), body);
        await work.audit(recordAudit(records, change.action, changed));
        return changed;
      });
      return records.view.of(row);
    },
  });
}

/** The record as it is now, under her lock: a 404 when there is none, a 409 when it is closed. */
export async function changeableRecord<Row extends ReleaseRecord>(
  work: UnitOfWork,
  records: Pick<ReleaseRecords<Row, TObject>, 'find' | 'noun' | 'closed'>,
  id: string,
): Promise<Row> {
  const current = await readLocked(work, (tx) => records.find(tx, id));
  if (!current) throw new NotFound(`no such ${records.noun}`);
  const closed = records.closed(current);
  if (closed) throw closed;
  return current;
}
