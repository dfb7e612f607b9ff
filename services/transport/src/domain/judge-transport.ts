import type { JudgementReason, PathwayJudged } from '@resettle/contracts';
import { arrivesInTime } from '@resettle/rules';
import { type AccommodationFact, checkPlanAgainst } from './destination.js';
import type { PlanStatus } from './plan-status.js';
import { describe, londonAt, londonInstant } from './time.js';
import { DEFAULT_TRAVEL_SETTINGS, type TravelPlan, type TravelSettings } from './travel-plan.js';

/** Her plan for this release as stored: the latest one not cancelled, else the latest cancelled one. */
export interface PlanOnRecord extends TravelPlan {
  status: PlanStatus;
  cancelledReason: string | null;
}

/** The release as transport's copy knows it; `gatePassedAt` once she has passed the gate (release.occurred). */
export interface ReleaseAsKnown {
  releaseDate: string;
  /** The planned gate time (instant, ISO with offset). */
  gateAt: string;
  gatePassedAt: string | null;
}

export interface TransportCase {
  plan: PlanOnRecord | null;
  release: ReleaseAsKnown;
  /** From treatment-continuity's logistics (the copy stamped with its handoff revision). */
  firstAppointmentAt: string | null;
  accommodation: AccommodationFact | null;
  settings?: TravelSettings;
}

export type TransportVerdict = Pick<PathwayJudged, 'status' | 'reasons' | 'missing'>;

const TRAVEL = 'travel from the gate';

/**
 * transport's verdict on the travel-from-the-gate pathway: leaves after the gate, arrives the shared margin before
 * her first appointment and before the evening cut-off, goes to accommodation that exists; once she has passed the
 * gate, judged against when she actually did. Long journeys alone are a reason to look again, not a risk.
 */
export function judgeTransport({
  plan,
  release,
  firstAppointmentAt,
  accommodation,
  settings = DEFAULT_TRAVEL_SETTINGS,
}: TransportCase): TransportVerdict {
  if (!plan) {
    return {
      status: 'not-started',
      reasons: [reason('NO_TRAVEL_ARRANGED', 'No travel from the gate arranged yet')],
      missing: [TRAVEL],
    };
  }
  if (plan.status === 'cancelled') {
    const why = plan.cancelledReason ?? 'no reason given';
    return { status: 'at-risk', reasons: [reason('TRAVEL_CANCELLED', `Travel cancelled: ${why}`)], missing: [TRAVEL] };
  }
  const facts = { releaseDate: release.releaseDate, gateAt: release.gateAt, firstAppointmentAt };
  const { violations, flags } = checkPlanAgainst(plan, facts, accommodation, settings);
  const atRisk = [...violations, ...afterTheActualGate(plan, release, firstAppointmentAt, settings)].map(asReason);
  const reasons = [...atRisk, ...flags.map(asReason)];
  if (atRisk.length === 0) return { status: 'complete', reasons, missing: [] };
  return { status: 'at-risk', reasons, missing: [`${TRAVEL} that fits her release`] };
}

/**
 * She passed the gate later than planned: a journey that left before she came out did not take her, and one that
 * waits for her gets her to the appointment (and home) that much later.
 */
function afterTheActualGate(
  plan: TravelPlan,
  release: ReleaseAsKnown,
  appointmentAt: string | null,
  settings: TravelSettings,
): JudgementReason[] {
  const passed = release.gatePassedAt ? londonInstant(release.gatePassedAt) : null;
  const departure = londonInstant(plan.departureAt);
  const arrival = londonInstant(plan.expectedArrivalAt);
  if (!passed || !departure || !arrival || passed <= departure) return [];
  const reasons = [
    reason(
      'GATE_AFTER_DEPARTURE',
      `She passed the gate at ${describe(passed)}, after the journey was due to leave (${describe(departure)}).`,
    ),
  ];
  const realArrival = arrival.plus(passed.diff(departure));
  const appointment = appointmentAt ? londonInstant(appointmentAt) : null;
  if (
    appointment &&
    !arrivesInTime(realArrival.toISO() ?? '', appointment.toISO() ?? '', settings.appointmentMarginMinutes)
  ) {
    reasons.push(
      reason(
        'GATE_TOO_LATE_FOR_APPOINTMENT',
        `Leaving when she passed the gate she would arrive at ${describe(realArrival)}, less than ` +
          `${settings.appointmentMarginMinutes} minutes before her first treatment appointment (${describe(appointment)}).`,
      ),
    );
  }
  const cutoff = londonAt(release.releaseDate, settings.eveningCutoff);
  if (cutoff && realArrival > cutoff) {
    reasons.push(
      reason(
        'GATE_TOO_LATE_FOR_EVENING_CUTOFF',
        `Leaving when she passed the gate she would arrive at ${describe(realArrival)}, after ` +
          `${settings.eveningCutoff} on her release day, when services have closed.`,
      ),
    );
  }
  return reasons;
}

function asReason({ rule, message }: { rule: string; message: string }): JudgementReason {
  return { rule, message };
}

function reason(rule: string, message: string): JudgementReason {
  return { rule, message };
}
