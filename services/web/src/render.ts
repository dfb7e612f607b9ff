import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { currentUser } from './auth/session.js';
import { NO_ERRORS } from './forms/errors.js';
import { navigationFor } from './routes/navigation.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with what every page needs: the user, her navigation, the CSRF token and the CSP nonce. */
    page(template: string, data: Record<string, unknown>, status?: number): Promise<FastifyReply>;
  }
}

export const renderPlugin = fp(async (app: FastifyInstance) => {
  app.decorateReply(
    'page',
    async function page(this: FastifyReply, template: string, data: Record<string, unknown>, status = 200) {
      const request: FastifyRequest = this.request;
      const signedIn = currentUser(request);
      const html = await this.viewAsync(template, {
        errors: NO_ERRORS,
        values: {},
        ...data,
        user: signedIn?.user,
        navigation: signedIn ? navigationFor(signedIn.user, request.url) : [],
        csrfToken: this.generateCsrf(),
        cspNonce: (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
      });
      return this.code(status).type('text/html; charset=utf-8').send(html);
    },
  );
});
