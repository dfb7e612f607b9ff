import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type Release, releaseScheduling } from '../clients/release-scheduling.js';
import { dateParts, londonDate } from '../format/dates.js';
import { formErrors, NO_ERRORS } from '../forms/errors.js';
import { PROBATION_REGIONS, type ReleaseForm, readReleaseForm, ruleErrors } from '../forms/release-form.js';
import { formValues } from '../forms/values.js';
import { forRoles, tokenOf, userOf } from './access.js';

const HOME = { text: 'Resettle', href: '/' };
const RELEASES = { text: 'Releases', href: '/releases' };
const planners = { preHandler: forRoles('release-planner', 'release-supervisor') };

/** The release planner: check a date, schedule, reschedule and cancel; refusals explained with the nearest allowed. */
export async function releaseRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const api = (request: FastifyRequest) => releaseScheduling(apis.releaseScheduling, tokenOf(request));

  app.get('/releases', planners, async (request, reply) => {
    const answer = await api(request).list({ from: londonDate(new Date()) });
    const releases = answer.ok ? answer.body.items.filter((release) => release.status === 'scheduled') : [];
    return reply.page('releases/list.njk', {
      title: `Releases from ${userOf(request).prison ?? 'your prison'}`,
      releases,
      flash: takeFlash(request),
      breadcrumbs: [HOME],
    });
  });

  const newForm = (reply: FastifyReply, values: ReleaseForm, extra: Record<string, unknown> = {}, status = 200) =>
    reply.page(
      'releases/new.njk',
      {
        title: 'Schedule a release',
        values,
        regions: PROBATION_REGIONS,
        breadcrumbs: [HOME, RELEASES],
        ...extra,
      },
      status,
    );

  app.get('/releases/new', planners, async (_request, reply) =>
    newForm(reply, { releaseFrom: 'PRISON', probationRegion: '' }),
  );

  app.post('/releases/new', planners, async (request, reply) => {
    const values = formValues(request.body);
    const read = readReleaseForm(values);
    if ('errors' in read) return newForm(reply, values, { errors: read.errors }, 400);
    const prisonCode = userOf(request).prison ?? '';
    if (values.action === 'check') {
      const { personId: _person, probationRegion: _region, ...asked } = read.request;
      const answer = await api(request).check({ ...asked, prisonCode });
      if (!answer.ok) return newForm(reply, values, refusal(answer.problem, values), 422);
      return newForm(reply, values, { verdict: answer.body });
    }
    const answer = await api(request).schedule({ ...read.request, prisonCode });
    if (!answer.ok) return newForm(reply, values, refusal(answer.problem, values), answer.status);
    request.session.set('flash', `Release scheduled for ${read.request.personId}`);
    return reply.redirect(`/releases/${answer.body.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/releases/:id', planners, async (request, reply) => {
    const release = await found(api(request).get(request.params.id));
    if (!release) return notFound(reply);
    return reply.page('releases/show.njk', {
      title: `Release of ${release.personId}`,
      release,
      flash: takeFlash(request),
      breadcrumbs: [HOME, RELEASES],
    });
  });

  const rescheduleForm = (
    reply: FastifyReply,
    release: Release,
    values: ReleaseForm,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.page(
      'releases/reschedule.njk',
      {
        title: `Change the release of ${release.personId}`,
        release,
        values,
        breadcrumbs: [HOME, RELEASES, { text: release.personId, href: `/releases/${release.id}` }],
        ...extra,
      },
      status,
    );

  app.get<{ Params: { id: string } }>('/releases/:id/reschedule', planners, async (request, reply) => {
    const release = await found(api(request).get(request.params.id));
    if (!release) return notFound(reply);
    const parts = dateParts(release.legalReleaseDate);
    return rescheduleForm(reply, release, {
      'legalReleaseDate-day': parts.day,
      'legalReleaseDate-month': parts.month,
      'legalReleaseDate-year': parts.year,
      gateTime: release.gateTime,
    });
  });

  app.post<{ Params: { id: string } }>('/releases/:id/reschedule', planners, async (request, reply) => {
    const release = await found(api(request).get(request.params.id));
    if (!release) return notFound(reply);
    const values = formValues(request.body);
    const change = readReschedule(values);
    if ('errors' in change) return rescheduleForm(reply, release, values, { errors: change.errors }, 400);
    const answer = await api(request).reschedule(release.id, change.request);
    if (!answer.ok) return rescheduleForm(reply, release, values, refusal(answer.problem, values), answer.status);
    request.session.set('flash', 'Release changed. Everyone affected has been told.');
    return reply.redirect(`/releases/${release.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/releases/:id/cancel', planners, async (request, reply) => {
    const release = await found(api(request).get(request.params.id));
    if (!release) return notFound(reply);
    return reply.page('releases/cancel.njk', {
      title: `Cancel the release of ${release.personId}`,
      release,
      breadcrumbs: [HOME, RELEASES],
    });
  });

  app.post<{ Params: { id: string } }>('/releases/:id/cancel', planners, async (request, reply) => {
    const release = await found(api(request).get(request.params.id));
    if (!release) return notFound(reply);
    const values = formValues(request.body);
    const reason = (values.reason ?? '').trim();
    if (reason.length < 3) {
      const errors = formErrors([{ field: 'reason', text: 'Enter why the release is cancelled' }]);
      return reply.page(
        'releases/cancel.njk',
        { title: `Cancel the release of ${release.personId}`, release, values, errors, breadcrumbs: [HOME, RELEASES] },
        400,
      );
    }
    const answer = await api(request).cancel(release.id, reason);
    if (!answer.ok) {
      return reply.page(
        'releases/cancel.njk',
        {
          title: `Cancel the release of ${release.personId}`,
          release,
          values,
          errors: ruleErrors(answer.problem),
          breadcrumbs: [HOME, RELEASES],
        },
        answer.status,
      );
    }
    request.session.set('flash', `Release of ${release.personId} cancelled`);
    return reply.redirect('/releases', 303);
  });
}

/** The refusal as errors, and the nearest allowed date and time as a one-click choice. */
function refusal(problem: Parameters<typeof ruleErrors>[0], values: ReleaseForm) {
  const nearest = problem.nearestAllowed ?? undefined;
  const errors = ruleErrors(problem);
  if (!nearest) return { errors, noAlternative: problem.status === 422 };
  const parts = dateParts(nearest.date);
  const keepDate = problem.asked?.date === nearest.date;
  return {
    errors,
    nearest,
    nearestValues: {
      ...values,
      ...(keepDate
        ? {}
        : {
            'legalReleaseDate-day': parts.day,
            'legalReleaseDate-month': parts.month,
            'legalReleaseDate-year': parts.year,
          }),
      gateTime: nearest.time,
    },
  };
}

function readReschedule(values: ReleaseForm) {
  const read = readReleaseForm({
    ...values,
    personId: 'A0000AA',
    probationRegion: PROBATION_REGIONS[0],
    sentenceLengthDays: '1',
    daysServedSinceSentence: '0',
  });
  const reason = (values.reason ?? '').trim();
  const problems =
    'errors' in read ? [...read.errors.summary.map((item) => ({ field: item.href.slice(1), text: item.text }))] : [];
  if (reason.length < 3) problems.push({ field: 'reason', text: 'Enter why the release is changing' });
  if (problems.length > 0 || 'errors' in read) return { errors: problems.length ? formErrors(problems) : NO_ERRORS };
  return { request: { legalReleaseDate: read.request.legalReleaseDate, gateTime: read.request.gateTime, reason } };
}

async function found<T>(answer: Promise<{ ok: true; body: T } | { ok: false }>): Promise<T | undefined> {
  const settled = await answer;
  return settled.ok ? settled.body : undefined;
}

function notFound(reply: FastifyReply) {
  return reply.page(
    'error.njk',
    { title: 'Release not found', message: 'There is no release with that reference at your prison.' },
    404,
  );
}
