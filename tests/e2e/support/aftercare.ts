import type { Caller } from '@resettle/platform';
import { eventually } from '@resettle/testing';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import {
  earliestAppointment,
  gateEarlierToday,
  housing,
  plusDays,
  plusMinutes,
  probation,
  provider,
} from '../../shared/people.js';
import { about, acceptanceBody, accommodationDetail, handoffBody, scheduleBody } from '../../shared/requests.js';
import { approveAccommodation, type Release } from './journey.js';
import type { Reply, RunningSystem, ServiceName } from './system.js';

/** The prison's own staff: the planner, the nurse and the travel coordinator are scoped to the prison she leaves. */
function prisonStaff(prison: string) {
  return {
    planner: { sub: `planner-${prison}`, roles: ['release-planner'], prison } satisfies Caller,
    nurse: { sub: `nurse-${prison}`, roles: ['prison-healthcare'], prison } satisfies Caller,
    travel: { sub: `travel-${prison}`, roles: ['transport-coordinator'], prison } satisfies Caller,
  };
}

/** A write the service may refuse with 409 until the release event has reached it; retried until it knows. */
async function written(system: RunningSystem, service: ServiceName, caller: Caller, path: string, body: object) {
  return eventually(
    async () => {
      const reply = await system.call(service, caller, 'POST', path, body);
      expect(reply.status, `${service} ${path}: ${JSON.stringify(reply.body)}`).toBe(201);
      return reply;
    },
    30_000,
    200,
  );
}

/** Her journey from the gate (the handoff's and the travel plan's expected arrival, below). */
const JOURNEY_MINUTES = 45;

/**
 * Whether a woman released earlier today can have her first appointment `seconds` from now. Not in the first hour
 * and a quarter after midnight: her gate cannot be before midnight, and the appointment must leave time to get there.
 */
export function appointmentSoonAfterAGateToday(seconds: number): boolean {
  const now = DateTime.now().setZone('Europe/London');
  return now.plus({ seconds }) >= earliestAppointment(gateEarlierToday(now), JOURNEY_MINUTES);
}

export interface ReleasedToday {
  release: Release;
  handoffId: string;
  appointmentAt: string;
}

/**
 * A woman released today from court (the gate two hours ago), with a complete passport: the handoff booked and
 * accepted with the first appointment `appointmentInSeconds` from now, accommodation and travel arranged, the gate
 * recorded as passed at the planned time. Real time throughout: the services have no clock to move, so the
 * appointment is put a little in the future and the test waits the seconds until it has passed. Just after midnight
 * it is put where she can reach it (see `appointmentSoonAfterAGateToday`).
 */
export async function releasedToday(
  system: RunningSystem,
  personId: string,
  options: { prison?: string; appointmentInSeconds?: number } = {},
): Promise<ReleasedToday> {
  const prison = options.prison ?? 'EWI';
  const staff = prisonStaff(prison);
  const now = DateTime.now().setZone('Europe/London');
  const planned = gateEarlierToday(now);
  const asked = {
    prisonCode: prison,
    legalReleaseDate: planned.toISODate(),
    gateTime: planned.toFormat('HH:mm'),
    releaseFrom: 'COURT',
  };
  const scheduled = await system.call('release-scheduling', staff.planner, 'POST', '/api/releases', {
    ...scheduleBody(personId, asked),
  });
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
  const release = scheduled.body as Release;
  // Never before she can get there: just after midnight, that is later than asked.
  const appointmentAt = DateTime.max(
    now.plus({ seconds: options.appointmentInSeconds ?? 90 }),
    earliestAppointment(planned, JOURNEY_MINUTES),
  )
    .startOf('second')
    .toUTC()
    .toISO({ suppressMilliseconds: true })!;
  const appointment = { at: appointmentAt, place: 'Bristol Drug Project' };
  const cover = plusDays(release.releaseDate, 4);
  const handoff = await written(
    system,
    'treatment-continuity',
    staff.nurse,
    '/api/handoffs',
    handoffBody(release, {
      firstAppointment: appointment,
      expectedArrivalAt: plusMinutes(release.gateAt, JOURNEY_MINUTES),
      bridgingPrescription: { lastDayCovered: cover },
      weekendCoverPlan: { prescriptionCoversUntil: cover, outOfHoursContact: true },
    }),
  );
  const handoffId = handoff.body.id as string;
  const acceptPath = `/api/provider/handoffs/${handoffId}/accept`;
  const accepted = await system.call('treatment-continuity', provider, 'POST', acceptPath, {
    ...acceptanceBody,
    firstAppointment: appointment,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const proposed = await written(system, 'accommodation', housing, '/api/accommodations', {
    ...about(release),
    ...accommodationDetail(release),
  });
  await approveAccommodation(system, proposed.body.id as string);
  await written(system, 'transport', staff.travel, '/api/travel-plans', {
    ...about(release),
    mode: 'met-at-gate',
    metBy: 'Women’s centre outreach worker',
    departureAt: plusMinutes(release.gateAt, 15),
    expectedArrivalAt: plusMinutes(release.gateAt, JOURNEY_MINUTES),
    destination: 'first-appointment',
    arrangedBy: 'Resettlement team',
    escorted: true,
  });
  await eventually(
    async () => {
      const passport = await system.call('passport', probation, 'GET', `/api/passports/${release.id}`);
      expect(passport.body?.complete, JSON.stringify(passport.body?.pathways)).toBe(true);
    },
    60_000,
    200,
  );
  const gone = await system.call('release-scheduling', staff.planner, 'POST', `/api/releases/${release.id}/occurred`, {
    gatePassedAt: release.gateAt,
  });
  expect(gone.status, JSON.stringify(gone.body)).toBe(200);
  return { release, handoffId, appointmentAt };
}

/**
 * The provider records the first appointment. Until the appointment's time has come the service refuses with
 * APPOINTMENT_NOT_YET, so this retries (seconds, not days) until it accepts.
 */
export async function recordFirstAppointment(
  system: RunningSystem,
  handoffId: string,
  body: { outcome: 'attended' | 'not-attended' | 'moved'; at?: string; newAppointmentAt?: string },
): Promise<Reply> {
  return eventually(
    async () => {
      const reply = await system.call(
        'treatment-continuity',
        provider,
        'POST',
        `/api/provider/handoffs/${handoffId}/outcome`,
        body,
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply;
    },
    180_000,
    1_000,
  );
}

export async function recordTreatmentStarted(system: RunningSystem, handoffId: string, startedOn: string) {
  const path = `/api/provider/handoffs/${handoffId}/treatment-started`;
  const reply = await system.call('treatment-continuity', provider, 'POST', path, { startedOn });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply;
}
