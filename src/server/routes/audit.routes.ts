import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditQuery, exportAudit, listAudit, verifyAudit } from '../../app/audit.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { AuditEventView, FileBody, listOf } from './views.ts';

export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audit'];
    app.get(
      '/audit',
      {
        schema: {
          tags,
          summary: '审计日志 the audit log',
          querystring: AuditQuery,
          response: { 200: listOf(AuditEventView) },
        },
      },
      (request) => listAudit(contextOf(deps, request), request.query),
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: '校验审计链 verify the hash chain',
          response: {
            200: z.object({
              ok: z.boolean(),
              count: z.number(),
              eventId: z.number().nullable().optional(),
              reason: z.string().optional(),
              lastHash: z.string().optional(),
            }),
          },
        },
      },
      (request) => verifyAudit(contextOf(deps, request)),
    );
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/audit/export.${format}`,
        {
          schema: {
            response: { 200: FileBody },
            tags,
            summary: `导出审计日志（${format.toUpperCase()}，供测评）export the audit log`,
            querystring: AuditQuery.omit({ limit: true, offset: true }),
          },
        },
        async (request, reply) => {
          const { bytes } = await exportAudit(contextOf(deps, request), request.query, format);
          const name = encodeURIComponent(`审计日志.${format}`);
          reply.header('Content-Disposition', `attachment; filename*=UTF-8''${name}`);
          reply.type(
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          );
          return reply.send(bytes);
        },
      );
    }
  };
}
