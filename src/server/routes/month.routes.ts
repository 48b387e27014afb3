import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboard } from '../../app/dashboard.ts';
import { MonthQuery, myMonth } from '../../app/me.ts';
import { importMonthWorkbook, monthWorkbook } from '../../app/month-workbook.ts';
import { type Download, IMPORT_MAX_BYTES } from '../../app/sheets.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { requireCleanText } from '../plugins/input.ts';
import { FileBody } from './views.ts';

function sendFile(reply: FastifyReply, file: Download) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply.header('Content-Type', file.contentType);
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  reply.header('Cache-Control', 'private, no-store');
  return reply.send(file.bytes);
}

const Ref = z.object({ id: z.number(), title: z.string() });
const RoundRef = z.object({ id: z.number(), periodLabel: z.string() });

const MonthView = z.object({
  period: z.string(),
  periodLabel: z.string(),
  fill: z.array(
    z.object({
      task: z.enum(['report', 'score']),
      round: z.object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        state: z.string(),
        stateName: z.string(),
        deadline: z.string().nullable(),
        overdue: z.boolean(),
        carriedOver: z.boolean(),
      }),
      contest: Ref.extend({ category: z.string() }),
      units: z.number(),
      indicators: z.array(z.string()),
      cells: z.number(),
      filled: z.number(),
    }),
  ),
  appeals: z.array(
    z.object({
      id: z.number(),
      round: RoundRef,
      contest: Ref,
      unit: z.object({ id: z.number(), name: z.string() }),
      indicator: z.string(),
      reason: z.string(),
      filedAt: z.string(),
    }),
  ),
  rectifications: z.array(
    z.object({
      id: z.number(),
      task: z.enum(['submit', 'signoff']),
      contest: Ref,
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      periodLabel: z.string(),
      state: z.string(),
      stateName: z.string(),
      deadline: z.string(),
      overdue: z.boolean(),
    }),
  ),
  advance: z.array(
    z.object({
      round: RoundRef.extend({
        state: z.string(),
        stateName: z.string(),
        deadline: z.string().nullable(),
      }),
      contest: Ref,
    }),
  ),
  open: z.number(),
});

const MonthImportSummary = z.object({
  sheets: z.array(
    z.object({
      sheet: z.string(),
      contest: z.string(),
      roundId: z.number(),
      rows: z.number(),
      cells: z.number(),
      written: z.number(),
      unchanged: z.number(),
      cleared: z.number(),
    }),
  ),
  written: z.number(),
});

const DashboardView = z.object({
  period: z.string(),
  periodLabel: z.string(),
  totals: z.object({
    contests: z.number(),
    units: z.number(),
    reported: z.number(),
    overdueUnits: z.number(),
    red: z.number(),
    yellow: z.number(),
    openAppeals: z.number(),
    openRectifications: z.number(),
    overdueRectifications: z.number(),
  }),
  progress: z.array(
    z.object({
      contest: Ref.extend({ category: z.string() }),
      series: Ref.nullable(),
      round: z.object({
        id: z.number(),
        period: z.string(),
        periodLabel: z.string(),
        state: z.string(),
        stateName: z.string(),
        deadline: z.string().nullable(),
        overdue: z.boolean(),
      }),
      units: z.number(),
      reported: z.number(),
      red: z.number(),
      yellow: z.number(),
    }),
  ),
  overdue: z.array(
    z.object({
      contest: Ref,
      round: RoundRef,
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      days: z.number(),
    }),
  ),
  flags: z.array(
    z.object({
      contest: z.string(),
      unit: z.string(),
      color: z.string(),
      periodLabel: z.string(),
    }),
  ),
  appeals: z.array(
    z.object({
      id: z.number(),
      contest: Ref,
      round: RoundRef,
      unit: z.string(),
      indicator: z.string(),
      filedAt: z.string(),
    }),
  ),
  rectifications: z.array(
    z.object({
      id: z.number(),
      contest: Ref,
      unit: z.string(),
      periodLabel: z.string(),
      stateName: z.string(),
      deadline: z.string(),
      overdue: z.boolean(),
    }),
  ),
  assessment: z
    .object({
      id: z.number(),
      title: z.string(),
      year: z.number(),
      state: z.string(),
      units: z.number(),
      grades: z.record(z.string(), z.number()),
      top: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          className: z.string(),
          total: z.number(),
          rank: z.number(),
          grade: z.string(),
        }),
      ),
    })
    .nullable(),
});

/** My month (我的本月) with its combined workbook, and the leaders' dashboard (本月概览). */
export function monthRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['me'];
    app.get(
      '/me/month',
      {
        schema: {
          tags,
          summary:
            '我的本月：要填报、评分、答复、整改的事项 everything I must fill, score or decide this month',
          querystring: MonthQuery,
          response: { 200: MonthView },
        },
      },
      (request) => myMonth(contextOf(deps, request), request.query),
    );
    app.get(
      '/me/month.xlsx',
      {
        schema: {
          tags,
          response: { 200: FileBody },
          summary: '本月合并填报表（每个擂台赛一张工作表）the month workbook, a sheet per contest',
          querystring: MonthQuery,
        },
      },
      async (request, reply) =>
        sendFile(reply, await monthWorkbook(contextOf(deps, request), request.query)),
    );
    app.post(
      '/me/month/import',
      {
        schema: {
          tags,
          summary:
            '导入本月合并填报表（multipart: file；所有工作表整体成功或整体拒绝）import the month workbook, all sheets or nothing',
          consumes: ['multipart/form-data'],
          response: { 200: MonthImportSummary },
        },
      },
      async (request) => {
        const ctx = contextOf(deps, request);
        if (!request.isMultipart()) {
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            '请用 multipart/form-data 上传文件（字段名 file）',
            { params: { reason: 'multipart', field: 'file' } },
          );
        }
        let part: Awaited<ReturnType<typeof request.file>>;
        let bytes: Buffer;
        try {
          part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
          if (!part)
            throw new DomainError('VALIDATION', '缺少文件', {
              params: { reason: 'noFile' },
              field: 'file',
            });
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new DomainError(
              'FILE_TOO_LARGE',
              `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 的上限`,
              {
                params: { limit: IMPORT_MAX_BYTES / 1024 / 1024, unit: 'MB' },
                limit: IMPORT_MAX_BYTES,
              },
            );
          }
          throw error;
        }
        requireCleanText(part.filename, 'filename');
        return importMonthWorkbook(ctx, { filename: part.filename, bytes });
      },
    );
    app.get(
      '/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary:
            '本月概览（领导、组织单位）：填报进度、逾期、红黄旗、考核、申诉、整改 the county this month',
          querystring: MonthQuery,
          response: { 200: DashboardView },
        },
      },
      (request) => dashboard(contextOf(deps, request), request.query),
    );
  };
}
