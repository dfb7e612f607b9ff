import type { Database, DatabaseOrTransaction } from '@resettle/messaging';
import { type Static, type TObject, Type } from '@sinclair/typebox';
import { type AuditFacts, audit, type DataCategory } from '../audit/audit.js';
import type { Role } from './auth.js';
import { refuseOutsideCaseload, visibleRecord } from './caseload-access.js';
import { problemsFor } from './problem-schemas.js';
import type { Conflict } from './problems.js';
import type { Server } from './server.js';

/** One record a service keeps about one of her releases, which one role arranges (her bed, her journey). */
export interface ReleaseRecord {
  id: string;
  personId: string;
  releaseId: string;
}

/** How a service keeps such records: where they are answered, who reads them, and how they are found. */
export interface ReleaseRecords<Row extends ReleaseRecord, View extends TObject> {
  /** e.g. `/api/travel-plans`: one is at `${path}/:id`, a release's at `${path}?releaseId=`. */
  path: string;
  /** What one is called in a 404, e.g. `travel plan`. */
  noun: string;
  role: Role;
  tags: string[];
  /** What the audit rows say was read or changed (never the values). */
  category: DataCategory;
  view: { schema: View; of(row: Row): Static<View> };
  /** The summary and audited action of reading one, and of listing a release's. */
  read: { summary: string; action: string };
  list: { summary: string; action: string };
  find(db: DatabaseOrTransaction, id: string): Promise<Row | undefined>;
  /** A release's records, oldest first, closed ones included. */
  ofRelease(db: DatabaseOrTransaction, releaseId: string): Promise<Row[]>;
  /** Why it can no longer change (withdrawn, cancelled), if it cannot. */
  closed(row: Row): Conflict | undefined;
}

/** GET one record and GET a release's records, each read audited; another caseload's is a 404, audited as denied. */
export async function releaseRecordReads<Row extends ReleaseRecord, View extends TObject>(
  app: Server,
  db: Database,
  records: ReleaseRecords<Row, View>,
): Promise<void> {
  const { path, tags, read, list, view } = records;
  const onRequest = app.requireRole(records.role);
  // The route types are spelled out: the type provider cannot follow a view schema that is a type parameter.
  app.get<{ Params: { id: string } }>(
    `${path}/:id`,
    {
      onRequest,
      schema: {
        summary: read.summary,
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: view.schema, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await visibleRecord(db, request, records, read.action, await records.find(db, request.params.id));
      await audit(db, request, recordAudit(records, read.action, row));
      return view.of(row);
    },
  );
  app.get<{ Querystring: { releaseId: string } }>(
    path,
    {
      onRequest,
      schema: {
        summary: list.summary,
        tags,
        querystring: Type.Object({ releaseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(view.schema) }), ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { releaseId } = request.query;
      await refuseOutsideCaseload(db, request, records, list.action, releaseId);
      const rows = await records.ofRelease(db, releaseId);
      await audit(db, request, {
        ...recordAudit(records, list.action, { id: releaseId }),
        listed: rows.map((row) => row.personId),
      });
      return { items: rows.map(view.of) };
    },
  );
}

/** Who did what to which of her records (a release's, for a list). */
export function recordAudit(
  records: Pick<ReleaseRecords<ReleaseRecord, TObject>, 'category'>,
  action: string,
  record: { id: string; personId?: string },
): AuditFacts {
  return {
    action,
    personId: record.personId,
    resourceId: record.id,
    categories: [records.category],
    outcome: 'allowed',
  };
}
