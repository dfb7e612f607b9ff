import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import type { ProbationRegion } from '@resettle/platform/cli';
import { personIdOf } from './calendar.js';

/** Seven of the probation regions, in their one spelling (the bench's women are spread across them). */
export const REGIONS: ProbationRegion[] = [
  'London',
  'South West',
  'Wales',
  'North West',
  'West Midlands',
  'Yorkshire and the Humber',
  'Kent, Surrey and Sussex',
];
export const PRISONS = ['DWI', 'EWI', 'STI', 'NHI', 'BZI', 'FHI', 'DHI', 'LNI'];
export const SOURCE_TOPIC: Record<string, [string, string]> = {
  release: ['release-scheduling', TOPICS.releaseScheduling],
  treatment: ['treatment-continuity', TOPICS.treatmentContinuity],
  accommodation: ['accommodation', TOPICS.accommodation],
  transport: ['transport', TOPICS.transport],
};

export interface Produced {
  topic: string;
  key: string;
  value: string;
}

export interface Woman {
  n: number;
  personId: string;
  releaseId: string;
  region: string;
}

export function womanOf(n: number): Woman {
  return { n, personId: personIdOf(n), releaseId: randomUUID(), region: REGIONS[n % REGIONS.length]! };
}

/** A booked handoff as prison healthcare records it: consent given, daily OST, a female key worker asked for. */
export function bookedOf(handoff: object, firstAppointment: object) {
  return {
    ...handoff,
    consentToShare: true,
    dailyOst: true,
    injectable: false,
    naloxoneSupplied: true,
    bridgingPrescription: false,
    weekendCoverPlan: null,
    firstAppointment,
    femaleKeyWorkerRequested: true,
    referrals: { mentalHealth: true, domesticAbuse: false },
  };
}
