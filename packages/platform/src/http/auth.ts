import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { httpError } from './problems.js';
import { issuedInThePast, registerTokenVerifiers, type TokenTrust, verifierFor } from './token-verifiers.js';

export const ROLES = [
  'prison-healthcare',
  'release-planner',
  'release-supervisor',
  'provider',
  'accommodation-coordinator',
  'transport-coordinator',
  'probation',
  'admin',
  'auditor',
  /** The data protection officer: requests and downloads subject access exports (organisation-wide, audited). */
  'data-protection',
] as const;
export type Role = (typeof ROLES)[number];

/** What a verified bearer token says about its holder. */
export interface Caller {
  sub: string;
  roles: Role[];
  /** Provider organisation id, for the provider role. */
  organisation?: string;
  /** Prison code, for prison staff and a prison's coordinators. */
  prison?: string;
  /** Probation region, for probation practitioners and a region's coordinators. */
  region?: string;
}

type CaseloadClaim = 'prison' | 'organisation' | 'region';

/**
 * The claims that bound each role's caseload; the role needs at least one of them. A token holding the role with none
 * of them is refused, never read as "all". A coordinator works for a prison (the women leaving it) or for a probation
 * region (the women released to it), so either claim bounds hers.
 */
export const CASELOAD_CLAIM: Partial<Record<Role, readonly CaseloadClaim[]>> = {
  'prison-healthcare': ['prison'],
  'release-planner': ['prison'],
  'release-supervisor': ['prison'],
  provider: ['organisation'],
  probation: ['region'],
  'accommodation-coordinator': ['prison', 'region'],
  'transport-coordinator': ['prison', 'region'],
};

const present = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** The first role the caller holds with none of its caseload claims present (a missing, empty or non-string one). */
export function missingCaseload(caller: Caller, held: readonly Role[]): { role: Role; claim: string } | undefined {
  for (const role of held) {
    const claims = CASELOAD_CLAIM[role];
    if (!claims || claims.some((claim) => present(caller[claim]))) continue;
    return { role, claim: claims.map((claim) => `\`${claim}\``).join(' or ') };
  }
  return undefined;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Caller;
    user: Caller;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: a valid bearer token holding at least one of `roles`, else 401 / 403. */
    requireRole(...roles: Role[]): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** Which issuers' tokens are trusted: the local issuer's shared secret, an external issuer's JWKS, or both. */
export type AuthOptions = TokenTrust;

/** Bearer tokens: signature, exp, nbf, iat (maximum age), audience and issuer required and checked; `alg: none` and unlisted algorithms never accepted. */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
  await registerTokenVerifiers(app, options);
  app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await authenticated(request, options))) {
      void reply.header('www-authenticate', 'Bearer');
      throw httpError(401, 'A valid bearer token is required');
    }
    const held = Array.isArray(request.user.roles) ? request.user.roles : [];
    if (!held.some((role) => roles.includes(role))) {
      throw httpError(403, `This needs one of the roles: ${roles.join(', ')}`);
    }
    const unscoped = missingCaseload(request.user, held);
    if (unscoped) {
      throw httpError(403, `The role ${unscoped.role} needs a non-empty ${unscoped.claim} claim in the token`);
    }
  });
});

const verified = new WeakMap<FastifyRequest, Promise<boolean>>();

/**
 * Whether the request's bearer token is valid (then `request.user` holds its claims). Checked once per request:
 * the rate limit, which runs first, and the role check share the answer.
 */
export function authenticated(request: FastifyRequest, trust: AuthOptions): Promise<boolean> {
  let answer = verified.get(request);
  if (!answer) {
    answer = verifyBearer(request, trust);
    verified.set(request, answer);
  }
  return answer;
}

async function verifyBearer(request: FastifyRequest, trust: AuthOptions): Promise<boolean> {
  const verify = verifierFor(request, trust);
  if (!verify) return false; // no trusted issuer signs with this algorithm (or no token at all)
  try {
    await verify();
  } catch {
    return false;
  }
  return issuedInThePast(request.user);
}
