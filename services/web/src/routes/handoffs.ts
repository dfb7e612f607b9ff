import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type Release, releaseScheduling } from '../clients/release-scheduling.js';
import { type HandoffStatus, treatmentContinuity } from '../clients/treatment-continuity.js';
import { dateParts, londonDate, londonParts } from '../format/dates.js';
import { appointmentField, readAppointment } from '../forms/appointment-form.js';
import { type FormErrors, notYetKnown, problemErrors } from '../forms/errors.js';
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
      canChangeAppointment: !['declined', 'withdrawn'].includes(handoff.status),
      flash: takeFlash(request),
      breadcrumbs: [HOME, HANDOFFS],
    });
  });

  const appointmentPage = (
    reply: FastifyReply,
    handoff: HandoffStatus,
    values: FormValues,
    errors?: FormErrors,
    status = 200,
  ) =>
    reply.page(
      'handoffs/appointment.njk',
      {
        title: `Change the first appointment for ${handoff.personId}`,
        handoff,
        values,
        ...(errors && { errors }),
        breadcrumbs: [HOME, HANDOFFS, { text: handoff.personId, href: `/handoffs/${handoff.id}` }],
      },
      status,
    );

  app.get<{ Params: { id: string } }>('/handoffs/:id/appointment', healthcare, async (request, reply) => {
    const answer = await treatment(request).get(request.params.id);
    if (!answer.ok) return notFound(reply, 'Handoff not found');
    const current = answer.body.firstAppointment;
    const { date, time } = current ? londonParts(current.at) : { date: '', time: '' };
    const day = dateParts(date);
    return appointmentPage(reply, answer.body, {
      'appointment-day': day.day,
      'appointment-month': day.month,
      'appointment-year': day.year,
      appointmentTime: time,
      appointmentPlace: current?.place ?? '',
    });
  });

  app.post<{ Params: { id: string } }>('/handoffs/:id/appointment', healthcare, async (request, reply) => {
    const found = await treatment(request).get(request.params.id);
    if (!found.ok) return notFound(reply, 'Handoff not found');
    const values = formValues(request.body);
    const read = readAppointment(values);
    if ('errors' in read) return appointmentPage(reply, found.body, values, read.errors, 400);
    const changed = await treatment(request).changeAppointment(found.body.id, read.detail);
    if (!changed.ok) {
      const errors = problemErrors(changed.problem, appointmentField, 'appointment-day');
      return appointmentPage(reply, found.body, values, errors, changed.status);
    }
    request.session.set('flash', `First appointment for ${found.body.personId} changed`);
    return reply.redirect(`/handoffs/${found.body.id}`, 303);
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
