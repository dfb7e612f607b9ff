import { randomUUID } from 'node:crypto';
import {
  Conflict,
  changeableRecord,
  problemsFor,
  type ReleaseRecords,
  recordAudit,
  recordChangeRoute,
  refuseOutsideCaseload,
  releaseRecordReads,
  type Server,
  type ServiceContext,
  visibleRecord,
} from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import {
  type AccommodationRow,
  accommodationsForRelease,
  findAccommodation,
  insertAccommodation,
  updateAccommodation,
} from '../db/accommodations.js';
import { isLive } from '../domain/index.js';
import {
  accommodationChanged,
  accommodationConfirmed,
  accommodationWithdrawn,
} from '../events/accommodation-events.js';
import { judgeRelease, judgeReleaseById } from '../events/judge.js';
import { auditedAttempt } from './audited-attempt.js';
import { decideAccommodation, knownFacts } from './decide.js';
import { Accommodation, AccommodationChange, AccommodationRequest, WithdrawRequest } from './schemas.js';
import { asAccommodationView } from './view.js';

/** Release-night accommodation, one for each of her releases, kept by the accommodation coordinator. */
export const accommodations: ReleaseRecords<AccommodationRow, typeof Accommodation> = {
  path: '/api/accommodations',
  noun: 'accommodation',
  role: 'accommodation-coordinator',
  tags: ['accommodations'],
  category: 'accommodation',
  view: { schema: Accommodation, of: asAccommodationView },
  read: { summary: 'One accommodation record', action: 'read-accommodation' },
  list: {
    summary: 'Accommodation records for one release, oldest first (withdrawn ones included)',
    action: 'list-accommodations',
  },
  find: findAccommodation,
  ofRelease: accommodationsForRelease,
  closed: (row) => {
    if (row.status === 'withdrawn') return new Conflict('ACCOMMODATION_WITHDRAWN', 'the accommodation was withdrawn');
    if (row.safeguardingReview === 'not-suitable') {
      return new Conflict('ACCOMMODATION_NOT_SUITABLE', 'this place was found not suitable; propose another place');
    }
    return undefined;
  },
};

/** Who proposed what for her, written before the business transaction so that a refused proposal is on record too. */
const proposal = (action: string, personId: string, resourceId: string) => ({
  action,
  personId,
  resourceId,
  categories: ['accommodation' as const],
  outcome: 'allowed' as const,
});

/** The coordinator records, changes, withdraws and reads her accommodation. */
export async function accommodationRoutes(app: Server, context: ServiceContext): Promise<void> {
  const coordinator = app.requireRole(accommodations.role);
  const { tags } = accommodations;

  app.post(
    '/api/accommodations',
    {
      onRequest: coordinator,
      schema: {
        summary:
          'Propose release-night accommodation (type none records that there is none yet); every place goes to ' +
          "her offender manager's safeguarding review",
        tags,
        body: AccommodationRequest,
        response: { 201: Accommodation, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const asked = request.body;
      await refuseOutsideCaseload(context.db, request, accommodations, 'confirm-accommodation', asked.releaseId);
      const attempt = proposal('propose-accommodation', asked.personId, asked.releaseId);
      const row = await auditedAttempt(context.db, request, attempt, () =>
        context.transact(
          request,
          async (work) => {
            const facts = await knownFacts(work.tx, asked.releaseId, asked.personId);
            if ((await accommodationsForRelease(work.tx, asked.releaseId)).some(isLive)) {
              throw new Conflict(
                'ACCOMMODATION_ALREADY_RECORDED',
                'this release has accommodation; change or withdraw it',
              );
            }
            const decision = decideAccommodation(asked, facts, null, work.now());
            const inserted = await insertAccommodation(work.tx, { id: randomUUID(), ...asked, ...decision });
            work.publish(accommodationConfirmed(inserted));
            await judgeRelease(work, facts.release);
            await work.audit(recordAudit(accommodations, 'confirm-accommodation', inserted));
            return inserted;
          },
          { personId: asked.personId },
        ),
      );
      return reply.code(201).send(asAccommodationView(row));
    },
  );

  app.put(
    '/api/accommodations/:id',
    {
      onRequest: coordinator,
      schema: {
        summary: 'Change (or re-confirm) release-night accommodation; a new place or area goes back to review',
        tags,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: AccommodationChange,
        response: { 200: Accommodation, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = request.params;
      // Outside the transaction, so the denial's audit row is not rolled back with it.
      const seen = await visibleRecord(
        context.db,
        request,
        accommodations,
        'change-accommodation',
        await findAccommodation(context.db, id),
      );
      const attempt = proposal('propose-accommodation-change', seen.personId, seen.id);
      const row = await auditedAttempt(context.db, request, attempt, () =>
        context.transact(request, async (work) => {
          const current = await changeableRecord(work, accommodations, id);
          const facts = await knownFacts(work.tx, current.releaseId, current.personId);
          const decision = decideAccommodation(request.body, facts, current, work.now());
          const updated = await updateAccommodation(work.tx, current, { ...request.body, ...decision }, work.now());
          work.publish(accommodationChanged(updated));
          await judgeRelease(work, facts.release);
          await work.audit(recordAudit(accommodations, 'change-accommodation', updated));
          return updated;
        }),
      );
      return asAccommodationView(row);
    },
  );

  recordChangeRoute(app, context, accommodations, {
    method: 'POST',
    suffix: '/withdraw',
    summary: 'Withdraw accommodation that is no longer available',
    body: WithdrawRequest,
    action: 'withdraw-accommodation',
    refusable: false,
    apply: async (work, current, { reason }) => {
      const withdrawn = { status: 'withdrawn' as const, withdrawnReason: reason };
      const updated = await updateAccommodation(work.tx, current, withdrawn, work.now());
      work.publish(accommodationWithdrawn(updated, reason));
      await judgeReleaseById(work, updated.releaseId);
      return updated;
    },
  });

  await releaseRecordReads(app, context.db, accommodations);
}
