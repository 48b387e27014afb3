import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicNotices } from '../../app/public-notices.ts';
import {
  actOnRectification,
  CreateRectification,
  createRectification,
  listRectificationsFor,
  RectificationAction,
  RectificationQuery,
} from '../../app/rectifications.ts';
import {
  CreateSeries,
  createSeries,
  getSeries,
  listSeriesFor,
  openSeriesRounds,
  SeriesOpen,
  SeriesPeriodQuery,
  SeriesTransition,
  transitionSeries,
} from '../../app/series.ts';
import { seriesBulletin, seriesWorkbook } from '../../app/series-documents.ts';
import type { Download } from '../../app/sheets.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import {
  ListRectificationsForView,
  ListSeriesForView,
  OpenSeriesRoundsView,
  PublicNoticesView,
  RectificationView,
  SeriesView,
} from './outcomes.views.ts';
import { created } from './reply.ts';
import { FileBody, IdParam } from './views.ts';

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

const PeriodQuery = z.object({ period: z.string().trim().min(4).max(10) });

/** Series (系列), their bulk steps and documents; rectifications (整改); the public notices. */
export function outcomesRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['series'];
    app.get(
      '/series',
      { schema: { response: { 200: ListSeriesForView }, tags, summary: '擂台赛系列 series' } },
      (request) => listSeriesFor(contextOf(deps, request)),
    );
    app.post(
      '/series',
      {
        schema: {
          response: { 201: SeriesView },
          tags,
          summary: '新建系列 create a series',
          body: CreateSeries,
        },
      },
      async (request, reply) => {
        return created(reply, createSeries(contextOf(deps, request), request.body));
      },
    );
    app.get(
      '/series/:id',
      {
        schema: {
          response: { 200: SeriesView },
          tags,
          summary: '系列及其本期期次、红黄旗统计（本期、全年）a series with its period and tallies',
          params: IdParam,
          querystring: SeriesPeriodQuery,
        },
      },
      (request) => getSeries(contextOf(deps, request), request.params.id, request.query),
    );
    app.post(
      '/series/:id/rounds',
      {
        schema: {
          response: { 200: OpenSeriesRoundsView },
          tags,
          summary: '一键开擂：系列各擂台赛本期开擂（全部成功或全部不做；dryRun 预览）',
          params: IdParam,
          body: SeriesOpen,
        },
      },
      (request) => openSeriesRounds(contextOf(deps, request), request.params.id, request.body),
    );
    app.post(
      '/series/:id/transition',
      {
        schema: {
          response: { 200: OpenSeriesRoundsView },
          tags,
          summary: '一键推进：系列本期各期次转到同一状态（全部成功或全部不做；dryRun 预览）',
          params: IdParam,
          body: SeriesTransition,
        },
      },
      (request) => transitionSeries(contextOf(deps, request), request.params.id, request.body),
    );
    app.get(
      '/series/:id/bulletin.docx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '系列通报（Word，GB/T 9704）the series bulletin',
          params: IdParam,
          querystring: PeriodQuery,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await seriesBulletin(contextOf(deps, request), request.params.id, request.query.period),
        ),
    );
    app.get(
      '/series/:id/workbook.xlsx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '系列成绩工作簿（每赛一表）the series workbook',
          params: IdParam,
          querystring: PeriodQuery,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await seriesWorkbook(contextOf(deps, request), request.params.id, request.query.period),
        ),
    );

    const rtags = ['rectifications'];
    app.get(
      '/rectifications',
      {
        schema: {
          response: { 200: ListRectificationsForView },
          tags: rtags,
          summary: '整改（黄旗后的表态、措施、销号、约谈）rectifications',
          querystring: RectificationQuery,
        },
      },
      (request) => listRectificationsFor(contextOf(deps, request), request.query),
    );
    app.post(
      '/rectifications',
      {
        schema: {
          response: { 201: RectificationView },
          tags: rtags,
          summary: '为黄旗单位发起整改 open a rectification',
          body: CreateRectification,
        },
      },
      async (request, reply) => {
        return created(reply, createRectification(contextOf(deps, request), request.body));
      },
    );
    app.post(
      '/rectifications/:id/actions',
      {
        schema: {
          response: { 200: RectificationView },
          tags: rtags,
          summary: '提交表态与措施、销号、退回、记录约谈 act on a rectification',
          params: IdParam,
          body: RectificationAction,
        },
      },
      (request) => actOnRectification(contextOf(deps, request), request.params.id, request.body),
    );

    app.get(
      '/public/notices',
      {
        schema: {
          response: { 200: PublicNoticesView },
          tags: ['public'],
          summary: '公示中的期次及初步结果 rounds in notice',
        },
      },
      () => publicNotices(deps.db),
    );
  };
}
