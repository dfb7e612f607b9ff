import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type TravelPlan, transport } from '../clients/transport.js';
import { dateParts, londonParts } from '../format/dates.js';
import { readTravelForm, TRAVEL_MODES, travelField } from '../forms/coordinator-forms.js';
import { problemErrors } from '../forms/errors.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf } from './access.js';
import { notYetKnown } from './accommodation.js';
import { findPage, readFind } from './coordinators.js';

const coordinators = { preHandler: forRoles('transport-coordinator') };
const JOURNEY = {
  title: 'Travel from the gate',
  action: '/travel',
  intro: 'Arrange how she gets from the gate to her first appointment or her accommodation, or change it.',
};
const STATUS: Record<string, { text: string; symbol: string; tag: string }> = {
  arranged: { text: 'Arranged', symbol: '✓', tag: 'govuk-tag--green' },
  'at-risk': { text: 'At risk', symbol: '⚠', tag: 'govuk-tag--red' },
  cancelled: { text: 'Cancelled', symbol: '–', tag: 'govuk-tag--grey' },
};

interface Where {
  personId: string;
  releaseId: string;
}

/** The transport coordinator: arrange and change the journey from the gate; the rules it breaks explained. */
export async function travelRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const api = (request: FastifyRequest) => transport(apis.transport, tokenOf(request));

  app.get<{ Querystring: { personId?: string; releaseId?: string } }>(
    '/travel',
    coordinators,
    async (request, reply) => {
      if (request.query.personId === undefined && request.query.releaseId === undefined)
        return findPage(reply, JOURNEY);
      const found = readFind(request.query);
      if ('errors' in found) return findPage(reply, JOURNEY, request.query, { errors: found.errors }, 400);
      return reply.redirect(`/travel/releases/${found.releaseId}?personId=${found.personId}`, 303);
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
    const current = listed.ok ? listed.body.items.filter((item) => item.status !== 'cancelled').at(-1) : undefined;
    return reply.page(
      'travel/release.njk',
      {
        title: `Travel from the gate for ${where.personId}`,
        where,
        current: current && { ...current, statusView: STATUS[current.status] },
        values: values ?? (current ? valuesOf(current) : {}),
        modes: TRAVEL_MODES,
        flash: takeFlash(request),
        breadcrumbs: [
          { text: 'Resettle', href: '/' },
          { text: JOURNEY.title, href: '/travel' },
        ],
        ...extra,
      },
      status,
    );
  };

  app.get<{ Params: { releaseId: string }; Querystring: { personId?: string } }>(
    '/travel/releases/:releaseId',
    coordinators,
    async (request, reply) => {
      const found = readFind({ personId: request.query.personId, releaseId: request.params.releaseId });
      if ('errors' in found) return findPage(reply, JOURNEY, {}, { errors: found.errors }, 400);
      return releasePage(request, reply, found);
    },
  );

  app.post<{ Params: { releaseId: string }; Querystring: { personId?: string } }>(
    '/travel/releases/:releaseId',
    coordinators,
    async (request, reply) => {
      const found = readFind({ personId: request.query.personId, releaseId: request.params.releaseId });
      if ('errors' in found) return findPage(reply, JOURNEY, {}, { errors: found.errors }, 400);
      const values = formValues(request.body);
      const read = readTravelForm(values);
      if ('errors' in read) return releasePage(request, reply, found, values, { errors: read.errors }, 400);
      const answer = values.travelPlanId
        ? await api(request).change(values.travelPlanId, read.detail)
        : await api(request).arrange({ ...found, ...read.detail });
      if (!answer.ok) {
        const errors = notYetKnown(answer.problem)
          ? problemErrors(
              {
                status: 400,
                detail: 'The transport service has not heard of this release yet. Try again in a minute.',
              },
              travelField,
              'mode',
            )
          : problemErrors(answer.problem, travelField, 'mode');
        return releasePage(request, reply, found, values, { errors }, answer.status);
      }
      request.session.set(
        'flash',
        `Journey ${values.travelPlanId ? 'changed' : 'arranged'}: ${STATUS[answer.body.status]?.text ?? answer.body.status}`,
      );
      return reply.redirect(`/travel/releases/${found.releaseId}?personId=${found.personId}`, 303);
    },
  );
}

function valuesOf(plan: TravelPlan): FormValues {
  const departure = londonParts(plan.departureAt);
  const day = dateParts(departure.date);
  return {
    travelPlanId: plan.id,
    mode: plan.mode,
    metBy: plan.metBy ?? '',
    'departure-day': day.day,
    'departure-month': day.month,
    'departure-year': day.year,
    departureTime: departure.time,
    arrivalTime: londonParts(plan.expectedArrivalAt).time,
    destination: plan.destination,
    arrangedBy: plan.arrangedBy,
    escorted: plan.escorted ? 'yes' : 'no',
  };
}
