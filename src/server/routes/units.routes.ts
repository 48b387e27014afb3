import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateUnit,
  changeUnit,
  createUnit,
  getUnit,
  ListUnits,
  listUnits,
  UpdateUnit,
} from '../../app/units.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { created } from './reply.ts';
import { listOf, RefParam, UnitView } from './views.ts';

export function unitsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['units'];
    app.get(
      '/units',
      {
        schema: {
          tags,
          summary: '下级单位、根单位或搜索（公开）children, roots or search (public)',
          querystring: ListUnits,
          response: { 200: listOf(UnitView) },
        },
      },
      (request) => listUnits(deps.db, request.query),
    );
    app.get(
      '/units/:id',
      {
        schema: {
          tags,
          summary: '单位及其路径（公开）a unit with its path (public)',
          params: RefParam,
          response: { 200: UnitView },
        },
      },
      (request) => getUnit(deps.db, request.params.id),
    );
    app.post(
      '/units',
      {
        schema: {
          tags,
          summary: '新建单位 create a unit',
          body: CreateUnit,
          response: { 201: UnitView },
        },
      },
      async (request, reply) => created(reply, createUnit(contextOf(deps, request), request.body)),
    );
    app.patch(
      '/units/:id',
      {
        schema: {
          tags,
          summary: '改名、移动、停用 rename, move, deactivate',
          params: RefParam,
          body: UpdateUnit,
          response: { 200: UnitView },
        },
      },
      (request) => changeUnit(contextOf(deps, request), request.params.id, request.body),
    );
  };
}
