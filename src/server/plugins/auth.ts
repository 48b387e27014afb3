import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type Authenticated,
  type AuthSettings,
  authenticateSession,
  authenticateToken,
  type Restriction,
  restrictionError,
} from '../../app/auth.ts';
import { type AppContext, anonymousActor } from '../../app/context.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerDeps } from '../deps.ts';

export const SESSION_COOKIE = 'leitai_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request: set by the auth hook, null when nobody is signed in. */
    auth: Authenticated | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  settings: AuthSettings,
): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: settings.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Reads the bearer token or the session cookie of every request. Scripts authenticate with
 * `Authorization: Bearer` and need no CSRF token; a cookie-authenticated mutation must echo the
 * session's CSRF token in the X-CSRF-Token header (DESIGN §7).
 */
export async function registerAuth(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const auth = token ? await authenticateToken(deps, token) : undefined;
      if (!auth) {
        throw new DomainError('UNAUTHENTICATED', '令牌无效或已撤销');
      }
      request.auth = auth;
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const auth = await authenticateSession(deps, sessionId);
    if (!auth) {
      clearSessionCookie(reply);
      return;
    }
    request.auth = auth;
    if (
      !SAFE_METHODS.has(request.method) &&
      request.headers[CSRF_HEADER] !== auth.session?.csrfToken
    ) {
      throw new DomainError('CSRF_FAILED', '页面已过期，请刷新后重试');
    }
    // A first or expired password, or a missing second factor: only putting it right is allowed.
    if (auth.restriction && !mayWhileRestricted(request.method, request.url, auth.restriction)) {
      throw restrictionError(auth.restriction);
    }
  });
}

const WHILE_RESTRICTED = new Set([
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'POST /api/v1/session/password',
  'GET /api/v1/security/policy',
  'GET /api/v1/health',
]);
const WHILE_TOTP_SETUP = new Set([
  'GET /api/v1/me/totp',
  'POST /api/v1/me/totp',
  'POST /api/v1/me/totp/confirm',
]);

function mayWhileRestricted(method: string, url: string, restriction: Restriction): boolean {
  const key = `${method} ${url.split('?')[0]}`;
  return WHILE_RESTRICTED.has(key) || (restriction === 'totp_setup' && WHILE_TOTP_SETUP.has(key));
}

/**
 * The use-case context of a request: the database, the clock, who is acting, and the versions read
 * with the authentication.
 */
export function contextOf(deps: ServerDeps, request: FastifyRequest): AppContext {
  const auth = request.auth;
  if (!auth) return { db: deps.db, clock: deps.clock, actor: anonymousActor };
  return { db: deps.db, clock: deps.clock, actor: auth.actor, versions: auth.versions };
}
