import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type SafeguardingReview, safeguarding } from '../clients/safeguarding.js';
import { type FormErrors, formErrors, problemErrors } from '../forms/errors.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf } from './access.js';
import { pageAsked, pagesFor, paginationOf } from './pagination.js';

const PAGE_SIZE = 20;
const SHOW = ['awaiting-review', 'all', 'approved', 'not-suitable'] as const;

/** The outcome of a review in words with a symbol (never colour alone). */
export const REVIEW_STATUS = {
  'awaiting-review': { text: 'Awaiting safeguarding review', symbol: '◐', tag: 'govuk-tag--blue' },
  approved: { text: 'Approved', symbol: '✓', tag: 'govuk-tag--green' },
  'not-suitable': { text: 'Not suitable', symbol: '✗', tag: 'govuk-tag--red' },
} as const;

const AREA_KIND = { 'local-authority': 'Local authority', 'postcode-district': 'Postcode district' } as const;

const breadcrumbs = [
  { text: 'Resettle', href: '/' },
  { text: 'Safeguarding reviews', href: '/safeguarding-reviews' },
];

/**
 * Probation: the places proposed for women released to her region, newest first, each with whether it falls in her
 * restricted areas; approve, or decline with a reason the coordinator never sees. Repeated declines show as alerts.
 */
export async function safeguardingRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const onlyProbation = { preHandler: forRoles('probation') };
  const api = (request: FastifyRequest) => safeguarding(apis.accommodation, tokenOf(request));

  app.get<{ Querystring: { show?: string; page?: string } }>(
    '/safeguarding-reviews',
    onlyProbation,
    async (request, reply) => {
      const show = SHOW.find((value) => value === request.query.show) ?? 'awaiting-review';
      const page = pageAsked(request.query.page);
      const [reviews, alerts] = await Promise.all([
        api(request).reviews(show, page, PAGE_SIZE),
        api(request).alerts(1, 10),
      ]);
      if (!reviews.ok || !alerts.ok) throw new Error(`safeguarding reviews refused: ${reviews.status}`);
      const href = (number: number) => `/safeguarding-reviews?${new URLSearchParams({ show, page: String(number) })}`;
      return reply.page('safeguarding/reviews.njk', {
        title: 'Safeguarding reviews',
        reviews: reviews.body.items.map(withWords),
        total: reviews.body.total,
        alerts: alerts.body.items,
        show,
        shows: SHOW.map((value) => ({
          value,
          text: value === 'all' ? 'All' : REVIEW_STATUS[value].text,
          selected: value === show,
        })),
        flash: takeFlash(request),
        pagination: paginationOf(page, pagesFor(reviews.body.total, PAGE_SIZE), href),
        breadcrumbs: [{ text: 'Resettle', href: '/' }],
      });
    },
  );

  const decisionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    accommodationId: string,
    values: FormValues = {},
    errors?: FormErrors,
    status = 200,
  ) => {
    const answer = await api(request).review(accommodationId);
    if (!answer.ok) return notInRegion(reply);
    return reply.page(
      'safeguarding/review.njk',
      {
        title: `Safeguarding review for ${answer.body.personId}`,
        review: withWords(answer.body),
        values,
        ...(errors && { errors }),
        breadcrumbs,
      },
      status,
    );
  };

  app.get<{ Params: { accommodationId: string } }>(
    '/safeguarding-reviews/:accommodationId',
    onlyProbation,
    async (request, reply) => decisionPage(request, reply, request.params.accommodationId),
  );

  app.post<{ Params: { accommodationId: string } }>(
    '/safeguarding-reviews/:accommodationId',
    onlyProbation,
    async (request, reply) => {
      const { accommodationId } = request.params;
      const values = formValues(request.body);
      const revision = Number.parseInt(values.revision ?? '', 10);
      const reason = (values.reason ?? '').trim();
      const problems: { field: string; text: string }[] = [];
      if (values.decision !== 'approve' && values.decision !== 'decline') {
        problems.push({ field: 'decision', text: 'Select whether the place is suitable for her' });
      } else if (values.decision === 'decline' && reason === '') {
        problems.push({ field: 'reason', text: 'Enter why the place is not suitable (only probation will see it)' });
      }
      if (problems.length > 0 || !Number.isInteger(revision)) {
        return decisionPage(request, reply, accommodationId, values, formErrors(problems), 400);
      }
      const answer =
        values.decision === 'approve'
          ? await api(request).approve(accommodationId, revision)
          : await api(request).decline(accommodationId, revision, reason);
      if (answer.status === 404) return notInRegion(reply);
      if (!answer.ok) {
        const errors = problemErrors(
          answer.problem,
          (field) => (field === 'body.reason' ? 'reason' : undefined),
          'decision',
        );
        return decisionPage(request, reply, accommodationId, values, errors, answer.status);
      }
      const outcome = answer.body.review === 'approved' ? 'approved' : 'declined as not suitable';
      request.session.set('flash', `The place for ${answer.body.personId} was ${outcome}`);
      return reply.redirect('/safeguarding-reviews', 303);
    },
  );
}

function withWords(review: SafeguardingReview) {
  return {
    ...review,
    statusView: REVIEW_STATUS[review.review],
    matchingAreas: review.matchingAreas.map((area) => ({ ...area, kindText: AREA_KIND[area.kind] })),
  };
}

function notInRegion(reply: FastifyReply) {
  return reply.page(
    'error.njk',
    { title: 'Review not found', message: 'There is no safeguarding review with that reference in your region.' },
    404,
  );
}
