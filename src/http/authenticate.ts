/**
 * Authentication for every route: a session cookie (with CSRF on writes) or a bearer API token.
 * Routes are closed unless their config says `public: true`. Authorization itself is the use
 * cases' business (deny by default in app/); here we only establish who is asking.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/index.js';
import type { Config } from '../config/config.js';
import { DomainError, type Actor, type User } from '../domain/index.js';

/** The cookie that carries the session secret. */
export const SESSION_COOKIE = 'wa_session';
/** The header that must echo the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null on public routes without credentials. */
    actor: Actor | null;
    /** The signed-in session, when the request came with the session cookie. */
    session: { secret: string; csrfToken: string; user: User } | null;
  }
  interface FastifyContextConfig {
    /** Open to anonymous callers (health, setup, sign-in, documentation). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Constant-time string comparison (false for different lengths, without comparing). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The actor of an authenticated request; throws UNAUTHENTICATED where there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'sign in or send an API token');
  return request.actor;
}

async function fromBearer(app: App, header: string): Promise<Actor> {
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const actor = m ? await app.auth.resolveToken(m[1]!) : null;
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'the API token is invalid, expired or revoked');
  return actor;
}

async function authenticate(app: App, request: FastifyRequest): Promise<void> {
  const auth = request.headers.authorization;
  if (auth) {
    request.actor = await fromBearer(app, auth);
    return;
  }
  const secret = request.cookies[SESSION_COOKIE];
  const resolved = secret ? await app.auth.resolveSession(secret) : null;
  if (!resolved || !secret) throw new DomainError('UNAUTHENTICATED', 'sign in or send an API token');
  request.session = { secret, csrfToken: resolved.csrfToken, user: resolved.user };
  request.actor = resolved.actor;
  const sent = request.headers[CSRF_HEADER];
  if (
    !SAFE_METHODS.has(request.method) &&
    (typeof sent !== 'string' || !sameSecret(sent, resolved.csrfToken))
  )
    throw new DomainError(
      'CSRF_FAILED',
      `cookie-authenticated writes need the ${CSRF_HEADER} header from /api/auth/me`,
    );
}

/** Whether the session cookie must be Secure for this request (honours trustProxy via request.protocol). */
export function secureCookie(config: Pick<Config, 'secureCookies'>, request: FastifyRequest): boolean {
  return config.secureCookies === 'auto' ? request.protocol === 'https' : config.secureCookies;
}

/** Sets the session cookie: httpOnly, SameSite=Strict, Path=/, expiring with the session. */
export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies'>,
  secret: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secureCookie(config, reply.request),
    expires: new Date(expiresAt),
  });
}

/** Clears the session cookie with the same attributes it was set with. */
export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secureCookie(config, reply.request),
  });
}

/** Installs the authentication hook on the root instance (so it covers every plugin). */
export function installAuthentication(server: FastifyInstance, app: App): void {
  server.decorateRequest('actor', null);
  server.decorateRequest('session', null);
  server.addHook('onRequest', async (request) => {
    // Unknown routes fall through to the 404 handler whatever the credentials.
    // Public routes act for nobody: credentials are neither needed nor checked there.
    if (request.routeOptions.url === undefined || request.routeOptions.config.public === true) return;
    await authenticate(app, request);
  });
}
