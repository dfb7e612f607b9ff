import { problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import { passportWithTimelineQuery } from '../db/passports.js';
import { currentReleaseQuery } from '../db/queries.js';
import { domainSettings, type PassportServiceSettings } from '../settings.js';
import { visiblePassport } from './access.js';
import { passportView } from './passport-view.js';
import { PassportView, PersonParams, ReleaseIdParams } from './schemas.js';

export async function passportReadRoutes(app: Server, context: ServiceContext<PassportServiceSettings>) {
  const settings = domainSettings(context.config);
  const findPassportWithTimeline = passportWithTimelineQuery(context.db);
  const currentReleaseOf = currentReleaseQuery(context.db);

  /** The passport read with its timeline in one statement; the timeline is returned only once access is audited. */
  const visibleView = async (request: FastifyRequest, releaseId: string | undefined, action: string) => {
    const found = releaseId ? await findPassportWithTimeline(releaseId) : undefined;
    const row = await visiblePassport(context.db, request, found?.row, action);
    return passportView(row, found?.timeline ?? [], context.clock(), settings);
  };

  app.get(
    '/api/passports/:releaseId',
    {
      onRequest: app.requireRole('probation'),
      schema: {
        summary: 'One passport: pathways with reasons, short-notice checklist, timeline (own region only)',
        tags: ['passports'],
        params: ReleaseIdParams,
        response: { 200: PassportView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => visibleView(request, request.params.releaseId, 'read-passport'),
  );

  app.get(
    '/api/people/:personId/passport',
    {
      onRequest: app.requireRole('probation'),
      schema: {
        summary: 'Her current passport: the next scheduled release, else the latest (own region only)',
        tags: ['passports'],
        params: PersonParams,
        response: { 200: PassportView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => visibleView(request, await currentReleaseOf(request.params.personId), 'read-current-passport'),
  );
}
