import { Conflict, RuleRefusal } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import type { ReleaseRow } from '../db/releases.js';
import { type Appointment, confirmingFor, violation } from '../domain/index.js';
import { checkAgainstRelease, domainFromRow } from './rules.js';

/**
 * The provider confirms the booked appointment or offers its own. Either must fit the release as it is now (it may
 * have moved since the booking), so every rule runs again while the release is still to come.
 */
export function appointmentToConfirm(
  handoff: HandoffRow,
  offered: Appointment | undefined,
  release: ReleaseRow | undefined,
  now: Date,
): Appointment {
  const appointment = offered ?? handoff.firstAppointment;
  if (!appointment) {
    const missing = violation(
      'FIRST_APPOINTMENT_REQUIRED',
      'firstAppointment',
      'Give the first appointment you will see her at.',
    );
    throw new RuleRefusal(missing.rule, missing.message, { field: 'body.firstAppointment', violations: [missing] });
  }
  if (release?.status === 'cancelled') throw new Conflict('RELEASE_NOT_SCHEDULED', 'the release was cancelled');
  if (release?.status === 'scheduled') {
    const expectedArrivalAt = handoff.expectedArrivalAt?.toISOString() ?? null;
    const domain = { ...domainFromRow(handoff), firstAppointment: appointment };
    checkAgainstRelease(domain, release, now, expectedArrivalAt);
  }
  return appointment;
}

/** The provider confirms for the release as known here: a move still on its way, or one since, is a 409 to act on. */
export function refuseUnlessCurrentRelease(releaseRevision: number | undefined, known: ReleaseRow | undefined): void {
  const confirming = confirmingFor(releaseRevision, known?.revision ?? 0);
  if (confirming === 'not-yet-known') {
    throw new Conflict(
      'RELEASE_CHANGE_NOT_YET_KNOWN',
      `the release change you confirm for (revision ${releaseRevision}) has not reached treatment-continuity ` +
        `yet; try again in a moment (it knows revision ${known?.revision ?? 0}, ${known?.releaseDate ?? 'no date'})`,
      { field: 'body.releaseRevision', retryAfterSeconds: 2 },
    );
  }
  if (confirming === 'moved-again') {
    throw new Conflict(
      'RELEASE_MOVED_AGAIN',
      `the release has changed since revision ${releaseRevision} (now revision ${known?.revision}, ` +
        `${known?.releaseDate}); read the handoff and confirm for the current release`,
    );
  }
}
