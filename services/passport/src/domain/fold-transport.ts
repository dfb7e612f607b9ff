import type { TransportArranged } from '@resettle/contracts';
import { londonDateOf, londonTimeOf, longDate } from './dates.js';
import type { Folded } from './fold-release.js';
import type { TransportFacts } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

const MODE_WORDS: Record<string, string> = {
  'met-at-gate': 'met at the gate',
  'public-transport-with-warrant': 'public transport with a travel warrant',
  taxi: 'taxi',
  'prison-transport': 'prison transport',
};

/** Transport's status events, for the timeline only: whether the journey fits is transport's verdict. */
export function foldTransport(current: TransportFacts | null, event: UpstreamEvent): Folded<TransportFacts> | null {
  switch (event.type) {
    case 'transport.arranged':
      return { facts: arranged(event.data), summary: `Travel arranged: ${describe(event.data)}` };
    case 'transport.changed':
      return { facts: arranged(event.data), summary: `Travel changed: ${describe(event.data)}` };
    case 'transport.cancelled': {
      const base = current ?? { travelPlanId: event.data.travelPlanId, mode: 'unknown' };
      return {
        facts: { ...base, status: 'cancelled' },
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
  return { travelPlanId: data.travelPlanId, status: 'arranged', mode: data.mode };
}
