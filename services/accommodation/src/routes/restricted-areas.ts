import { appendToOutbox } from '@resettle/messaging';
import { InvalidField, type Server, type ServiceContext } from '@resettle/platform';
import { activeAccommodationsOf, lockPerson } from '../db/accommodations.js';
import { replaceRestrictedAreas, restrictedAreasOf } from '../db/restricted-areas.js';
import { isPostcodeDistrict, type RestrictedArea } from '../domain/index.js';
import { recheckAccommodations } from '../events/recheck.js';
import { audited } from './audit.js';
import { PersonParams, PersonRestrictedAreas, RestrictedAreas } from './schemas.js';

/** Safety information: probation only. Never in responses to other roles, events or logs. */
export async function restrictedAreaRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.put(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: app.requireRole('probation'),
      schema: {
        summary: 'Record her restricted areas (replaces the list); her accommodation is re-checked against them',
        tags: ['restricted areas'],
        params: PersonParams,
        body: RestrictedAreas,
        response: { 200: PersonRestrictedAreas },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const areas = request.body.restrictedAreas;
      areas.forEach(requireKnownDistrict);
      const stored = await context.db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        await replaceRestrictedAreas(tx, personId, areas, request.user.sub);
        const events = await recheckAccommodations(tx, await activeAccommodationsOf(tx, personId), {
          correlationId: request.id,
        });
        await appendToOutbox(tx, events, { topicPrefix: context.topicPrefix });
        await audited(tx, request, 'record-restricted-areas', { personId }, ['restricted-areas']);
        return restrictedAreasOf(tx, personId);
      });
      return { personId, restrictedAreas: stored };
    },
  );

  app.get(
    '/api/people/:personId/restricted-areas',
    {
      onRequest: app.requireRole('probation'),
      schema: {
        summary: 'Her restricted areas',
        tags: ['restricted areas'],
        params: PersonParams,
        response: { 200: PersonRestrictedAreas },
      },
    },
    async (request) => {
      const { personId } = request.params;
      await audited(context.db, request, 'read-restricted-areas', { personId }, ['restricted-areas']);
      return { personId, restrictedAreas: await restrictedAreasOf(context.db, personId) };
    },
  );
}

function requireKnownDistrict(area: RestrictedArea, index: number): void {
  if (area.kind === 'postcode-district' && !isPostcodeDistrict(area.value)) {
    throw new InvalidField(
      `body.restrictedAreas.${index}.value`,
      'postcode-district',
      'enter the first part of the postcode only, for example BS1',
    );
  }
}
