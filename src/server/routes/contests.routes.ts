import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateContest,
  changeContest,
  createContest,
  getContest,
  ListContests,
  listContestsFor,
  UpdateContest,
} from '../../app/contests.ts';
import { IdQuery } from '../../app/ids.ts';
import {
  Instantiate,
  instantiateTemplate,
  LinkageQuery,
  linkageView,
  SetFeeds,
  setFeeds,
} from '../../app/linkage.ts';
import { OpenRound, openRound } from '../../app/rounds.ts';
import { draftRubric, getRubric, publishRubric, SubmitRubric } from '../../app/rubrics.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { LinkageView, SetFeedsView } from './contests.views.ts';
import { created } from './reply.ts';
import {
  ContestSummaryView,
  ContestView,
  IdParam,
  listOf,
  RoundView,
  RubricVersionView,
} from './views.ts';

const VersionParam = IdParam.extend({ version: IdQuery });

export function contestsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['contests'];
    app.get(
      '/contests',
      {
        schema: {
          tags,
          summary: '擂台赛列表（需登录；公众见 /public/contests）contests (signed in)',
          querystring: ListContests,
          response: { 200: listOf(ContestSummaryView) },
        },
      },
      (request) => listContestsFor(contextOf(deps, request), request.query),
    );
    app.post(
      '/contests',
      {
        schema: {
          tags,
          summary: '新建擂台赛 create a contest',
          body: CreateContest,
          response: { 201: ContestView },
        },
      },
      async (request, reply) =>
        created(reply, createContest(contextOf(deps, request), request.body)),
    );
    app.get(
      '/contests/:id',
      {
        schema: {
          tags,
          summary: '擂台赛（需登录；公众见 /public/contests/:id）a contest (signed in)',
          params: IdParam,
          response: { 200: ContestView },
        },
      },
      (request) => getContest(contextOf(deps, request), request.params.id),
    );
    app.patch(
      '/contests/:id',
      {
        schema: {
          tags,
          summary: '修改擂台赛 update a contest',
          params: IdParam,
          body: UpdateContest,
          response: { 200: ContestView },
        },
      },
      (request) => changeContest(contextOf(deps, request), request.params.id, request.body),
    );
    app.post(
      '/contests/:id/rubrics',
      {
        schema: {
          tags,
          summary: '保存评分标准草稿 draft a rubric version',
          params: IdParam,
          body: SubmitRubric,
          response: { 201: RubricVersionView },
        },
      },
      async (request, reply) =>
        created(reply, draftRubric(contextOf(deps, request), request.params.id, request.body)),
    );
    app.post(
      '/contests/:id/rubrics/:version/publish',
      {
        schema: {
          tags,
          summary: '发布评分标准（此后冻结）publish a rubric version',
          params: VersionParam,
          response: { 200: RubricVersionView },
        },
      },
      (request) =>
        publishRubric(contextOf(deps, request), request.params.id, request.params.version),
    );
    app.get(
      '/contests/:id/rubrics/:version',
      {
        schema: {
          tags,
          summary: '评分标准（已发布的公开）a rubric version',
          params: VersionParam,
          response: { 200: RubricVersionView },
        },
      },
      (request) => getRubric(contextOf(deps, request), request.params.id, request.params.version),
    );
    app.post(
      '/contests/:id/rounds',
      {
        schema: {
          tags,
          summary: '开擂（新的一期）open a round',
          params: IdParam,
          body: OpenRound,
          response: { 201: RoundView },
        },
      },
      async (request, reply) =>
        created(reply, openRound(contextOf(deps, request), request.params.id, request.body)),
    );
    app.post(
      '/contests/:id/instances',
      {
        schema: {
          tags,
          summary: '按县级模板开展本级擂台赛（三级联动）run a template among my villages',
          params: IdParam,
          body: Instantiate,
          response: { 201: ContestView },
        },
      },
      async (request, reply) =>
        created(
          reply,
          instantiateTemplate(contextOf(deps, request), request.params.id, request.body),
        ),
    );
    app.put(
      '/contests/:id/feeds',
      {
        schema: {
          response: { 200: SetFeedsView },
          tags,
          summary:
            '指标取自各镇村级擂台（红旗村占比、村平均分）feed indicators from village contests',
          params: IdParam,
          body: SetFeeds,
        },
      },
      (request) => setFeeds(contextOf(deps, request), request.params.id, request.body),
    );
    app.get(
      '/contests/:id/linkage',
      {
        schema: {
          response: { 200: LinkageView },
          tags,
          summary:
            '各镇村级擂台并列对比与全县村排名 towns side by side, county-wide village ranking',
          params: IdParam,
          querystring: LinkageQuery,
        },
      },
      (request) => linkageView(contextOf(deps, request), request.params.id, request.query.period),
    );
  };
}
