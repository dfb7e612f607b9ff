import { problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { findPassportWithTimeline, type PassportRow, timelineOf } from '../db/passports.js';
import { currentPassportOf } from '../db/queries.js';
import { domainSettings, type PassportServiceSettings } from '../settings.js';
import { visiblePassport } from './access.js';
import { passportView } from './passport-view.js';
import { PassportView, PersonParams, ReleaseIdParams } from './schemas.js';

export async function passportReadRoutes(app: Server, context: ServiceContext<PassportServiceSettings>) {
  const settings = domainSettings(context.config);

  const view = async (row: PassportRow) =>
    passportView(row, await timelineOf(context.db, row.releaseId), context.clock(), settings);

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
    async (request) => {
      // One statement reads the passport with its timeline; the timeline is returned only once access is allowed
      // and audited.
      const found = await findPassportWithTimeline(context.db, request.params.releaseId);
      const row = await visiblePassport(context.db, request, found?.row, 'read-passport');
      return passportView(row, found?.timeline ?? [], context.clock(), settings);
    },
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
    async (request) => {
      const found = await currentPassportOf(context.db, request.params.personId);
      return view(await visiblePassport(context.db, request, found, 'read-current-passport'));
    },
  );
}
