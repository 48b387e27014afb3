import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';

const seconds = z.number().nullable();

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  /**
   * The LISTEN connection that keeps caches true across app servers (docs/SCALING.md): `off`
   * on SQLite (one process, nothing to hear).
   */
  changeFeed: z.object({
    state: z.enum(['listening', 'reconnecting', 'off']),
    /** Seconds since the last change announced by any server arrived. */
    lastEventAgeSeconds: seconds,
    /** Seconds since the connection was last made. */
    listeningForSeconds: seconds,
    /** Times it was lost since this server started. */
    reconnects: z.number().int(),
  }),
  /**
   * Each read replica (DATABASE_REPLICA_URL, in that order; named, not addressed, so nothing
   * about the network or its credentials is told): whether public reads go to it, and how far
   * behind it was at the last poll.
   */
  replicas: z.array(
    z.object({
      name: z.string(),
      state: z.enum(['in-use', 'lagging', 'down', 'promoted']),
      /** WAL bytes between the primary's last sampled position and the replica's replay. */
      lagBytes: z.number().nullable(),
      /** Upper bound of its delay behind the primary. */
      lagSeconds: seconds,
      /** Seconds since the last transaction it replayed committed on the primary. */
      lastReplayAgeSeconds: seconds,
    }),
  ),
  /** Where evidence and images are kept (LEITAI_FILE_STORE). */
  files: z.enum(['disk', 'postgres', 's3']),
});

export function healthRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: '健康检查 health',
          description:
            '数据库可用时答 200；并报告变更通知连接、各只读副本的延迟和文件存储 (the database answers; the change feed, each replica and the file store as this server sees them — no query beyond `select 1`)',
          response: { 200: Health },
        },
      },
      async () => {
        await sql`select 1`.execute(deps.db);
        const feed = deps.feed?.status();
        const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
        return {
          status: 'ok' as const,
          version: deps.version,
          database: deps.dialect,
          changeFeed: feed ?? {
            state: 'off' as const,
            lastEventAgeSeconds: null,
            listeningForSeconds: null,
            reconnects: 0,
          },
          replicas: (deps.reads?.status() ?? []).map((r, i) => ({
            name: `replica-${i + 1}`,
            state: r.state,
            lagBytes: r.lagBytes,
            lagSeconds: r.lagMs === null ? null : round(r.lagMs / 1000),
            lastReplayAgeSeconds: round(r.lastReplayAgeSeconds),
          })),
          files: deps.files.kind,
        };
      },
    );
  };
}
