import { type Caller, ROLES, type Role } from '@resettle/platform';

/** One caller per role other than `allowed`, each with every scope claim, so only the role can explain a refusal. */
export function everyoneBut(...allowed: Role[]): Caller[] {
  return ROLES.filter((role) => !allowed.includes(role)).map((role) => ({
    sub: `${role}-1`,
    roles: [role],
    prison: 'EHI',
    organisation: 'provider-1',
    region: 'South West',
  }));
}
