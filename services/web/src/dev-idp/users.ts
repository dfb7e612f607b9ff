import type { Caller } from '@resettle/platform';

/** A development user: who she is, and the API roles and caseload her tokens carry. */
export interface DevUser extends Caller {
  name: string;
  job: string;
}

/** One user per role, with the caseloads the e2e journeys and the demo use (EWI, South West, Bristol Drug Project). */
export const DEV_USERS: readonly DevUser[] = [
  {
    sub: 'omu-planner',
    name: 'Priya Patel',
    job: 'Release planner, HMP Eastwood Park',
    roles: ['release-planner'],
    prison: 'EWI',
  },
  {
    sub: 'healthcare-nurse',
    name: 'Helen Hughes',
    job: 'Healthcare nurse, HMP Eastwood Park',
    roles: ['prison-healthcare'],
    prison: 'EWI',
  },
  {
    sub: 'bdp-worker',
    name: 'Bea Daniels',
    job: 'Key worker, Bristol Drug Project',
    roles: ['provider'],
    organisation: 'bristol-drug-project',
  },
  {
    sub: 'housing-coordinator',
    name: 'Aisha Khan',
    job: 'Accommodation coordinator, South West',
    roles: ['accommodation-coordinator'],
    region: 'South West',
  },
  {
    sub: 'travel-coordinator',
    name: 'Tom Evans',
    job: 'Transport coordinator, HMP Eastwood Park',
    roles: ['transport-coordinator'],
    prison: 'EWI',
  },
  {
    sub: 'probation-officer',
    name: 'Pat Morgan',
    job: 'Probation practitioner, South West',
    roles: ['probation'],
    region: 'South West',
  },
  {
    sub: 'data-protection-officer',
    name: 'Dana Osei',
    job: 'Data protection officer',
    roles: ['data-protection'],
  },
  // A second caseload for the same roles, to see that one prison's or region's records stay hidden from another.
  {
    sub: 'probation-wales',
    name: 'Wyn Jones',
    job: 'Probation practitioner, Wales',
    roles: ['probation'],
    region: 'Wales',
  },
  {
    sub: 'omu-planner-styal',
    name: 'Sara Lee',
    job: 'Release planner, HMP Styal',
    roles: ['release-planner'],
    prison: 'STI',
  },
  {
    sub: 'travel-coordinator-styal',
    name: 'Sam Okafor',
    job: 'Transport coordinator, HMP Styal',
    roles: ['transport-coordinator'],
    prison: 'STI',
  },
];

export function devUser(sub: string): DevUser | undefined {
  return DEV_USERS.find((user) => user.sub === sub);
}

/** The caseload claims of a token: only those the user has. */
export function caseloadClaims(user: Caller): Record<string, string | string[]> {
  return {
    roles: user.roles,
    ...(user.prison && { prison: user.prison }),
    ...(user.organisation && { organisation: user.organisation }),
    ...(user.region && { region: user.region }),
  };
}
