import { randomUUID } from 'node:crypto';
import { TOPICS } from '@resettle/contracts';
import { personIdOf } from './calendar.js';

export const REGIONS = ['London', 'South West', 'Wales', 'North West', 'Midlands', 'Yorkshire', 'South East'];
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
