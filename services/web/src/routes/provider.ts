import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { type ProviderHandoff, treatmentContinuity } from '../clients/treatment-continuity.js';
import { dateFromParts, londonInstant } from '../format/dates.js';
import { type FormErrors, fieldsByPrefix, formErrors, problemErrors } from '../forms/errors.js';
import { TREATMENTS } from '../forms/handoff-form.js';
import { normaliseTime } from '../forms/release-form.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf, userOf } from './access.js';
import { handoffStatus } from './handoff-status.js';

const HOME = { text: 'Resettle', href: '/' };
const INBOX = { text: 'Handoffs to us', href: '/provider/handoffs' };
const providers = { preHandler: forRoles('provider') };
/** Waiting for our answer first, then the soonest first appointment. */
const URGENCY: Record<string, number> = { 'needs-reconfirmation': 0, sent: 1, booked: 2, accepted: 3, declined: 4 };
const answerField = fieldsByPrefix({
  'body.keyWorker': 'keyWorkerName',
  'body.keyWorker.gender': 'keyWorkerGender',
  'body.appointmentConfirmed': 'appointmentConfirmed',
  'body.firstAppointment': 'newAppointment-day',
  'body.firstAppointment.place': 'newAppointmentPlace',
  'body.reason': 'reason',
});

/** The provider: the handoffs addressed to her organisation; accept naming the key worker, or decline with a reason. */
export async function providerRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const api = (request: FastifyRequest) => treatmentContinuity(apis.treatmentContinuity, tokenOf(request));

  app.get('/provider/handoffs', providers, async (request, reply) => {
    const answer = await api(request).inbox();
    const handoffs = answer.ok ? [...answer.body.items].sort(byUrgency) : [];
    return reply.page('provider/inbox.njk', {
      title: 'Handoffs to us',
      organisation: userOf(request).organisation,
      handoffs: handoffs.map((handoff) => ({ ...handoff, statusView: handoffStatus(handoff.status) })),
      flash: takeFlash(request),
      breadcrumbs: [HOME],
    });
  });

  const handoffPage = (
    reply: FastifyReply,
    handoff: ProviderHandoff,
    values: FormValues = {},
    errors?: FormErrors,
    status = 200,
  ) =>
    reply.page(
      'provider/handoff.njk',
      {
        title: `Handoff for ${handoff.personId}`,
        handoff,
        statusView: handoffStatus(handoff.status),
        treatmentLabel:
          TREATMENTS.find((treatment) => treatment.value === handoff.treatment.kind)?.text ?? handoff.treatment.kind,
        canAnswer: ['sent', 'needs-reconfirmation'].includes(handoff.status),
        values,
        ...(errors && { errors }),
        breadcrumbs: [HOME, INBOX],
      },
      status,
    );

  app.get<{ Params: { id: string } }>('/provider/handoffs/:id', providers, async (request, reply) => {
    const answer = await api(request).addressed(request.params.id);
    if (!answer.ok) return notFound(reply);
    return handoffPage(reply, answer.body);
  });

  app.post<{ Params: { id: string } }>('/provider/handoffs/:id/accept', providers, async (request, reply) => {
    const found = await api(request).addressed(request.params.id);
    if (!found.ok) return notFound(reply);
    const values = formValues(request.body);
    const read = readAcceptance(values);
    if ('errors' in read) return handoffPage(reply, found.body, values, read.errors, 400);
    const answer = await api(request).accept(found.body.id, read.acceptance);
    if (!answer.ok)
      return handoffPage(
        reply,
        found.body,
        values,
        problemErrors(answer.problem, answerField, 'keyWorkerName'),
        answer.status,
      );
    request.session.set('flash', `Handoff for ${found.body.personId} accepted`);
    return reply.redirect('/provider/handoffs', 303);
  });

  app.post<{ Params: { id: string } }>('/provider/handoffs/:id/decline', providers, async (request, reply) => {
    const found = await api(request).addressed(request.params.id);
    if (!found.ok) return notFound(reply);
    const values = formValues(request.body);
    const reason = (values.reason ?? '').trim();
    if (!reason)
      return handoffPage(
        reply,
        found.body,
        values,
        formErrors([{ field: 'reason', text: 'Enter why you are declining, so healthcare can find another provider' }]),
        400,
      );
    const answer = await api(request).decline(found.body.id, reason);
    if (!answer.ok)
      return handoffPage(
        reply,
        found.body,
        values,
        problemErrors(answer.problem, answerField, 'reason'),
        answer.status,
      );
    request.session.set('flash', `Handoff for ${found.body.personId} declined`);
    return reply.redirect('/provider/handoffs', 303);
  });
}

function readAcceptance(values: FormValues) {
  const problems: { field: string; text: string }[] = [];
  const name = (values.keyWorkerName ?? '').trim();
  if (!name) problems.push({ field: 'keyWorkerName', text: 'Enter the name of the key worker who will see her' });
  const gender = values.keyWorkerGender ?? '';
  if (!['female', 'male', 'other'].includes(gender))
    problems.push({ field: 'keyWorkerGender', text: 'Select the key worker’s gender' });
  const moving = Boolean(values['newAppointment-day'] || values.newAppointmentTime || values.newAppointmentPlace);
  const date = dateFromParts(
    values['newAppointment-day'],
    values['newAppointment-month'],
    values['newAppointment-year'],
  );
  const time = normaliseTime(values.newAppointmentTime);
  const at = date && time ? londonInstant(date, time) : undefined;
  const place = (values.newAppointmentPlace ?? '').trim();
  if (moving && !at)
    problems.push({
      field: 'newAppointment-day',
      text: 'Enter the new appointment’s date and time, like 10 12 2026 and 13:00',
    });
  if (moving && !place) problems.push({ field: 'newAppointmentPlace', text: 'Enter where the new appointment is' });
  if (problems.length > 0) return { errors: formErrors(problems) };
  return {
    acceptance: {
      keyWorker: { name, gender },
      appointmentConfirmed: values.appointmentConfirmed === 'yes',
      ...(moving && at && { firstAppointment: { at, place } }),
    },
  };
}

function byUrgency(a: ProviderHandoff, b: ProviderHandoff): number {
  const rank = (URGENCY[a.status] ?? 9) - (URGENCY[b.status] ?? 9);
  if (rank !== 0) return rank;
  return (a.firstAppointment?.at ?? '9999').localeCompare(b.firstAppointment?.at ?? '9999');
}

function notFound(reply: FastifyReply) {
  return reply.page(
    'error.njk',
    { title: 'Handoff not found', message: 'There is no handoff with that reference addressed to your organisation.' },
    404,
  );
}
