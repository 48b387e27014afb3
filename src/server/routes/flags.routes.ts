import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FlagQuery, getFlagTallies } from '../../app/flags.ts';
import { myPositions, myTasks } from '../../app/me.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { GetFlagTalliesView, MyPositionsView, MyTasksView } from './flags.views.ts';

export function flagsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/flags',
      {
        schema: {
          response: { 200: GetFlagTalliesView },
          tags: ['flags'],
          summary: '红旗黄旗统计（公开）flag tallies (public)',
          querystring: FlagQuery,
        },
      },
      (request) => getFlagTallies(deps.db, request.query),
    );
    app.get(
      '/me/positions',
      {
        schema: {
          response: { 200: MyPositionsView },
          tags: ['me'],
          summary: '本单位在各擂台赛的名次 my unit across contests',
        },
      },
      (request) => myPositions(contextOf(deps, request)),
    );
    app.get(
      '/me/tasks',
      {
        schema: {
          response: { 200: MyTasksView },
          tags: ['me'],
          summary: '等我处理的期次 rounds waiting for me',
        },
      },
      (request) => myTasks(contextOf(deps, request)),
    );
  };
}
