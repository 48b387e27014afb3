import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../app/context.ts';
import {
  CreateUnit,
  changeUnit,
  createUnit,
  getUnit,
  ListUnits,
  listUnits,
  UpdateUnit,
} from '../../app/units.ts';
import { UNIT_KINDS } from '../../core/units.ts';
import type { ServerDeps } from '../deps.ts';

const UnitRef = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
});
const UnitView = UnitRef.extend({
  parentId: z.number().nullable(),
  active: z.boolean(),
  childCount: z.number(),
  path: z.array(UnitRef).optional(),
});
const IdParam = z.object({ id: z.string().min(1) });

export function unitsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const ctx = () => ({ db: deps.db, clock: deps.clock, actor: systemActor });
  return async (app) => {
    const tags = ['units'];
    app.get(
      '/units',
      {
        schema: {
          tags,
          summary: '下级单位、根单位或搜索 children, roots or search',
          querystring: ListUnits,
          response: { 200: z.object({ items: z.array(UnitView), total: z.number() }) },
        },
      },
      (request) => listUnits(deps.db, request.query),
    );
    app.get(
      '/units/:id',
      {
        schema: {
          tags,
          summary: '单位及其路径 a unit with its path',
          params: IdParam,
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
      async (request, reply) => reply.status(201).send(await createUnit(ctx(), request.body)),
    );
    app.patch(
      '/units/:id',
      {
        schema: {
          tags,
          summary: '改名、移动、停用 rename, move, deactivate',
          params: IdParam,
          body: UpdateUnit,
          response: { 200: UnitView },
        },
      },
      (request) => changeUnit(ctx(), request.params.id, request.body),
    );
  };
}
