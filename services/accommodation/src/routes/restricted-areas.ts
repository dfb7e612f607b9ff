import { randomUUID } from 'node:crypto';
import {
  type AuditFacts,
  audit,
  Conflict,
  InvalidField,
  NotFound,
  problemsFor,
  readLocked,
  type Server,
  type ServiceContext,
} from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import {
  findRestrictedArea,
  insertRestrictedArea,
  markRestrictedAreaRemoved,
  type RestrictedAreaRow,
  restrictedAreaRecordsOf,
} from '../db/restricted-areas.js';
import { isPostcodeDistrict, localAuthorityOf, type RestrictedArea, sameRestrictedArea } from '../domain/index.js';
import { judgeReleaseById } from '../events/judge.js';
import { returnToReviewIfRestricted } from '../events/recheck.js';
import { refuseUnlessHerRegion } from './probation-region.js';
import {
  NewRestrictedArea,
  PersonAreaParams,
  PersonParams,
  PersonRestrictedAreas,
  RecordedRestrictedArea,
  RestrictedAreaRemoval,
} from './schemas.js';

const MOST_AREAS = 50;

/**
 * Safety information: probation of the region she is released to only (anyone else: 404, audited as denied). Areas
 * are added and removed one at a time, each with a reason, each audited (never the area). Never in responses to other
 * roles, events or logs.
 */
export async function restrictedAreaRoutes(app: Server, context: ServiceContext): Promise<void> {
  const probation = app.requireRole('probation');
  const tags = ['restricted areas'];
  const db = context.db;
  const herRegionOnly = (request: FastifyRequest, action: string, personId: string) =>
    refuseUnlessHerRegion(db, request, { action, personId, category: 'restricted-areas' });

  app.get(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: probation,
      schema: {
        summary: 'Her restricted areas in force, with who recorded each and why',
        tags,
        params: PersonParams,
        response: { 200: PersonRestrictedAreas, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { personId } = request.params;
      await herRegionOnly(request, 'read-restricted-areas', personId);
      await audit(db, request, audited('read-restricted-areas', personId));
      return { personId, restrictedAreas: (await restrictedAreaRecordsOf(db, personId)).map(asView) };
    },
  );

  app.post(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: probation,
      schema: {
        summary: 'Add one restricted area, with a reason; an approved place that falls in it goes back to review',
        tags,
        params: PersonParams,
        body: NewRestrictedArea,
        response: { 201: RecordedRestrictedArea, ...problemsFor(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const asked = request.body;
      requireKnownArea(asked);
      await herRegionOnly(request, 'add-restricted-area', personId);
      const added = await context.transact(
        request,
        async (work) => {
          const current = await restrictedAreaRecordsOf(work.tx, personId);
          if (current.some((area) => sameRestrictedArea(area, asked))) {
            throw new Conflict('RESTRICTED_AREA_ALREADY_RECORDED', 'this area is already one of her restricted areas');
          }
          if (current.length >= MOST_AREAS) {
            throw new Conflict('TOO_MANY_RESTRICTED_AREAS', `she has ${MOST_AREAS} restricted areas; remove one first`);
          }
          const area = await insertRestrictedArea(work.tx, {
            id: randomUUID(),
            personId,
            kind: asked.kind,
            value: asked.value.trim(),
            reason: asked.reason.trim(),
            recordedBy: request.user.sub,
            recordedAt: work.now(),
          });
          const sentBack = await returnToReviewIfRestricted(work, personId);
          for (const place of sentBack) await judgeReleaseById(work, place.releaseId);
          await work.audit(audited('add-restricted-area', personId, area.id));
          return area;
        },
        { personId },
      );
      return reply.code(201).send(asView(added));
    },
  );

  app.post(
    '/api/people/:personId/restricted-areas/:areaId/remove',
    {
      onRequest: probation,
      schema: {
        summary: 'Remove one restricted area, with a reason (kept, with who removed it and when)',
        tags,
        params: PersonAreaParams,
        body: RestrictedAreaRemoval,
        response: { 200: PersonRestrictedAreas, ...problemsFor(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { personId, areaId } = request.params;
      await herRegionOnly(request, 'remove-restricted-area', personId);
      const remaining = await context.transact(request, async (work) => {
        const area = await readLocked(work, (tx) => findRestrictedArea(tx, personId, areaId));
        if (!area) throw new NotFound('no such restricted area');
        if (area.removedAt) throw new Conflict('RESTRICTED_AREA_ALREADY_REMOVED', 'this area was already removed');
        const removal = {
          removedBy: request.user.sub,
          removedAt: work.now(),
          removedReason: request.body.reason.trim(),
        };
        await markRestrictedAreaRemoved(work.tx, area.id, removal);
        await work.audit(audited('remove-restricted-area', personId, area.id));
        return restrictedAreaRecordsOf(work.tx, personId);
      });
      return { personId, restrictedAreas: remaining.map(asView) };
    },
  );
}

function asView(area: RestrictedAreaRow) {
  return {
    id: area.id,
    kind: area.kind,
    value: area.value,
    reason: area.reason,
    recordedBy: area.recordedBy,
    recordedAt: area.recordedAt.toISOString(),
  };
}

/** A restriction on a misspelt place would match nothing: each value must be a district or authority we know. */
function requireKnownArea(area: RestrictedArea): void {
  const field = 'body.value';
  if (area.kind === 'postcode-district' && !isPostcodeDistrict(area.value)) {
    throw new InvalidField(field, 'postcode-district', 'enter the first part of the postcode only, for example BS1');
  }
  if (area.kind === 'local-authority' && !localAuthorityOf(area.value)) {
    throw new InvalidField(
      field,
      'local-authority',
      'this is not a known local authority in England or Wales; enter the council area as it is officially named',
    );
  }
}

/** Who read, added or removed whose restricted area (never the area, never the reason). */
function audited(action: string, personId: string, areaId?: string): AuditFacts {
  return { action, personId, resourceId: areaId ?? null, categories: ['restricted-areas'], outcome: 'allowed' };
}
