import { randomUUID } from 'node:crypto';
import { appendToOutbox } from '@resettle/messaging';
import { Conflict, type Server, type ServiceContext } from '@resettle/platform';
import { activeAccommodationsForRelease, insertAccommodation, lockPerson } from '../db/accommodations.js';
import { findProviderArea } from '../db/facts.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { accommodationConfirmed } from '../events/accommodation-events.js';
import { audited } from './audit.js';
import { decideAccommodation, releaseFor } from './decide.js';
import { Accommodation, AccommodationRequest, Refusal } from './schemas.js';
import { asAccommodationView } from './view.js';

export async function confirmRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/accommodations',
    {
      onRequest: app.requireRole('accommodation-coordinator'),
      schema: {
        summary: 'Record release-night accommodation (type none records that there is none yet)',
        tags: ['accommodations'],
        body: AccommodationRequest,
        response: { 201: Accommodation, 422: Refusal },
      },
    },
    async (request, reply) => {
      const asked = request.body;
      const row = await context.db.transaction(async (tx) => {
        await lockPerson(tx, asked.personId);
        const release = await releaseFor(tx, asked.releaseId, asked.personId);
        if ((await activeAccommodationsForRelease(tx, asked.releaseId)).length > 0) {
          throw new Conflict('ACCOMMODATION_ALREADY_RECORDED', 'this release has accommodation; change or withdraw it');
        }
        const areas = await restrictedAreasOf(tx, asked.personId);
        const decision = decideAccommodation(asked, release, areas, await findProviderArea(tx, asked.releaseId));
        const inserted = await insertAccommodation(tx, { id: randomUUID(), ...asked, ...decision });
        const event = accommodationConfirmed(inserted, { correlationId: request.id });
        await appendToOutbox(tx, [event], { topicPrefix: context.topicPrefix });
        await audited(tx, request, 'confirm-accommodation', { personId: inserted.personId, resourceId: inserted.id });
        return inserted;
      });
      return reply.code(201).send(asAccommodationView(row));
    },
  );
}
