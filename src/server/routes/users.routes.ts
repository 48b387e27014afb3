import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdQuery } from '../../app/ids.ts';
import {
  CreateToken,
  CreateUser,
  changeUser,
  createToken,
  createUser,
  getUser,
  ListUsersQuery,
  listUsers,
  listUserTokens,
  presentUsers,
  revokeUserToken,
  UpdateUser,
} from '../../app/users.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { created } from './reply.ts';
import { listOf, NoContent, RefParam, TokenView, UserView, UserWithSecret } from './views.ts';

/** The users of a subtree, each with what the reader may do to it, and what it may do on the page (policies/user.ts). */
const UserListView = z.object({
  items: z.array(
    UserView.extend({
      may: z.object({
        edit: z.boolean(),
        grant: z.boolean(),
        resetPassword: z.boolean(),
        tokens: z.boolean(),
        resetTotp: z.boolean(),
      }),
    }),
  ),
  total: z.number(),
  may: z.object({ create: z.boolean(), security: z.boolean() }),
});

export function usersRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['users'];
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: '本单位及下级的用户 users of my subtree',
          querystring: ListUsersQuery,
          response: { 200: UserListView },
        },
      },
      async (request) => {
        const found = await listUsers(contextOf(deps, request), request.query);
        const items = await presentUsers(deps.db, found.items);
        return {
          items: items.map((u) => ({ ...u, may: found.mayOf.get(u.id)! })),
          total: found.total,
          may: found.may,
        };
      },
    );
    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: '新建用户（未给密码时生成一次性随机密码）create a user',
          body: CreateUser,
          response: { 201: UserWithSecret },
        },
      },
      async (request, reply) => {
        const made = await createUser(contextOf(deps, request), request.body);
        const [user] = await presentUsers(deps.db, [made.user]);
        return created(reply, { ...made, user: user! });
      },
    );
    app.get(
      '/users/:id',
      { schema: { tags, summary: '用户 a user', params: RefParam, response: { 200: UserView } } },
      async (request) => {
        const [user] = await presentUsers(deps.db, [
          await getUser(contextOf(deps, request), request.params.id),
        ]);
        return user!;
      },
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: '修改用户、停用、重置密码 update, deactivate, reset password',
          params: RefParam,
          body: UpdateUser,
          response: { 200: UserWithSecret },
        },
      },
      async (request) => {
        const changed = await changeUser(contextOf(deps, request), request.params.id, request.body);
        const [user] = await presentUsers(deps.db, [changed.user]);
        return { ...changed, user: user! };
      },
    );
    app.get(
      '/users/:id/tokens',
      {
        schema: {
          tags,
          summary: '接口令牌 API tokens',
          params: RefParam,
          response: { 200: listOf(TokenView) },
        },
      },
      async (request) => {
        const items = await listUserTokens(contextOf(deps, request), request.params.id);
        return { items, total: items.length };
      },
    );
    app.post(
      '/users/:id/tokens',
      {
        schema: {
          tags,
          summary: '创建接口令牌（仅显示一次）create an API token, shown once',
          params: RefParam,
          body: CreateToken,
          response: { 201: z.object({ token: z.string(), info: TokenView }) },
        },
      },
      async (request, reply) => {
        const made = await createToken(contextOf(deps, request), request.params.id, request.body);
        return created(reply, { token: made.token, info: made.view });
      },
    );
    app.delete(
      '/users/:id/tokens/:tokenId',
      {
        schema: {
          response: { 204: NoContent },
          tags,
          summary: '撤销接口令牌 revoke an API token',
          params: RefParam.extend({ tokenId: IdQuery }),
        },
      },
      async (request, reply) => {
        await revokeUserToken(contextOf(deps, request), request.params.id, request.params.tokenId);
        return reply.status(204).send();
      },
    );
  };
}
