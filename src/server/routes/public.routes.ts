import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FlagQuery, getFlagTallies } from '../../app/flags.ts';
import { IdQuery, RefText } from '../../app/ids.ts';
import {
  PublicContestsQuery,
  PublicPracticesQuery,
  publicContest,
  publicContests,
  publicImage,
  publicPractice,
  publicPractices,
  publicRound,
  publicRubric,
  publicUnitHistory,
  publicVersion,
} from '../../app/public.ts';
import { readStoredFile } from '../../io/file-store.ts';
import type { ServerDeps } from '../deps.ts';
import { readerOf, wroteRecently } from '../plugins/replicas.ts';
import {
  GetFlagTalliesView,
  PublicContestsView,
  PublicContestView,
  PublicPracticesView,
  PublicPracticeView,
  PublicRoundView,
  PublicRubricView,
  PublicUnitHistoryView,
  PublicVersionView,
} from './public.views.ts';
import { FileBody, NoContent } from './views.ts';

const Id = z.object({ id: IdQuery });

/** Public pages' data: no sign-in, published data only (DESIGN §1). */
export function publicRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public'];
    app.get(
      '/public/contests',
      {
        schema: {
          tags,
          summary: '已发布的擂台赛 published contests',
          response: { 200: PublicContestsView, 304: NoContent },
          querystring: PublicContestsQuery,
        },
      },
      async (request, reply) => {
        const body = await publicContests(
          readerOf(deps, request, reply),
          request.query,
          deps.contestsCache,
          { recheck: wroteRecently(request) },
        );
        reply.header('ETag', body.etag);
        reply.header('Cache-Control', 'public, max-age=30, must-revalidate');
        if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
        // Prepared JSON of the schema's shape: Fastify sends a string as it is (no serializer).
        return reply.type('application/json; charset=utf-8').send(body.json as never);
      },
    );
    app.get(
      '/public/contests/:id',
      {
        schema: {
          response: { 200: PublicContestView },
          tags,
          summary: '擂台赛及其已发布的评分标准和期次',
          params: Id,
        },
      },
      (request, reply) => publicContest(readerOf(deps, request, reply), request.params.id),
    );
    app.get(
      '/public/contests/:id/rubrics/:version',
      {
        schema: {
          response: { 200: PublicRubricView },
          tags,
          summary: '已发布的评分标准 a published rubric',
          params: Id.extend({ version: IdQuery }),
        },
      },
      (request, reply) =>
        publicRubric(readerOf(deps, request, reply), request.params.id, request.params.version),
    );
    app.get(
      '/public/rounds/:id',
      {
        schema: {
          tags,
          summary: '已发布期次的排名（带 ETag）a published round',
          params: Id,
          response: { 200: PublicRoundView, 304: NoContent },
        },
      },
      async (request, reply) => {
        const body = await publicRound(
          readerOf(deps, request, reply),
          deps.cache,
          request.params.id,
          { recheck: wroteRecently(request) },
        );
        // Published rounds change only by a correction; clients revalidate cheaply with the ETag.
        reply.header('ETag', body.etag);
        reply.header('Cache-Control', 'public, max-age=30, must-revalidate');
        if (request.headers['if-none-match'] === body.etag) return reply.status(304).send();
        // Prepared JSON of the schema's shape: Fastify sends a string as it is (no serializer).
        return reply.type('application/json; charset=utf-8').send(body.json as never);
      },
    );
    app.get(
      '/public/flags',
      {
        schema: {
          response: { 200: GetFlagTalliesView },
          tags,
          summary: '红旗榜 flag tallies',
          querystring: FlagQuery,
        },
      },
      (request, reply) => getFlagTallies(readerOf(deps, request, reply), request.query),
    );
    app.get(
      '/public/units/:code/history',
      {
        schema: {
          response: { 200: PublicUnitHistoryView },
          tags,
          summary: '单位历次成绩 a unit across published rounds',
          params: z.object({ code: RefText }),
        },
      },
      (request, reply) => publicUnitHistory(readerOf(deps, request, reply), request.params.code),
    );
    app.get(
      '/public/practices',
      {
        schema: {
          response: { 200: PublicPracticesView },
          tags,
          summary: '经验做法 published practices',
          querystring: PublicPracticesQuery,
        },
      },
      (request, reply) => publicPractices(readerOf(deps, request, reply), request.query),
    );
    app.get(
      '/public/practices/:id',
      {
        schema: {
          response: { 200: PublicPracticeView },
          tags,
          summary: '经验做法全文 a published practice',
          params: Id,
        },
      },
      (request, reply) => publicPractice(readerOf(deps, request, reply), request.params.id),
    );
    app.get(
      '/public/images/:id',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '经验做法图片 an image of a practice',
          params: Id,
        },
      },
      async (request, reply) => {
        const image = await publicImage(readerOf(deps, request, reply), request.params.id);
        reply.header('Content-Type', image.content_type);
        reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        return reply.send(
          await readStoredFile(deps.files, 'public', image.sha256, deps.config.fileKey),
        );
      },
    );
    app.get(
      '/public/version',
      {
        schema: {
          response: { 200: PublicVersionView },
          tags,
          summary: '发布版本号（大屏轮询）changes when a round is published or corrected',
        },
      },
      (request, reply) => publicVersion(readerOf(deps, request, reply)),
    );
  };
}
