import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ResultsQuery } from '../../app/rounds.ts';
import {
  type Download,
  IMPORT_MAX_BYTES,
  importSheet,
  resultsFile,
  roundBulletin,
  roundTemplate,
} from '../../app/sheets.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { requireCleanText } from '../plugins/input.ts';
import { FileBody, IdParam } from './views.ts';

const ImportSummary = z.object({
  roundId: z.number(),
  rows: z.number(),
  cells: z.number(),
  written: z.number(),
  unchanged: z.number(),
  cleared: z.number(),
});

/** Sends a file as an attachment; the Chinese name in RFC 5987 form, an ASCII one beside it. */
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

const tooLarge = () =>
  new DomainError('FILE_TOO_LARGE', `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 的上限`, {
    params: { limit: IMPORT_MAX_BYTES / 1024 / 1024, unit: 'MB' },
    limit: IMPORT_MAX_BYTES,
  });

export function sheetsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sheets'];
    app.get(
      '/rounds/:id/template.xlsx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '下载填报模板（本人可填的单位×指标）download the fill-in template',
          params: IdParam,
        },
      },
      async (request, reply) =>
        sendFile(reply, await roundTemplate(contextOf(deps, request), request.params.id)),
    );
    app.post(
      '/rounds/:id/import',
      {
        schema: {
          tags,
          summary:
            '导入填报表（multipart: file，.xlsx 或 .csv，≤10 MB；整表成功或整表拒绝；空白=不修改，「清空」=删除）import a filled sheet, all or nothing; empty = unchanged, 清空 = clear',
          params: IdParam,
          consumes: ['multipart/form-data'],
          response: { 200: ImportSummary },
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
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw error;
        }
        requireCleanText(part.filename, 'filename');
        return importSheet(ctx, request.params.id, { filename: part.filename, bytes });
      },
    );
    app.get(
      '/rounds/:id/results.xlsx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '成绩排名工作簿 results workbook',
          params: IdParam,
          querystring: ResultsQuery,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await resultsFile(
            contextOf(deps, request),
            request.params.id,
            'xlsx',
            request.query.revision,
          ),
        ),
    );
    app.get(
      '/rounds/:id/results.csv',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '成绩 CSV（DESIGN §4 列）results as CSV',
          params: IdParam,
          querystring: ResultsQuery,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await resultsFile(
            contextOf(deps, request),
            request.params.id,
            'csv',
            request.query.revision,
          ),
        ),
    );
    app.get(
      '/rounds/:id/bulletin.docx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '通报（Word）；公示期为征求意见稿 the bulletin as .docx',
          params: IdParam,
        },
      },
      async (request, reply) =>
        sendFile(reply, await roundBulletin(contextOf(deps, request), request.params.id)),
    );
  };
}
