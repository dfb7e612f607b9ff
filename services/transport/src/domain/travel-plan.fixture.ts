import type { TravelFacts, TravelPlan } from './travel-plan.js';

/** Thursday 2026-04-16: gate 09:00 BST, appointment 14:00 BST. */
export const facts: TravelFacts = {
  releaseDate: '2026-04-16',
  gateAt: '2026-04-16T09:00:00+01:00',
  firstAppointmentAt: '2026-04-16T14:00:00+01:00',
};

export function aPlan(overrides: Partial<TravelPlan> = {}): TravelPlan {
  return {
    mode: 'public-transport-with-warrant',
    metBy: null,
    departureAt: '2026-04-16T09:15:00+01:00',
    expectedArrivalAt: '2026-04-16T11:45:00+01:00',
    destination: 'first-appointment',
    arrangedBy: 'OMU transport desk',
    escorted: false,
    ...overrides,
  };
}

export const rules = (violations: { rule: string }[]) => violations.map((v) => v.rule);
