import { refuseFirstBroken } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import type { ReleaseRow } from '../db/releases.js';
import { checkHandoff, type Handoff, nextWorkingDay, type Violation } from '../domain/index.js';
import type { BookingRequest } from './schemas.js';

export function asDomainHandoff(booking: BookingRequest): Handoff {
  return {
    personId: booking.personId,
    releaseId: booking.releaseId,
    consentToShare: booking.consentToShare,
    treatment: booking.treatment,
    naloxoneSupplied: booking.naloxoneSupplied,
    bridgingPrescription: booking.bridgingPrescription,
    weekendCoverPlan: booking.weekendCoverPlan,
    provider: booking.providerId,
    firstAppointment: booking.firstAppointment,
    preferences: booking.preferences,
    referrals: booking.referrals,
  };
}

/** The stored handoff in the domain's shape, to re-run rules on a change. */
export function domainFromRow(row: HandoffRow): Handoff {
  return {
    personId: row.personId,
    releaseId: row.releaseId,
    consentToShare: row.consentToShare,
    treatment: row.treatment,
    naloxoneSupplied: row.naloxoneSupplied,
    bridgingPrescription: row.bridgingLastDayCovered ? { lastDayCovered: row.bridgingLastDayCovered } : null,
    weekendCoverPlan: row.weekendCoverPlan,
    provider: row.providerId,
    firstAppointment: row.firstAppointment,
    preferences: row.preferences,
    referrals: row.referrals,
  };
}

/** The first broken rule becomes the 422 naming its field in the request body; nothing is stored. */
export function refuseIfBroken(violations: Violation[]): void {
  refuseFirstBroken(violations, 'body.');
}

/** Every handoff rule against this service's copy of the release; a broken one is a 422 and nothing is stored. */
export function checkAgainstRelease(
  handoff: Handoff,
  release: ReleaseRow,
  now: Date,
  expectedArrivalAt: string | null,
): void {
  refuseIfBroken(
    checkHandoff(handoff, {
      release: { releaseDate: release.releaseDate, gateAt: release.gateAt.toISOString() },
      now: now.toISOString(),
      expectedArrivalAt,
      weekendCover: {
        requiresWeekendCover: release.weekendCoverPlanRequired,
        nextWorkingDay: nextWorkingDay(release.releaseDate),
      },
      shortNotice: release.shortNotice,
    }),
  );
}

export function checkBooking(booking: BookingRequest, release: ReleaseRow, now: Date): void {
  checkAgainstRelease(asDomainHandoff(booking), release, now, booking.expectedArrivalAt ?? null);
}
