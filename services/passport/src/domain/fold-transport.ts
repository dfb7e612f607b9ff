import type { KnownEvent, TransportArranged } from '@resettle/contracts';
import { londonDateOf, londonTimeOf, longDate } from './dates.js';
import type { Folded } from './fold-release.js';
import type { TransportFacts } from './passport.js';

const MODE_WORDS: Record<string, string> = {
  'met-at-gate': 'met at the gate',
  'public-transport-with-warrant': 'public transport with a travel warrant',
  taxi: 'taxi',
  'prison-transport': 'prison transport',
};

export function foldTransport(current: TransportFacts | null, event: KnownEvent): Folded<TransportFacts> | null {
  switch (event.type) {
    case 'transport.arranged':
      return { facts: arranged(event.data), summary: `Travel arranged: ${describe(event.data)}` };
    case 'transport.changed':
      return { facts: arranged(event.data), summary: `Travel changed: ${describe(event.data)}` };
    case 'transport.at-risk': {
      const reasons = event.data.reasons.map((reason) => reason.message);
      const base = current ?? unknownPlan(event.data.travelPlanId);
      return {
        facts: { ...base, status: 'at-risk', atRiskReasons: reasons },
        summary: `Travel at risk: ${reasons.join('; ')}`,
      };
    }
    case 'transport.cancelled': {
      const base = current ?? unknownPlan(event.data.travelPlanId);
      return {
        facts: { ...base, status: 'cancelled', cancelledReason: event.data.reason, atRiskReasons: [] },
        summary: `Travel cancelled: ${event.data.reason}`,
      };
    }
    default:
      return null;
  }
}

function describe(data: TransportArranged): string {
  const mode = MODE_WORDS[data.mode] ?? data.mode;
  const day = longDate(londonDateOf(data.departureAt));
  return `${mode}, leaving ${day} at ${londonTimeOf(data.departureAt)}, arriving ${londonTimeOf(data.expectedArrivalAt)}`;
}

function arranged(data: TransportArranged): TransportFacts {
  return {
    travelPlanId: data.travelPlanId,
    status: 'arranged',
    mode: data.mode,
    departureAt: data.departureAt,
    expectedArrivalAt: data.expectedArrivalAt,
    destination: data.destination,
    atRiskReasons: [],
    cancelledReason: null,
  };
}

/** An at-risk or cancellation that arrived with no plan before it: nothing usable is known about the journey. */
function unknownPlan(travelPlanId: string): TransportFacts {
  return {
    travelPlanId,
    status: 'cancelled',
    mode: 'unknown',
    departureAt: '',
    expectedArrivalAt: '',
    destination: 'accommodation',
    atRiskReasons: [],
    cancelledReason: null,
  };
}
