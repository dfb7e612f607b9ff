import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import formBody from '@fastify/formbody';
import { createLogger } from '@resettle/platform';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Logger } from 'pino';
import { loginPage } from './login-page.js';
import { caseloadClaims, DEV_USERS, type DevUser, devUser } from './users.js';

export interface DevClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface DevIdpOptions {
  /** The issuer identifier, exactly as tokens carry it and the services trust it (e.g. http://127.0.0.1:3010). */
  issuer: string;
  clients: DevClient[];
  /** The audience of the API access tokens (the services' JWT_AUDIENCE). */
  audience?: string;
  /** How long tokens last; a function lets tests shorten it to see a session run out. */
  accessTokenSeconds?: number | (() => number);
  logger?: Logger;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  user: DevUser;
  expiresAt: number;
}

const CODE_SECONDS = 60;
type Params = Record<string, string | undefined>;

/**
 * A small OpenID Connect provider for development and tests: authorization code with PKCE (S256 only), RS256 ID and
 * access tokens, a JWKS the services trust through JWT_JWKS_URL. Users are the seeded DEV_USERS; there is no password
 * and no single sign-on session, so it must never face the internet.
 */
export async function buildDevIdp(options: DevIdpOptions): Promise<FastifyInstance> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomBytes(8).toString('hex');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const audience = options.audience ?? 'resettle';
  const lifetime = options.accessTokenSeconds ?? 3600;
  const accessSeconds = () => (typeof lifetime === 'function' ? lifetime() : lifetime);
  const app = Fastify({ loggerInstance: options.logger ?? createLogger('dev-idp', 'silent') });
  await app.register(formBody);
  // The sign-in form's answer is a redirect to the client, which form-action must allow.
  const clientOrigins = [
    ...new Set(options.clients.flatMap((known) => known.redirectUris.map((uri) => new URL(uri).origin))),
  ];
  const policy = `default-src 'none'; form-action 'self' ${clientOrigins.join(' ')}; frame-ancestors 'none'`;
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    void reply.header('content-security-policy', policy);
  });

  const client = (id: string | undefined) => options.clients.find((candidate) => candidate.clientId === id);
  const sign = (claims: Record<string, unknown>, aud: string, seconds: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(options.issuer)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime(`${seconds}s`)
      .sign(privateKey);

  app.get('/health/ready', async () => ({ status: 'ok' }));
  app.get('/.well-known/openid-configuration', async () => ({
    issuer: options.issuer,
    authorization_endpoint: `${options.issuer}/authorize`,
    token_endpoint: `${options.issuer}/token`,
    jwks_uri: `${options.issuer}/jwks`,
    end_session_endpoint: `${options.issuer}/session/end`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'profile'],
    claims_supported: ['sub', 'name', 'roles', 'prison', 'organisation', 'region'],
    authorization_response_iss_parameter_supported: true,
  }));
  app.get('/jwks', async () => ({ keys: [publicJwk] }));

  /** The authorization request, checked before any user is shown: a bad client or redirect never redirects. */
  function authorizationRequest(params: Params): { error: string } | { request: Record<string, string> } {
    const known = client(params.client_id);
    if (!known || !params.redirect_uri || !known.redirectUris.includes(params.redirect_uri)) {
      return { error: 'Unknown client or redirect address' };
    }
    if (params.response_type !== 'code') return { error: 'Only the authorization code flow is supported' };
    if (!params.code_challenge || params.code_challenge_method !== 'S256') return { error: 'PKCE (S256) is required' };
    if (!params.scope?.split(' ').includes('openid')) return { error: 'The openid scope is required' };
    const request: Record<string, string> = {};
    for (const name of ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge']) {
      const value = params[name];
      if (value !== undefined) request[name] = value;
    }
    request.code_challenge_method = 'S256';
    return { request };
  }

  const page = (reply: FastifyReply, html: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(html);

  app.get<{ Querystring: Params }>('/authorize', async (request, reply) => {
    const checked = authorizationRequest(request.query);
    if ('error' in checked) return reply.code(400).type('text/plain').send(checked.error);
    return page(reply, loginPage(DEV_USERS, checked.request));
  });

  app.post<{ Body: Params }>('/authorize', async (request, reply) => {
    const checked = authorizationRequest(request.body ?? {});
    if ('error' in checked) return reply.code(400).type('text/plain').send(checked.error);
    const user = devUser(request.body.user ?? '');
    if (!user) return page(reply, loginPage(DEV_USERS, checked.request, 'Choose a user to sign in as'), 400);
    const code = randomBytes(32).toString('base64url');
    codes.set(code, {
      clientId: checked.request.client_id ?? '',
      redirectUri: checked.request.redirect_uri ?? '',
      codeChallenge: checked.request.code_challenge ?? '',
      nonce: checked.request.nonce,
      user,
      expiresAt: Date.now() + CODE_SECONDS * 1000,
    });
    const target = new URL(checked.request.redirect_uri ?? '');
    target.searchParams.set('code', code);
    if (checked.request.state) target.searchParams.set('state', checked.request.state);
    target.searchParams.set('iss', options.issuer);
    return reply.redirect(target.href, 303);
  });

  app.post<{ Body: Params }>('/token', async (request, reply) => {
    const credentials = clientCredentials(request.headers.authorization, request.body ?? {});
    const known = client(credentials.clientId);
    if (!known || !sameSecret(known.clientSecret, credentials.clientSecret)) {
      return reply.code(401).send({ error: 'invalid_client' });
    }
    const body = request.body ?? {};
    const pending = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const challenge = createHash('sha256')
      .update(body.code_verifier ?? '')
      .digest('base64url');
    if (
      body.grant_type !== 'authorization_code' ||
      !pending ||
      pending.expiresAt < Date.now() ||
      pending.clientId !== known.clientId ||
      pending.redirectUri !== body.redirect_uri ||
      pending.codeChallenge !== challenge
    ) {
      return reply.code(400).send({ error: 'invalid_grant' });
    }
    const { user } = pending;
    const caseload = caseloadClaims(user);
    const seconds = accessSeconds();
    const idToken = await sign(
      { sub: user.sub, name: user.name, ...caseload, ...(pending.nonce && { nonce: pending.nonce }) },
      known.clientId,
      seconds,
    );
    const accessToken = await sign({ sub: user.sub, ...caseload }, audience, seconds);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: seconds,
      id_token: idToken,
      scope: 'openid profile',
    };
  });

  app.get<{ Querystring: Params }>('/session/end', async (request, reply) => {
    const target = request.query.post_logout_redirect_uri;
    const allowed = options.clients.some((known) => target && known.postLogoutRedirectUris.includes(target));
    if (!target || !allowed)
      return page(reply, '<!doctype html><html lang="en-GB"><title>Signed out</title><p>Signed out.</p></html>');
    const url = new URL(target);
    if (request.query.state) url.searchParams.set('state', request.query.state);
    return reply.redirect(url.href, 303);
  });
  return app as unknown as FastifyInstance;
}

function clientCredentials(authorization: string | undefined, body: Params) {
  if (authorization?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id ?? ''), clientSecret: decodeURIComponent(secret ?? '') };
  }
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

function sameSecret(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}
