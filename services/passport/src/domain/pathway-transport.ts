import { isBefore, londonDateOf, londonTimeOf, longDate } from './dates.js';
import type { HandoffFacts, Pathway, ReleaseFacts, TransportFacts } from './passport.js';

const atRisk = (reason: string): Pathway => ({ required: true, status: 'at-risk', reason });

export function transportPathway(
  transport: TransportFacts | null,
  release: ReleaseFacts | null,
  handoff: HandoffFacts | null,
  eveningCutoff: string,
): Pathway {
  if (!transport) return { required: true, status: 'not-started', reason: 'No travel from the gate arranged yet' };
  if (transport.status === 'cancelled')
    return atRisk(`Travel cancelled: ${transport.cancelledReason ?? 'no reason given'}`);
  if (transport.status === 'at-risk') return atRisk(`Travel at risk: ${transport.atRiskReasons.join('; ')}`);
  if (!release?.releaseDate || !release.gateAt) {
    return {
      required: true,
      status: 'in-progress',
      reason: 'Travel arranged; waiting for the release date to check it',
    };
  }
  const gap = journeyGap(
    transport,
    release.releaseDate,
    release.gateAt,
    release.movedFrom !== null,
    handoff,
    eveningCutoff,
  );
  return gap ? atRisk(gap) : { required: true, status: 'complete', reason: null };
}

function journeyGap(
  plan: TransportFacts,
  releaseDate: string,
  gateAt: string,
  moved: boolean,
  handoff: HandoffFacts | null,
  eveningCutoff: string,
): string | null {
  const travelDay = londonDateOf(plan.departureAt);
  const arrival = londonTimeOf(plan.expectedArrivalAt);
  if (travelDay !== releaseDate) {
    const released = moved ? 'Release moved to' : 'She is released on';
    return `${released} ${longDate(releaseDate)}; travel is arranged for ${longDate(travelDay)}`;
  }
  if (isBefore(plan.departureAt, gateAt)) {
    return `Travel leaves at ${londonTimeOf(plan.departureAt)}, before her gate time of ${londonTimeOf(gateAt)}`;
  }
  if (arrival > eveningCutoff || londonDateOf(plan.expectedArrivalAt) !== releaseDate) {
    return `She would arrive at ${arrival}, after the ${eveningCutoff} evening cut-off`;
  }
  const appointment = handoff?.firstAppointmentAt;
  if (
    plan.destination === 'first-appointment' &&
    appointment &&
    londonDateOf(appointment) === releaseDate &&
    isBefore(appointment, plan.expectedArrivalAt)
  ) {
    return `She would arrive at ${arrival}, after her first appointment at ${londonTimeOf(appointment)}`;
  }
  return null;
}
