import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import type { Answer } from '../clients/api.js';
import { type ProviderHandoff, treatmentContinuity } from '../clients/treatment-continuity.js';
import {
  appointmentField,
  readAppointmentConfirmation,
  readDisengaged,
  readTreatmentStarted,
} from '../forms/appointment-form.js';
import { type FormErrors, problemErrors, type Read } from '../forms/errors.js';
import { TREATMENTS } from '../forms/handoff-form.js';
import { answerField, readAcceptance, readDecline, readOutcome } from '../forms/provider-answer.js';
import { type FormValues, formValues } from '../forms/values.js';
import { forRoles, tokenOf, userOf } from './access.js';
import { handoffStatus } from './handoff-status.js';

type Handoffs = ReturnType<typeof treatmentContinuity>;

const HOME = { text: 'Resettle', href: '/' };
const INBOX = { text: 'Handoffs to us', href: '/provider/handoffs' };
const providers = { preHandler: forRoles('provider') };
/** Waiting for our answer first, then the soonest first appointment. */
const URGENCY: Record<string, number> = { 'needs-reconfirmation': 0, sent: 1, booked: 2, accepted: 3, declined: 4 };

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
        canConfirmAppointment: handoff.status === 'accepted' && handoff.release?.status === 'scheduled',
        canRecordOutcome: handoff.status === 'accepted' && handoff.release?.status === 'released',
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

  /** Accepting and declining alike: read her answer, send it, then show the refusal or go back to the inbox. */
  const answerRoute = <T>(
    action: 'accept' | 'decline' | 'outcome' | 'appointment' | 'treatment-started' | 'disengaged',
    done: string | ((answer: T) => string),
    firstField: string,
    read: (values: FormValues) => Read<T>,
    send: (handoffs: Handoffs, id: string, answer: T) => Promise<Answer<unknown>>,
    fieldFor = answerField,
  ) =>
    app.post<{ Params: { id: string } }>(`/provider/handoffs/:id/${action}`, providers, async (request, reply) => {
      const found = await api(request).addressed(request.params.id);
      if (!found.ok) return notFound(reply);
      const values = formValues(request.body);
      const answer = read(values);
      if ('errors' in answer) return handoffPage(reply, found.body, values, answer.errors, 400);
      const sent = await send(api(request), found.body.id, answer.detail);
      if (!sent.ok)
        return handoffPage(reply, found.body, values, problemErrors(sent.problem, fieldFor, firstField), sent.status);
      const said = typeof done === 'string' ? done : done(answer.detail);
      request.session.set('flash', `Handoff for ${found.body.personId} ${said}`);
      return reply.redirect('/provider/handoffs', 303);
    });

  answerRoute('accept', 'accepted', 'keyWorkerName', readAcceptance, (handoffs, id, acceptance) =>
    handoffs.accept(id, acceptance),
  );
  answerRoute('decline', 'declined', 'reason', readDecline, (handoffs, id, reason) => handoffs.decline(id, reason));
  answerRoute('outcome', 'recorded', 'outcome', readOutcome, (handoffs, id, record) =>
    handoffs.recordOutcome(id, record),
  );
  answerRoute(
    'appointment',
    (confirmation) => `updated: first appointment ${confirmation.firstAppointment ? 'moved' : 'confirmed'}`,
    'appointment-day',
    readAppointmentConfirmation,
    (handoffs, id, confirmation) => handoffs.confirmAppointment(id, confirmation),
    appointmentField,
  );
  answerRoute(
    'treatment-started',
    'updated: treatment start recorded',
    'startedOn-day',
    readTreatmentStarted,
    (handoffs, id, startedOn) => handoffs.treatmentStarted(id, startedOn),
    appointmentField,
  );
  answerRoute(
    'disengaged',
    'updated: disengagement recorded',
    'disengagedReason',
    readDisengaged,
    (handoffs, id, reason) => handoffs.disengaged(id, reason),
    appointmentField,
  );
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
