import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentSession, Login, login, logout } from '../../app/auth.ts';
import { requireUser } from '../../app/policies/gate.ts';
import { ChangePassword, changeOwnPassword } from '../../app/users.ts';
import type { ServerDeps } from '../deps.ts';
import { clearSessionCookie, contextOf, setSessionCookie } from '../plugins/auth.ts';
import { NoContent, SessionView } from './views.ts';

export function sessionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['session'];
    app.post(
      '/session',
      {
        schema: { tags, summary: '登录 sign in', body: Login, response: { 200: SessionView } },
      },
      async (request, reply) => {
        const { sessionId, session } = await login(deps, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, sessionId, deps.settings);
        return session;
      },
    );
    app.get(
      '/session',
      {
        schema: { tags, summary: '当前用户 who am I', response: { 200: SessionView } },
      },
      async (request) => {
        requireUser(contextOf(deps, request));
        return currentSession(deps, request.auth!);
      },
    );
    app.delete(
      '/session',
      { schema: { response: { 204: NoContent }, tags, summary: '退出登录 sign out' } },
      async (request, reply) => {
        if (request.auth?.session) await logout(deps, request.auth);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );
    app.post(
      '/session/password',
      {
        schema: {
          response: { 204: NoContent },
          tags,
          summary: '修改本人密码 change my password',
          body: ChangePassword,
        },
      },
      async (request, reply) => {
        await changeOwnPassword(
          contextOf(deps, request),
          request.body,
          request.auth?.session?.idHash,
        );
        return reply.status(204).send();
      },
    );
  };
}
