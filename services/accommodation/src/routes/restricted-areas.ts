import {
  type AuditFacts,
  audit,
  InvalidField,
  problemsFor,
  type Server,
  type ServiceContext,
} from '@resettle/platform';
import { activeAccommodationsOf } from '../db/accommodations.js';
import { replaceRestrictedAreas, restrictedAreasOf } from '../db/restricted-areas.js';
import { isPostcodeDistrict, localAuthorityOf, type RestrictedArea } from '../domain/index.js';
import { judgeReleasesOf } from '../events/judge.js';
import { recheckAccommodations } from '../events/recheck.js';
import { PersonParams, PersonRestrictedAreas, RestrictedAreas } from './schemas.js';

/** Safety information: probation only. Never in responses to other roles, events or logs. */
export async function restrictedAreaRoutes(app: Server, context: ServiceContext): Promise<void> {
  const probation = app.requireRole('probation');
  const tags = ['restricted areas'];

  app.put(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: probation,
      schema: {
        summary: 'Record her restricted areas (replaces the list); her accommodation is re-checked against them',
        tags,
        params: PersonParams,
        body: RestrictedAreas,
        response: { 200: PersonRestrictedAreas, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const areas = request.body.restrictedAreas;
      areas.forEach(requireKnownArea);
      const stored = await context.transact(
        request,
        async (work) => {
          await replaceRestrictedAreas(work.tx, personId, areas, request.user.sub, work.now());
          await recheckAccommodations(work, await activeAccommodationsOf(work.tx, personId));
          await judgeReleasesOf(work, personId);
          await work.audit(audited('record-restricted-areas', personId));
          return restrictedAreasOf(work.tx, personId);
        },
        { personId },
      );
      return { personId, restrictedAreas: stored };
    },
  );

  app.get(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: probation,
      schema: {
        summary: 'Her restricted areas',
        tags,
        params: PersonParams,
        response: { 200: PersonRestrictedAreas, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { personId } = request.params;
      await audit(context.db, request, audited('read-restricted-areas', personId));
      return { personId, restrictedAreas: await restrictedAreasOf(context.db, personId) };
    },
  );
}

/** A restriction on a misspelt place would match nothing: each value must be a district or authority we know. */
function requireKnownArea(area: RestrictedArea, index: number): void {
  const field = `body.restrictedAreas.${index}.value`;
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

/** Who read or recorded whose restricted areas (never the areas). */
function audited(action: string, personId: string): AuditFacts {
  return { action, personId, categories: ['restricted-areas'], outcome: 'allowed' };
}
