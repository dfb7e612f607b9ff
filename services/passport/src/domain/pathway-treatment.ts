import { isBefore, londonDateOf, londonTimeOf, longDate, nextWorkingDay, sameInstant, weekdayName } from './dates.js';
import type { HandoffFacts, Pathway, ReleaseFacts } from './passport.js';

const complete: Pathway = { required: true, status: 'complete', reason: null };
const atRisk = (reason: string): Pathway => ({ required: true, status: 'at-risk', reason });

export function treatmentPathway(handoff: HandoffFacts | null, release: ReleaseFacts | null): Pathway {
  if (!handoff) return { required: true, status: 'not-started', reason: 'No treatment handoff booked yet' };
  switch (handoff.status) {
    case 'blocked-no-consent':
      return atRisk('No consent to share: nothing has been sent to the provider');
    case 'booked':
      return { required: true, status: 'in-progress', reason: 'Provider has not yet accepted the handoff' };
    case 'declined':
      return atRisk(`Provider declined the handoff (${handoff.declinedReason}): a new provider is needed`);
    case 'needs-reconfirmation':
      return atRisk(reconfirmationReason(handoff));
    case 'accepted':
      return acceptedPathway(handoff, release);
  }
}

function reconfirmationReason(handoff: HandoffFacts): string {
  const asked = handoff.reconfirmFor;
  if (asked?.releaseDate) {
    return `Release moved to ${longDate(asked.releaseDate)}; the provider has not yet re-confirmed the handoff`;
  }
  return `The provider has not yet re-confirmed the handoff: ${asked?.reason ?? 'the release changed'}`;
}

/** An accepted handoff is complete only if it still fits the current release. */
function acceptedPathway(handoff: HandoffFacts, release: ReleaseFacts | null): Pathway {
  const gateAt = release?.gateAt ?? null;
  const acceptedFor = handoff.confirmedForGateAt ?? gateInForceAt(release, handoff.acceptedAt);
  if (release?.releaseDate && gateAt && acceptedFor && !sameInstant(acceptedFor, gateAt)) {
    return atRisk(
      `Release moved to ${longDate(release.releaseDate)} at ${londonTimeOf(gateAt)}; ` +
        'the provider has not yet re-confirmed the handoff',
    );
  }
  const gap =
    weekendCoverGap(handoff, release) ??
    appointmentGap(handoff, release) ??
    (handoff.femaleKeyWorkerRequested && handoff.keyWorkerFemale === false
      ? 'She asked for a female key worker; the key worker named is not female'
      : null);
  return gap ? atRisk(gap) : complete;
}

function weekendCoverGap(handoff: HandoffFacts, release: ReleaseFacts | null): string | null {
  if (!release?.weekendCoverPlanRequired || !release.releaseDate) return null;
  const date = release.releaseDate;
  const reopens = `to ${weekdayName(nextWorkingDay(date))}`;
  const plan = handoff.weekendCoverPlan;
  if (!plan) {
    return (
      `Weekend cover plan missing: she leaves on a ${weekdayName(date)} and needs a prescription ${reopens} ` +
      'and an out-of-hours contact'
    );
  }
  if (handoff.dailyOst && plan.prescriptionCoversUntil < nextWorkingDay(date)) {
    return `Weekend cover plan incomplete: her prescription covers only to ${longDate(plan.prescriptionCoversUntil)}`;
  }
  if (!plan.outOfHoursContact) return 'Weekend cover plan incomplete: no out-of-hours contact';
  return null;
}

function appointmentGap(handoff: HandoffFacts, release: ReleaseFacts | null): string | null {
  const appointment = handoff.firstAppointmentAt;
  if (!appointment || !release?.gateAt || !release.releaseDate) return null;
  const time = `${longDate(londonDateOf(appointment))} at ${londonTimeOf(appointment)}`;
  if (isBefore(appointment, release.gateAt)) {
    return `First appointment (${time}) is before she leaves the gate at ${londonTimeOf(release.gateAt)}`;
  }
  if (handoff.dailyOst && !handoff.bridgingPrescription && londonDateOf(appointment) !== release.releaseDate) {
    return `First dose would be missed: the first appointment is ${time}, not on release day, and no bridging prescription is recorded`;
  }
  return null;
}

/** The gate time the release had when the provider accepted (by event time, so arrival order does not matter). */
function gateInForceAt(release: ReleaseFacts | null, acceptedAt: string | null): string | null {
  if (!release || !acceptedAt) return null;
  const accepted = Date.parse(acceptedAt);
  const before = release.gateHistory.filter((entry) => Date.parse(entry.at) <= accepted);
  return before.at(-1)?.gateAt ?? null;
}
