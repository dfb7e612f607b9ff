import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Apis } from '../app.js';
import { continuity } from '../clients/continuity.js';
import { continuityChart } from '../continuity/chart.js';
import { continuityRows, nationalRows } from '../continuity/figures.js';
import { type ContinuityFilters, monthChoices, readContinuityFilters } from '../continuity/filters.js';
import { forRoles, tokenOf } from './access.js';
import { itemsOfPage, pageAsked, pagesFor, paginationOf } from './pagination.js';

/** Prison-months per page: the chart and its table show the same page. */
const PAGE_SIZE = 12;

interface ContinuityQuery {
  prison?: string;
  from?: string;
  to?: string;
  page?: string;
}

const apiQuery = (filters: ContinuityFilters) => ({
  prison: filters.prison || undefined,
  from: filters.from,
  to: filters.to,
});

/** Continuity of care after the gate, per prison and month, as a chart with its table and the CSV for commissioners. */
export async function continuityRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  // The roles the passport's continuity API serves; it checks again.
  const readers = { preHandler: forRoles('probation', 'auditor', 'admin') };

  app.get<{ Querystring: ContinuityQuery }>('/continuity', readers, async (request, reply) => {
    const today = DateTime.now();
    const { filters, errors } = readContinuityFilters(request.query, today);
    const page = pageAsked(request.query.page);
    const view = {
      title: 'Continuity of care after release',
      filters,
      errors,
      months: monthChoices(today),
      breadcrumbs: [{ text: 'Resettle', href: '/' }],
    };
    if (errors.summary.length) return reply.page('continuity/chart.njk', { ...view, rows: [] }, 400);
    const answer = await continuity(apis.passport, tokenOf(request)).figures(apiQuery(filters));
    if (!answer.ok) {
      return reply.page(
        'error.njk',
        { title: 'You cannot see these figures', message: answer.problem.detail ?? 'The passport service refused.' },
        answer.status === 403 ? 403 : 400,
      );
    }
    const rows = continuityRows(answer.body.items);
    const pageRows = itemsOfPage(rows, page, PAGE_SIZE);
    const national = nationalRows(answer.body.national.figures);
    const query = (extra: Record<string, string>) =>
      `?${new URLSearchParams({ ...(filters.prison && { prison: filters.prison }), from: filters.from, to: filters.to, ...extra })}`;
    return reply.page('continuity/chart.njk', {
      ...view,
      rows: pageRows,
      total: rows.length,
      national,
      nationalSource: answer.body.national.source,
      withinDays: answer.body.withinDays,
      suppressedUnder: answer.body.suppressedUnder,
      chart: pageRows.length ? continuityChart(pageRows, national) : '',
      csvHref: `/continuity.csv${query({})}`,
      pagination: paginationOf(page, pagesFor(rows.length, PAGE_SIZE), (number) => query({ page: String(number) })),
    });
  });

  app.get<{ Querystring: ContinuityQuery }>('/continuity.csv', readers, async (request, reply) => {
    const { filters, errors } = readContinuityFilters(request.query, DateTime.now());
    if (errors.summary.length) {
      return reply.page('error.njk', { title: 'Check the filters', message: errors.summary[0]?.text ?? '' }, 400);
    }
    const answer = await continuity(apis.passport, tokenOf(request)).csv(apiQuery(filters));
    if (!answer.ok) {
      return reply.page('error.njk', { title: 'You cannot see these figures', message: '' }, 403);
    }
    const name = `continuity-of-care-${filters.prison || 'all-prisons'}-${filters.from}-to-${filters.to}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(answer.body);
  });
}
