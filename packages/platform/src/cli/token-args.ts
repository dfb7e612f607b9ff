import { parseArgs } from 'node:util';
import { HELP, helpOption, listWrapped, UsageError } from '@resettle/infra';
import { CASELOAD_CLAIM, type Caller, missingCaseload, ROLES, type Role } from '../http/auth.js';
import { PROBATION_REGIONS, probationRegionNamed, regionSlug } from './regions.js';

export const tokenUsage = `Prints a bearer token from the local issuer (key: JWT_SECRET, else infra/.cache/dev-jwt-secret).

usage: pnpm token [--role ROLE]… [--sub ID] [--prison CODE] [--region REGION] [--organisation ID]

  --role ROLE          repeat for several (default: probation); one of
                       ${listWrapped(ROLES, '                       ')}
  --sub ID             the user id (default: dev-user)
  --prison CODE        the prison of prison staff or of a coordinator, by its three-letter code (e.g. EWI)
  --region REGION      the region of a probation practitioner or of a coordinator, by name or as a slug:
                       "South West" or south-west
                       ${listWrapped(PROBATION_REGIONS.map(regionSlug), '                       ')}
  --organisation ID    a treatment provider's organisation id (e.g. bristol-drug-project)
  -h, --help           this text

The demo's women are released from EWI to the South West:
  pnpm token --role probation --region "South West"
  pnpm token --role release-planner --prison EWI
  pnpm token --role accommodation-coordinator --region "South West"
  pnpm token --role transport-coordinator --prison EWI

Every role but admin and auditor needs its caseload: planners, supervisors and healthcare --prison, providers
--organisation, probation --region, coordinators --prison or --region (either bounds what they see).`;

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
    const claims = CASELOAD_CLAIM[role];
    if (!claims || !missingCaseload(caller, [role])) return [];
    const options = claims.map((claim) => `--${claim}`).join(' or ');
    return [`note: a ${role} token without ${options} is refused by every service`];
  });
  return { caller, warnings };
}
