import type { FastifyInstance } from 'fastify';
import type { Apis } from '../app.js';
import { type PassportView, passports, type UpcomingRelease } from '../clients/passport.js';
import { londonDate } from '../format/dates.js';
import { forRoles, tokenOf } from './access.js';
import { itemsOfPage, pageAsked, pagesFor, paginationOf } from './pagination.js';
import { pathwayStatus, whatIsMissing } from './pathways.js';

const PAGE_SIZE = 25;
/** Timeline entries on a page of her passport, newest first. */
const TIMELINE_PAGE_SIZE = 20;
const FILTERS = {
  weeks: ['12', '24', 'all'],
  show: ['all', 'incomplete', 'at-risk', 'complete'],
} as const;

interface UpcomingQuery {
  weeks?: string;
  show?: string;
  prison?: string;
  page?: string;
}

/** Probation: upcoming releases in her region, highest risk first, and each passport with its gaps and timeline. */
export async function probationRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const onlyProbation = { preHandler: forRoles('probation') };

  app.get<{ Querystring: UpcomingQuery }>('/probation', onlyProbation, async (request, reply) => {
    const weeks = pick(request.query.weeks, FILTERS.weeks, '12');
    const show = pick(request.query.show, FILTERS.show, 'all');
    const prison = /^[A-Z]{3}$/.test(request.query.prison ?? '') ? request.query.prison : undefined;
    const page = pageAsked(request.query.page);
    const api = passports(apis.passport, tokenOf(request));
    const today = londonDate(new Date());
    const to = weeks === 'all' ? undefined : londonDate(new Date(), Number(weeks) * 7);
    const everything = await allUpcoming((number) =>
      api.upcoming({ from: today, to, prison, page: number, pageSize: 200 }),
    );
    const shown = everything.filter((release) => matches(release, show));
    const pageItems = itemsOfPage(shown, page, PAGE_SIZE);
    const query = (number: number) =>
      `?${new URLSearchParams({ weeks, show, ...(prison && { prison }), page: String(number) })}`;
    return reply.page('probation/upcoming.njk', {
      title: 'Upcoming releases',
      releases: pageItems.map((release) => ({
        ...release,
        statuses: release.pathways.filter((p) => p.required).map(pathwayStatus),
      })),
      total: shown.length,
      filters: { weeks, show, prison: prison ?? '' },
      prisons: [...new Set(everything.map((release) => release.prisonCode).filter(Boolean))].sort(),
      pagination: paginationOf(page, pagesFor(shown.length, PAGE_SIZE), query),
      breadcrumbs: [{ text: 'Resettle', href: '/' }],
    });
  });

  app.get<{ Params: { releaseId: string }; Querystring: { page?: string } }>(
    '/probation/passports/:releaseId',
    onlyProbation,
    async (request, reply) => {
      const answer = await passports(apis.passport, tokenOf(request)).get(request.params.releaseId);
      if (!answer.ok) {
        return reply.page(
          'error.njk',
          { title: 'Passport not found', message: 'There is no passport with that reference in your region.' },
          404,
        );
      }
      const passport: PassportView = answer.body;
      const newestFirst = [...passport.timeline].reverse();
      const pages = pagesFor(newestFirst.length, TIMELINE_PAGE_SIZE);
      const page = Math.min(pageAsked(request.query.page), pages);
      const first = (page - 1) * TIMELINE_PAGE_SIZE;
      const timeline = itemsOfPage(newestFirst, page, TIMELINE_PAGE_SIZE);
      return reply.page('probation/passport.njk', {
        title: `Resettlement Passport for ${passport.personId}`,
        passport,
        pathways: passport.pathways.map(pathwayStatus),
        missing: whatIsMissing(passport.pathways),
        timeline,
        timelineShown: { from: first + 1, to: first + timeline.length, of: newestFirst.length },
        pagination: paginationOf(page, pages, (number) => `?page=${number}#timeline`),
        breadcrumbs: [
          { text: 'Resettle', href: '/' },
          { text: 'Upcoming releases', href: '/probation' },
        ],
      });
    },
  );
}

async function allUpcoming(fetchPage: (page: number) => ReturnType<ReturnType<typeof passports>['upcoming']>) {
  const items: UpcomingRelease[] = [];
  for (let page = 1; page <= 10; page += 1) {
    const answer = await fetchPage(page);
    if (!answer.ok) throw new Error(`upcoming releases refused: ${answer.status}`);
    items.push(...answer.body.items);
    if (items.length >= answer.body.total || answer.body.items.length === 0) break;
  }
  return items;
}

function matches(release: UpcomingRelease, show: string): boolean {
  if (show === 'incomplete') return !release.complete;
  if (show === 'at-risk') return release.atRisk;
  if (show === 'complete') return release.complete;
  return true;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
