import type { FastifyInstance } from 'fastify';
import { currentUser } from '../auth/session.js';
import { homeOf } from './navigation.js';

/** The start page: each user goes straight to her main journey. */
export async function homeRoutes(app: FastifyInstance) {
  app.get('/', async (request, reply) => {
    const signedIn = currentUser(request);
    const home = signedIn && homeOf(signedIn.user);
    if (home) return reply.redirect(home, 303);
    return reply.page(
      'error.njk',
      {
        title: 'You have no role in Resettle',
        message: 'Ask your administrator to give you the role your job needs.',
      },
      403,
    );
  });
}
