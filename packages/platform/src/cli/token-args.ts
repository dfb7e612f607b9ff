import { parseArgs } from 'node:util';
import { HELP, helpOption, listWrapped, UsageError } from '@resettle/infra';
import { type Caller, ROLES, type Role } from '../http/auth.js';
import { PROBATION_REGIONS, probationRegionNamed, regionSlug } from './regions.js';

export const tokenUsage = `Prints a bearer token from the local issuer (key: JWT_SECRET, else infra/.cache/dev-jwt-secret).

usage: pnpm token [--role ROLE]… [--sub ID] [--prison CODE] [--region REGION] [--organisation ID]

  --role ROLE          repeat for several (default: probation); one of
                       ${listWrapped(ROLES, '                       ')}
  --sub ID             the user id (default: dev-user)
  --prison CODE        prison staff's prison, by its three-letter code (e.g. EWI)
  --region REGION      a probation practitioner's region, by name or as a slug: "South West" or south-west
                       ${listWrapped(PROBATION_REGIONS.map(regionSlug), '                       ')}
  --organisation ID    a treatment provider's organisation id (e.g. bristol-drug-project)
  -h, --help           this text

The demo's women are released from EWI to the South West:
  pnpm token --role probation --region "South West"
  pnpm token --role release-planner --prison EWI`;

/** What a token's holder needs to see anything: a warning when the scope claim for a role is missing. */
const SCOPE_OF: Partial<Record<Role, keyof Caller>> = {
  'release-planner': 'prison',
  'release-supervisor': 'prison',
  'prison-healthcare': 'prison',
  provider: 'organisation',
  probation: 'region',
};

export interface TokenRequest {
  caller: Caller;
  warnings: string[];
}

export function parseTokenArgs(argv: string[]): TokenRequest | typeof HELP {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string', multiple: true, default: ['probation'] },
      sub: { type: 'string', default: 'dev-user' },
      organisation: { type: 'string' },
      prison: { type: 'string' },
      region: { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) return HELP;
  const unknownRole = values.role.find((role) => !(ROLES as readonly string[]).includes(role));
  if (unknownRole !== undefined)
    throw new UsageError(`unknown role "${unknownRole}"; choose from ${listWrapped(ROLES, '                       ')}`);
  const roles = values.role as Role[];

  const region = values.region === undefined ? undefined : probationRegionNamed(values.region);
  if (values.region !== undefined && region === undefined) {
    throw new UsageError(`unknown region "${values.region}"; choose from ${PROBATION_REGIONS.join(', ')}`);
  }
  const prison = values.prison?.trim().toUpperCase();
  if (prison !== undefined && !/^[A-Z]{3}$/.test(prison)) {
    throw new UsageError(`a prison is named by its three-letter code (e.g. EWI), not "${values.prison}"`);
  }

  const caller: Caller = { sub: values.sub, roles, organisation: values.organisation, prison, region };
  const warnings = roles.flatMap((role) => {
    const claim = SCOPE_OF[role];
    return claim && caller[claim] === undefined ? [`note: a ${role} token without --${claim} sees no records`] : [];
  });
  return { caller, warnings };
}
