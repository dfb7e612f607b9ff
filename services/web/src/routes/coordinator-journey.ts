import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import type { Answer, ApiCall } from '../clients/api.js';
import { notYetKnown, problemErrors, type Read } from '../forms/errors.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf } from './access.js';
import { findPage, readFind, type Where } from './find-release.js';

/** What a coordinator's service keeps for a release: her records of it, a new one, a change to one. */
interface CoordinatorApi<Detail, Item> {
  forRelease(releaseId: string): Promise<Answer<{ items: Item[] }>>;
  record(body: Detail & Where): Promise<Answer<Item>>;
  change(id: string, detail: Detail): Promise<Answer<Item>>;
}

/** A coordinator's form: read into the API's request, refusals put onto it, filled from a record to change it. */
interface CoordinatorForm<Detail, Item> {
  /** The hidden field naming the record being changed; empty when recording a new one. */
  idField: string;
  /** The options its radios offer, by the names the template knows them by. */
  choices: Record<string, unknown>;
  /** Where a refusal naming none of the form's fields goes, and "not heard of this release yet". */
  firstField: string;
  fieldFor(apiField: string): string | undefined;
  read(values: FormValues): Read<Detail>;
  valuesOf(record: Item): FormValues;
}

export interface CoordinatorJourney<Detail, Item> {
  /** The service that keeps her records; her role is its coordinator, the page lives at `path`. */
  service: 'accommodation' | 'transport';
  path: string;
  title: string;
  intro: string;
  client(call: ApiCall, token: string): CoordinatorApi<Detail, Item>;
  form: CoordinatorForm<Detail, Item>;
  /** Each status in words with a symbol, never colour alone. */
  statuses: Record<string, { text: string; symbol: string; tag: string }>;
  /** A record in this status no longer counts: the latest record that has not ended is the current one. */
  ended: string;
  /** Whether a record has ended for another reason than its status (a place found not suitable). */
  closed?(item: Item): boolean;
  /** The banner after saving, followed by the record's status (or what `savedStatus` says of it). */
  saved: { recorded: string; changed: string };
  savedStatus?(item: Item): string;
}

type OnRelease = { Params: { releaseId: string }; Querystring: { personId?: string } };

function releaseNotFound(reply: FastifyReply) {
  return reply.page(
    'error.njk',
    { title: 'Release not found', message: 'There is no release with that reference in your caseload.' },
    404,
  );
}

/** A coordinator's journey: find the release, see what is recorded for it, record or change it, refusals explained. */
export function coordinatorJourney<Detail, Item extends { status: string }>(journey: CoordinatorJourney<Detail, Item>) {
  const { path, form, statuses } = journey;
  const finding = { title: journey.title, action: path, intro: journey.intro };
  const coordinators = { preHandler: forRoles(`${journey.service}-coordinator` as const) };
  const releasePath = (where: Where) => `${path}/releases/${where.releaseId}?personId=${where.personId}`;
  const onRelease = (request: FastifyRequest<OnRelease>) =>
    readFind({ personId: request.query.personId, releaseId: request.params.releaseId });

  return async (app: FastifyInstance, { apis }: { apis: Apis }) => {
    const api = (request: FastifyRequest) => journey.client(apis[journey.service], tokenOf(request));

    const releasePage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      where: Where,
      values?: FormValues,
      extra: Record<string, unknown> = {},
      status = 200,
    ) => {
      const listed = await api(request).forRelease(where.releaseId);
      // A release outside her caseload is a 404 from the API: the page says no more than that.
      if (listed.status === 404) return releaseNotFound(reply);
      const items = listed.ok ? listed.body.items : [];
      const current = items.filter((item) => item.status !== journey.ended && !journey.closed?.(item)).at(-1);
      return reply.page(
        `${path.slice(1)}/release.njk`,
        {
          title: `${journey.title} for ${where.personId}`,
          where,
          current: current && { ...current, statusView: statuses[current.status] },
          latest: items.at(-1),
          values: values ?? (current ? form.valuesOf(current) : {}),
          ...form.choices,
          flash: takeFlash(request),
          breadcrumbs: [
            { text: 'Resettle', href: '/' },
            { text: journey.title, href: path },
          ],
          ...extra,
        },
        status,
      );
    };

    app.get<{ Querystring: { personId?: string; releaseId?: string } }>(path, coordinators, async (request, reply) => {
      if (request.query.personId === undefined && request.query.releaseId === undefined)
        return findPage(reply, finding);
      const found = readFind(request.query);
      if ('errors' in found) return findPage(reply, finding, request.query, { errors: found.errors }, 400);
      return reply.redirect(releasePath(found), 303);
    });

    app.get<OnRelease>(`${path}/releases/:releaseId`, coordinators, async (request, reply) => {
      const found = onRelease(request);
      if ('errors' in found) return findPage(reply, finding, {}, { errors: found.errors }, 400);
      return releasePage(request, reply, found);
    });

    app.post<OnRelease>(`${path}/releases/:releaseId`, coordinators, async (request, reply) => {
      const found = onRelease(request);
      if ('errors' in found) return findPage(reply, finding, {}, { errors: found.errors }, 400);
      const values = formValues(request.body);
      const read = form.read(values);
      if ('errors' in read) return releasePage(request, reply, found, values, { errors: read.errors }, 400);
      const changing = values[form.idField];
      const answer = changing
        ? await api(request).change(changing, read.detail)
        : await api(request).record({ ...found, ...read.detail });
      if (!answer.ok) {
        const errors =
          notYetKnown(answer.problem, journey.service, form.firstField) ??
          problemErrors(answer.problem, form.fieldFor, form.firstField);
        return releasePage(request, reply, found, values, { errors }, answer.status);
      }
      const status = journey.savedStatus?.(answer.body) ?? statuses[answer.body.status]?.text ?? answer.body.status;
      request.session.set('flash', `${changing ? journey.saved.changed : journey.saved.recorded}: ${status}`);
      return reply.redirect(releasePath(found), 303);
    });
  };
}
