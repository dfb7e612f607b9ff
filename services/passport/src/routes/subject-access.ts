import { randomUUID } from 'node:crypto';
import {
  audit,
  Conflict,
  NotFound,
  problemsFor,
  type Server,
  type ServiceContext,
  SUBJECT_ACCESS_SERVICES,
} from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import {
  answersTo,
  findSubjectAccessRequest,
  insertSubjectAccessRequest,
  type SubjectAccessRequestRow,
} from '../db/subject-access.js';
import { subjectAccessDocument, subjectAccessProgress } from '../domain/index.js';
import { PersonId } from './schemas.js';

const RequestParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) });
const NewRequest = Type.Object({ personId: PersonId }, { additionalProperties: false });
const RequestView = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  requestedBy: Type.String(),
  requestedAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  answered: Type.Array(Type.String()),
  waitingFor: Type.Array(Type.String()),
  complete: Type.Boolean(),
  progress: Type.String({ description: 'e.g. "3 of 5 services answered"' }),
});
const Records = Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown())));
const ExportDocument = Type.Object({
  personId: Type.String(),
  requestId: Type.String(),
  requestedAt: Type.String(),
  completedAt: Type.String(),
  services: Type.Record(Type.String(), Type.Object({ answeredAt: Type.String(), records: Records })),
});

const EVERYTHING = [
  'release',
  'treatment-status',
  'clinical',
  'accommodation',
  'restricted-areas',
  'transport',
  'passport',
] as const;

/**
 * Subject access: the data protection officer asks for everything held about a woman; each service answers over
 * Kafka; the passport assembles one document. The request and each download are audited.
 */
export async function subjectAccessRoutes(app: Server, context: ServiceContext) {
  const officer = { onRequest: app.requireRole('data-protection') };

  const viewOf = async (row: SubjectAccessRequestRow) => {
    const progress = subjectAccessProgress(SUBJECT_ACCESS_SERVICES, await answersTo(context.db, row.id));
    return {
      id: row.id,
      personId: row.personId,
      requestedBy: row.requestedBy,
      requestedAt: row.requestedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      answered: progress.answered,
      waitingFor: progress.waitingFor,
      complete: progress.complete,
      progress: progress.summary,
    };
  };
  const found = async (requestId: string) => {
    const row = await findSubjectAccessRequest(context.db, requestId);
    if (!row) throw new NotFound('no such subject access request');
    return row;
  };

  app.post(
    '/api/subject-access-requests',
    {
      ...officer,
      schema: {
        summary: 'Ask every service for everything it holds about her (answered over Kafka, assembled here)',
        tags: ['subject-access'],
        body: NewRequest,
        response: { 202: RequestView, ...problemsFor(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { personId } = request.body;
      const row = await context.transact(
        request,
        async (work) => {
          const saved = await insertSubjectAccessRequest(work.tx, {
            id: randomUUID(),
            personId,
            requestedBy: request.user.sub,
            requestedAt: work.now(),
          });
          work.publish({ type: 'privacy.subject-access.requested', personId, data: { requestId: saved.id } });
          await work.audit({
            action: 'request-subject-access',
            personId,
            resourceId: saved.id,
            categories: [...EVERYTHING],
            outcome: 'allowed',
          });
          return saved;
        },
        { personId },
      );
      return reply.code(202).send(await viewOf(row));
    },
  );

  app.get(
    '/api/subject-access-requests/:requestId',
    {
      ...officer,
      schema: {
        summary: 'How far a subject access request has got ("3 of 5 services answered")',
        tags: ['subject-access'],
        params: RequestParams,
        response: { 200: RequestView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => viewOf(await found(request.params.requestId)),
  );

  app.get(
    '/api/subject-access-requests/:requestId/export',
    {
      ...officer,
      schema: {
        summary: 'The export: one JSON document with her records from every service (once all have answered)',
        tags: ['subject-access'],
        params: RequestParams,
        response: { 200: ExportDocument, ...problemsFor(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await found(request.params.requestId);
      const parts = await answersTo(context.db, row.id);
      const progress = subjectAccessProgress(SUBJECT_ACCESS_SERVICES, parts);
      if (!progress.complete || !row.completedAt) {
        throw new Conflict(
          'EXPORT_NOT_READY',
          `The export is not ready: ${progress.summary}; waiting for ${progress.waitingFor.join(', ')}.`,
          { retryAfterSeconds: 5 },
        );
      }
      await audit(context.db, request, {
        action: 'download-subject-access-export',
        personId: row.personId,
        resourceId: row.id,
        categories: [...EVERYTHING],
        outcome: 'allowed',
        recipient: request.user.sub,
      });
      const document = subjectAccessDocument({ ...row, completedAt: row.completedAt }, SUBJECT_ACCESS_SERVICES, parts);
      return reply
        .header('content-disposition', `attachment; filename="subject-access-${row.personId}-${row.id}.json"`)
        .send(document);
    },
  );
}
