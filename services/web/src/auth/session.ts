import type { Caller } from '@resettle/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Who is signed in: her name and the roles and caseload her tokens carry. */
export interface SignedInUser extends Caller {
  name: string;
}

/** A sign-in under way: the PKCE verifier, state and nonce, and the page to return to. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    user: SignedInUser;
    /** The API access token: kept in the encrypted cookie, only ever sent by the server to the APIs. */
    accessToken: string;
    idToken: string;
    /** Epoch milliseconds when the access token (and so the session) runs out. */
    expiresAt: number;
    signIn: PendingSignIn;
    _csrf: string;
  }
}

/** The signed-in user and her token, or nothing when she is signed out or her session ran out. */
export function currentUser(request: FastifyRequest, now = Date.now()) {
  const user = request.session.get('user');
  const accessToken = request.session.get('accessToken');
  const expiresAt = request.session.get('expiresAt') ?? 0;
  if (!user || !accessToken || expiresAt <= now) return undefined;
  return { user, accessToken };
}

/** Only paths on this site, never `//host` or a scheme: the return address cannot send her elsewhere. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/** The page to come back to: the page itself for a GET; for a form post, the page the form was on. */
export function returnAddress(request: FastifyRequest): string {
  if (request.method === 'GET') return safeReturnTo(request.url);
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? safeReturnTo(url.pathname + url.search) : '/';
  } catch {
    return '/';
  }
}

/** Signed out or expired: to the sign-in, which brings her back here. */
export function sendToSignIn(request: FastifyRequest, reply: FastifyReply) {
  request.session.set('user', undefined);
  request.session.set('accessToken', undefined);
  return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnAddress(request))}`, 303);
}

export class SessionExpired extends Error {
  readonly statusCode = 401;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** One message for the next page (e.g. "Release scheduled"). */
    flash: string;
  }
}

export function takeFlash(request: FastifyRequest): string | undefined {
  const message = request.session.get('flash');
  if (message) request.session.set('flash', undefined);
  return message;
}
