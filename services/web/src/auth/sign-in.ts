import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import type { WebSettings } from '../settings.js';
import { type SignedInUser, safeReturnTo } from './session.js';

const PUBLIC = { config: { public: true } } as const;

/** The OpenID Connect client: discovered once from the issuer, plain http allowed only to this machine. */
export async function discoverIssuer(settings: WebSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.OIDC_ISSUER);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  return oidc.discovery(
    issuer,
    settings.OIDC_CLIENT_ID,
    settings.OIDC_CLIENT_SECRET,
    undefined,
    issuer.protocol === 'http:' && loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
}

/** Sign-in (authorization code + PKCE), the callback, and sign-out. */
export async function signInRoutes(
  app: FastifyInstance,
  { settings, client }: { settings: WebSettings; client: oidc.Configuration },
) {
  const callbackUrl = `${settings.WEB_BASE_URL}/auth/callback`;

  app.get<{ Querystring: { returnTo?: string } }>('/sign-in', PUBLIC, async (request, reply) => {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    request.session.set('signIn', { codeVerifier, state, nonce, returnTo: safeReturnTo(request.query.returnTo) });
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: callbackUrl,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return reply.redirect(url.href, 303);
  });

  app.get('/auth/callback', PUBLIC, async (request, reply) => {
    const pending = request.session.get('signIn');
    if (!pending) return reply.redirect('/sign-in', 303);
    const current = new URL(request.url, settings.WEB_BASE_URL);
    const tokens = await oidc.authorizationCodeGrant(client, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the issuer sent no ID token');
    const user = userFrom(claims);
    const expiresIn = Math.min(tokens.expiresIn() ?? 0, settings.SESSION_HOURS * 3600);
    // A fresh session on sign-in, so nothing from before (a fixed session id, an old CSRF secret) carries over.
    request.session.regenerate();
    request.session.set('user', user);
    request.session.set('accessToken', tokens.access_token);
    request.session.set('idToken', tokens.id_token ?? '');
    request.session.set('expiresAt', Date.now() + expiresIn * 1000);
    return reply.redirect(pending.returnTo, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const idToken = request.session.get('idToken');
    request.session.delete();
    const endSession = client.serverMetadata().end_session_endpoint;
    if (!endSession) return reply.redirect('/signed-out', 303);
    const url = oidc.buildEndSessionUrl(client, {
      post_logout_redirect_uri: `${settings.WEB_BASE_URL}/signed-out`,
      ...(idToken && { id_token_hint: idToken }),
    });
    return reply.redirect(url.href, 303);
  });

  app.get('/signed-out', PUBLIC, async (_request, reply) =>
    reply.view('signed-out.njk', { title: 'You have signed out' }),
  );
}

function userFrom(claims: oidc.IDToken): SignedInUser {
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((role): role is SignedInUser['roles'][number] => typeof role === 'string')
    : [];
  const prison = text(claims.prison);
  const organisation = text(claims.organisation);
  const region = text(claims.region);
  return {
    sub: claims.sub,
    name: text(claims.name) ?? claims.sub,
    roles,
    ...(prison && { prison }),
    ...(organisation && { organisation }),
    ...(region && { region }),
  };
}
