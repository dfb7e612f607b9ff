import {
  FIRST_APPOINTMENT_OUTCOMES,
  type FirstAppointmentRecorded,
  FirstAppointmentRecordedV1,
  Instant,
  IsoDate,
  TreatmentDisengagedV1,
  TreatmentStartedV1,
} from '@resettle/contracts';
import { Conflict, problemsFor, type Server, type ServiceContext, type UnitOfWork } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { type HandoffRow, updateHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import {
  type AftercareFacts,
  decideDisengaged,
  decideOutcome,
  decideTreatmentStart,
  gateAsItHappened,
} from '../domain/index.js';
import {
  firstAppointmentRecorded,
  publishAftercare,
  treatmentDisengaged,
  treatmentStarted,
} from '../events/aftercare-events.js';
import { releaseToJudge } from '../events/judgement.js';
import { addressedTo, lockedHandoff } from './access.js';
import { refuseIfBroken } from './rules.js';
import { IdParams } from './schemas.js';

const OutcomeRequest = Type.Object(
  {
    outcome: Type.Union(FIRST_APPOINTMENT_OUTCOMES.map((outcome) => Type.Literal(outcome))),
    at: Type.Optional(Instant),
    newAppointmentAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
const StartedRequest = Type.Object({ startedOn: IsoDate }, { additionalProperties: false });
const DisengagedRequest = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

async function factsOf(work: UnitOfWork, handoff: HandoffRow): Promise<AftercareFacts> {
  const release = await findRelease(work.tx, handoff.releaseId);
  return {
    status: handoff.status,
    appointmentAt: handoff.firstAppointment?.at ?? null,
    // The day she passed the gate is her release day, even when it was not the day planned.
    releaseDate: release ? gateAsItHappened(releaseToJudge(release)).releaseDate : null,
    now: work.now(),
  };
}

/** What the outcome changes on the handoff: a moved appointment's time, and the missed-appointment alarm. */
function aftercareChanges(handoff: HandoffRow, recorded: FirstAppointmentRecorded): Partial<HandoffRow> | null {
  if (recorded.outcome === 'not-attended') {
    const { appointmentAt, recordedAt } = recorded;
    return { missedFirstAppointment: { appointmentAt, recordedAt } };
  }
  if (recorded.outcome === 'attended') return handoff.missedFirstAppointment ? { missedFirstAppointment: null } : null;
  if (!recorded.newAppointmentAt || !handoff.firstAppointment) return null;
  return { firstAppointment: { ...handoff.firstAppointment, at: recorded.newAppointmentAt } };
}

/** After her release the provider records what happened: the first appointment, the start of treatment, disengaging. */
export async function aftercareRoutes(app: Server, context: ServiceContext): Promise<void> {
  const onlyProviders = { onRequest: app.requireRole('provider') };
  const refusals = problemsFor(400, 401, 403, 404, 409, 422);

  app.post(
    '/api/provider/handoffs/:id/outcome',
    {
      ...onlyProviders,
      schema: {
        summary: 'Record the first appointment: attended, not attended, or moved (with the new time)',
        tags: ['provider'],
        params: IdParams,
        body: OutcomeRequest,
        response: { 200: FirstAppointmentRecordedV1, ...refusals },
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'record-first-appointment');
      const report = request.body;
      return context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        const facts = await factsOf(work, handoff);
        refuseIfBroken(decideOutcome(report, facts));
        const appointmentAt = report.at ?? facts.appointmentAt ?? '';
        const event = firstAppointmentRecorded(handoff, {
          outcome: report.outcome,
          appointmentAt,
          newAppointmentAt: report.newAppointmentAt ?? null,
          recordedAt: facts.now.toISOString(),
        });
        const changes = aftercareChanges(handoff, event.data);
        let row = handoff;
        if (changes) {
          const updated = await updateHandoff(work.tx, handoff, changes);
          if (!updated) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
          row = updated;
        }
        await publishAftercare(work, row, event);
        return event.data;
      });
    },
  );

  app.post(
    '/api/provider/handoffs/:id/treatment-started',
    {
      ...onlyProviders,
      schema: {
        summary: 'Report the date community treatment started (first dose or first assessment)',
        tags: ['provider'],
        params: IdParams,
        body: StartedRequest,
        response: { 200: TreatmentStartedV1, ...refusals },
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'record-treatment-started');
      return context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        refuseIfBroken(decideTreatmentStart(request.body.startedOn, await factsOf(work, handoff)));
        const event = treatmentStarted(handoff, request.body.startedOn);
        await publishAftercare(work, handoff, event);
        return event.data;
      });
    },
  );

  app.post(
    '/api/provider/handoffs/:id/disengaged',
    {
      ...onlyProviders,
      schema: {
        summary: 'Report that she disengaged from treatment, with a reason',
        tags: ['provider'],
        params: IdParams,
        body: DisengagedRequest,
        response: { 200: TreatmentDisengagedV1, ...refusals },
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'record-disengaged');
      return context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        const facts = await factsOf(work, handoff);
        refuseIfBroken(decideDisengaged(facts));
        const event = treatmentDisengaged(handoff, request.body.reason, facts.now.toISOString());
        await publishAftercare(work, handoff, event);
        return event.data;
      });
    },
  );
}
