import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type Accommodation, accommodation } from '../clients/accommodation.js';
import { dateParts } from '../format/dates.js';
import { ACCOMMODATION_TYPES, accommodationField, readAccommodationForm } from '../forms/coordinator-forms.js';
import { problemErrors } from '../forms/errors.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf } from './access.js';
import { findPage, readFind } from './coordinators.js';

const coordinators = { preHandler: forRoles('accommodation-coordinator') };
const JOURNEY = {
  title: 'Release-night accommodation',
  action: '/accommodation',
  intro: 'Record where she will sleep on the night of her release, or change it.',
};
const STATUS: Record<string, { text: string; symbol: string; tag: string }> = {
  confirmed: { text: 'Confirmed', symbol: '✓', tag: 'govuk-tag--green' },
  incomplete: { text: 'Incomplete', symbol: '◐', tag: 'govuk-tag--blue' },
  'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', symbol: '–', tag: 'govuk-tag--grey' },
};

interface Where {
  personId: string;
  releaseId: string;
}

/** The accommodation coordinator: record and change release-night accommodation; refusals explained. */
export async function accommodationRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const api = (request: FastifyRequest) => accommodation(apis.accommodation, tokenOf(request));

  app.get<{ Querystring: { personId?: string; releaseId?: string } }>(
    '/accommodation',
    coordinators,
    async (request, reply) => {
      if (request.query.personId === undefined && request.query.releaseId === undefined)
        return findPage(reply, JOURNEY);
      const found = readFind(request.query);
      if ('errors' in found) return findPage(reply, JOURNEY, request.query, { errors: found.errors }, 400);
      return reply.redirect(`/accommodation/releases/${found.releaseId}?personId=${found.personId}`, 303);
    },
  );

  const releasePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    where: Where,
    values?: FormValues,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const listed = await api(request).forRelease(where.releaseId);
    const current = listed.ok ? listed.body.items.filter((item) => item.status !== 'withdrawn').at(-1) : undefined;
    return reply.page(
      'accommodation/release.njk',
      {
        title: `Release-night accommodation for ${where.personId}`,
        where,
        current: current && { ...current, statusView: STATUS[current.status] },
        values: values ?? (current ? valuesOf(current) : {}),
        types: ACCOMMODATION_TYPES,
        flash: takeFlash(request),
        breadcrumbs: [
          { text: 'Resettle', href: '/' },
          { text: JOURNEY.title, href: '/accommodation' },
        ],
        ...extra,
      },
      status,
    );
  };

  app.get<{ Params: { releaseId: string }; Querystring: { personId?: string } }>(
    '/accommodation/releases/:releaseId',
    coordinators,
    async (request, reply) => {
      const found = readFind({ personId: request.query.personId, releaseId: request.params.releaseId });
      if ('errors' in found) return findPage(reply, JOURNEY, {}, { errors: found.errors }, 400);
      return releasePage(request, reply, found);
    },
  );

  app.post<{ Params: { releaseId: string }; Querystring: { personId?: string } }>(
    '/accommodation/releases/:releaseId',
    coordinators,
    async (request, reply) => {
      const found = readFind({ personId: request.query.personId, releaseId: request.params.releaseId });
      if ('errors' in found) return findPage(reply, JOURNEY, {}, { errors: found.errors }, 400);
      const values = formValues(request.body);
      const read = readAccommodationForm(values);
      if ('errors' in read) return releasePage(request, reply, found, values, { errors: read.errors }, 400);
      const answer = values.accommodationId
        ? await api(request).change(values.accommodationId, read.detail)
        : await api(request).record({ ...found, ...read.detail });
      if (!answer.ok) {
        const errors = notYetKnown(answer.problem)
          ? problemErrors(
              {
                status: 400,
                detail: 'The accommodation service has not heard of this release yet. Try again in a minute.',
              },
              accommodationField,
              'type',
            )
          : problemErrors(answer.problem, accommodationField, 'type');
        return releasePage(request, reply, found, values, { errors }, answer.status);
      }
      request.session.set(
        'flash',
        `Accommodation ${values.accommodationId ? 'changed' : 'recorded'}: ${STATUS[answer.body.status]?.text ?? answer.body.status}`,
      );
      return reply.redirect(`/accommodation/releases/${found.releaseId}?personId=${found.personId}`, 303);
    },
  );
}

function valuesOf(record: Accommodation): FormValues {
  const from = dateParts(record.confirmedFrom ?? undefined);
  return {
    accommodationId: record.id,
    type: record.type,
    localAuthority: record.localAuthority ?? '',
    postcodeDistrict: record.postcodeDistrict ?? '',
    'confirmedFrom-day': from.day,
    'confirmedFrom-month': from.month,
    'confirmedFrom-year': from.year,
    womenOnly: record.womenOnly ? 'yes' : 'no',
    confirmedBy: record.confirmedBy ?? '',
  };
}

export function notYetKnown(problem: { status: number }): boolean {
  return problem.status === 400 && JSON.stringify(problem).includes('body.releaseId');
}
