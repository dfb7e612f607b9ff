import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type Release, releaseScheduling } from '../clients/release-scheduling.js';
import { treatmentContinuity } from '../clients/treatment-continuity.js';
import { dateParts, londonDate } from '../format/dates.js';
import { notYetKnown, problemErrors } from '../forms/errors.js';
import { handoffField, PROVIDERS, readHandoffForm, TREATMENTS } from '../forms/handoff-form.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf, userOf } from './access.js';
import { handoffStatus } from './handoff-status.js';

const HOME = { text: 'Resettle', href: '/' };
const HANDOFFS = { text: 'Treatment handoffs', href: '/handoffs' };
const healthcare = { preHandler: forRoles('prison-healthcare') };

/** Prison healthcare: book the treatment handoff for a release, with the rules' verdicts; see the provider's answer. */
export async function handoffRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const releases = (request: FastifyRequest) => releaseScheduling(apis.releaseScheduling, tokenOf(request));
  const treatment = (request: FastifyRequest) => treatmentContinuity(apis.treatmentContinuity, tokenOf(request));

  app.get('/handoffs', healthcare, async (request, reply) => {
    const answer = await releases(request).list({ from: londonDate(new Date()) });
    return reply.page('handoffs/list.njk', {
      title: `Treatment handoffs, ${userOf(request).prison ?? 'your prison'}`,
      releases: answer.ok ? answer.body.items.filter((release) => release.status === 'scheduled') : [],
      flash: takeFlash(request),
      breadcrumbs: [HOME],
    });
  });

  const bookingForm = (
    reply: FastifyReply,
    release: Release,
    values: FormValues,
    extra: Record<string, unknown> = {},
    status = 200,
  ) =>
    reply.page(
      'handoffs/new.njk',
      {
        title: `Book the treatment handoff for ${release.personId}`,
        release,
        values,
        providers: PROVIDERS,
        treatments: TREATMENTS,
        breadcrumbs: [HOME, HANDOFFS],
        ...extra,
      },
      status,
    );

  app.get<{ Querystring: { releaseId?: string } }>('/handoffs/new', healthcare, async (request, reply) => {
    const release = await releaseFor(releases(request), request.query.releaseId);
    if (!release) return notFound(reply, 'Release not found');
    const day = dateParts(release.releaseDate);
    return bookingForm(reply, release, {
      'appointment-day': day.day,
      'appointment-month': day.month,
      'appointment-year': day.year,
    });
  });

  app.post<{ Querystring: { releaseId?: string } }>('/handoffs/new', healthcare, async (request, reply) => {
    const release = await releaseFor(releases(request), request.query.releaseId);
    if (!release) return notFound(reply, 'Release not found');
    const values = formValues(request.body);
    const read = readHandoffForm(values, release);
    if ('errors' in read) return bookingForm(reply, release, values, { errors: read.errors }, 400);
    const answer = await treatment(request).book(read.booking);
    if (!answer.ok) {
      const errors =
        notYetKnown(answer.problem, 'treatment', 'consentToShare') ??
        problemErrors(answer.problem, handoffField, 'treatmentKind');
      return bookingForm(reply, release, values, { errors }, answer.status);
    }
    request.session.set('flash', `Handoff booked for ${release.personId}`);
    return reply.redirect(`/handoffs/${answer.body.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/handoffs/:id', healthcare, async (request, reply) => {
    const answer = await treatment(request).get(request.params.id);
    if (!answer.ok) return notFound(reply, 'Handoff not found');
    const handoff = answer.body;
    return reply.page('handoffs/show.njk', {
      title: `Treatment handoff for ${handoff.personId}`,
      handoff,
      status: handoffStatus(handoff.status),
      provider: PROVIDERS.find((provider) => provider.id === handoff.providerId)?.name ?? handoff.providerId,
      flash: takeFlash(request),
      breadcrumbs: [HOME, HANDOFFS],
    });
  });
}

async function releaseFor(api: ReturnType<typeof releaseScheduling>, releaseId: string | undefined) {
  if (!releaseId || !/^[0-9a-f-]{36}$/.test(releaseId)) return undefined;
  const answer = await api.get(releaseId);
  return answer.ok ? answer.body : undefined;
}

function notFound(reply: FastifyReply, title: string) {
  return reply.page('error.njk', { title, message: 'There is nothing with that reference in your caseload.' }, 404);
}
