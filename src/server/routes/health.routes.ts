import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
});

export function healthRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['system'], summary: '健康检查 health', response: { 200: Health } } },
      async () => {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, version: deps.version, database: deps.dialect };
      },
    );
  };
}
