// The web service: pages for each user's main journey, server-rendered; it holds no domain data.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import csrf from '@fastify/csrf-protection';
import formBody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import Fastify, { type FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import type { Logger } from 'pino';
import { currentUser, SessionExpired, sendToSignIn } from './auth/session.js';
import { discoverIssuer, signInRoutes } from './auth/sign-in.js';
import { apiClient, ServiceUnavailable } from './clients/api.js';
import { localTime, longDate, longDateTime } from './format/dates.js';
import { renderPlugin } from './render.js';
import { accommodationRoutes } from './routes/accommodation.js';
import { continuityRoutes } from './routes/continuity.js';
import { handoffRoutes } from './routes/handoffs.js';
import { homeRoutes } from './routes/home.js';
import { probationRoutes } from './routes/probation.js';
import { providerRoutes } from './routes/provider.js';
import { providerMessageRoutes } from './routes/provider-messages.js';
import { releaseRoutes } from './routes/releases.js';
import { restrictedAreaRoutes } from './routes/restricted-areas.js';
import { safeguardingRoutes } from './routes/safeguarding.js';
import { subjectAccessRoutes } from './routes/subject-access.js';
import { travelRoutes } from './routes/travel.js';
import type { WebSettings } from './settings.js';

/** Styles, scripts, fonts and images: the same for everyone, so they load on the sign-in and error pages too. */
const PUBLIC_FILES = /^\/(assets|govuk|moj|public)\//;
const GOVUK = fileURLToPath(new URL('../node_modules/govuk-frontend/dist', import.meta.url));
const MOJ = fileURLToPath(new URL('../node_modules/@ministryofjustice/frontend', import.meta.url));

/** The five APIs, each called with the signed-in user's token. */
export function apis(settings: WebSettings) {
  const client = (url: string) => apiClient(url, settings.API_TIMEOUT_MS);
  return {
    releaseScheduling: client(settings.RELEASE_SCHEDULING_URL),
    treatmentContinuity: client(settings.TREATMENT_CONTINUITY_URL),
    accommodation: client(settings.ACCOMMODATION_URL),
    transport: client(settings.TRANSPORT_URL),
    passport: client(settings.PASSPORT_URL),
  };
}
export type Apis = ReturnType<typeof apis>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable signed out (sign-in, callback, signed-out, health). */
    public?: boolean;
  }
}

export async function buildWeb(settings: WebSettings, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: logger, bodyLimit: 64 * 1024 });
  const oidcClient = await discoverIssuer(settings);
  const issuerOrigin = new URL(settings.OIDC_ISSUER).origin;
  const secure = settings.WEB_BASE_URL.startsWith('https:');

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // Sign-out posts here and is redirected to the issuer's end-session page.
        formAction: ["'self'", issuerOrigin],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyStatic, { root: `${GOVUK}/govuk/assets`, prefix: '/assets/' });
  await app.register(fastifyStatic, {
    root: `${GOVUK}/govuk`,
    prefix: '/govuk/',
    decorateReply: false,
    allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)$/.test(path),
  });
  // MoJ Frontend's styles and script only (its components used here need none of its images).
  await app.register(fastifyStatic, {
    root: `${MOJ}/moj`,
    prefix: '/moj/',
    decorateReply: false,
    allowedPath: (path) => /^\/moj-frontend\.min\.(css|js)$/.test(path),
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./public', import.meta.url)),
    prefix: '/public/',
    decorateReply: false,
  });
  await app.register(view, {
    engine: { nunjucks },
    templates: [fileURLToPath(new URL('./views', import.meta.url)), GOVUK, MOJ],
    production: true,
    options: {
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('longDate', longDate);
        env.addFilter('longDateTime', longDateTime);
        env.addFilter('localTime', localTime);
      },
    },
  });
  await app.register(formBody);
  await app.register(secureSession, {
    key: createHash('sha256').update(settings.SESSION_SECRET).digest(),
    cookieName: 'resettle-session',
    expiry: settings.SESSION_HOURS * 3600,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure },
  });
  await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
  await app.register(renderPlugin);

  // Signed in first (an expired session goes to sign-in and back), then every form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.routeOptions.config.public || PUBLIC_FILES.test(request.url)) return done();
    if (!currentUser(request)) {
      void sendToSignIn(request, reply);
      return;
    }
    if (request.method === 'POST') return app.csrfProtection(request, reply, done);
    done();
  });
  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof SessionExpired) return sendToSignIn(request, reply);
    if (error.code?.startsWith('FST_CSRF')) {
      return reply.page(
        'error.njk',
        { title: 'This form has expired', message: 'Go back, reload the page and try again. Nothing was saved.' },
        403,
      );
    }
    if (error instanceof ServiceUnavailable) {
      request.log.error({ err: error }, 'a service did not answer');
      return reply.page(
        'error.njk',
        { title: 'Sorry, there is a problem with the service', message: 'Try again later. Nothing was saved.' },
        503,
      );
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'page failed');
    return reply.page(
      'error.njk',
      {
        title: status === 404 ? 'Page not found' : 'Sorry, there is a problem with the service',
        message: status >= 500 ? 'Try again later.' : '',
      },
      status,
    );
  });
  app.setNotFoundHandler(async (_request, reply) =>
    reply.page(
      'error.njk',
      { title: 'Page not found', message: 'If you typed the web address, check it is correct.' },
      404,
    ),
  );

  const services = apis(settings);
  app.get('/health/ready', { config: { public: true } }, async () => ({ status: 'ok' }));
  await app.register(signInRoutes, { settings, client: oidcClient });
  await app.register(homeRoutes);
  await app.register(probationRoutes, { apis: services });
  await app.register(releaseRoutes, { apis: services });
  await app.register(handoffRoutes, { apis: services });
  await app.register(providerRoutes, { apis: services });
  await app.register(providerMessageRoutes, { apis: services });
  await app.register(accommodationRoutes, { apis: services });
  await app.register(travelRoutes, { apis: services });
  await app.register(continuityRoutes, { apis: services });
  await app.register(safeguardingRoutes, { apis: services });
  await app.register(restrictedAreaRoutes, { apis: services });
  await app.register(subjectAccessRoutes, { apis: services });
  return app as unknown as FastifyInstance;
}
