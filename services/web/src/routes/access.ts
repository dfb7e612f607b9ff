import type { Role } from '@resettle/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentUser } from '../auth/session.js';

/** A preHandler: pages of a journey are for the roles that journey belongs to (the APIs check again). */
export function forRoles(...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const signedIn = currentUser(request);
    if (signedIn && !signedIn.user.roles.some((role) => roles.includes(role))) {
      return reply.page('error.njk', { title: 'You cannot see this page', message: 'It is for another role.' }, 403);
    }
  };
}

/** The signed-in user's token (the preHandler has made sure there is one). */
export function tokenOf(request: FastifyRequest): string {
  const signedIn = currentUser(request);
  if (!signedIn) throw new Error('not signed in');
  return signedIn.accessToken;
}

export function userOf(request: FastifyRequest) {
  const signedIn = currentUser(request);
  if (!signedIn) throw new Error('not signed in');
  return signedIn.user;
}
