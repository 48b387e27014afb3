import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentInput,
  addMember,
  answerPointsDispute,
  assignBranchUser,
  BranchInput,
  branchMembers,
  branchRules,
  createBranch,
  createRecord,
  createRule,
  DisputeAnswer,
  DisputeInput,
  fileDispute,
  LeaderboardQuery,
  leaderboard,
  listBranches,
  MemberInput,
  memberStatement,
  publicLeaderboard,
  QuarterInput,
  RecordInput,
  ReviewInput,
  RuleInput,
  reviewQueue,
  reviewRecord,
  setQuarter,
  TransferInput,
  transferMemberOut,
} from '../../app/points.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import {
  AddMemberView,
  AssignBranchUserView,
  BranchMembersView,
  BranchRulesView,
  CreateBranchView,
  CreateRecordView,
  CreateRuleView,
  FileDisputeView,
  LeaderboardView,
  ListBranchesView,
  MemberStatementView,
  PublicLeaderboardView,
  ReviewQueueView,
  SetQuarterView,
} from './points.views.ts';
import { IdParam } from './views.ts';

/** Party-member points (党员积分, DESIGN §10). */
export function pointsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['points'];
    const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(deps, request);
    app.get(
      '/points/branches',
      {
        schema: {
          response: { 200: ListBranchesView },
          tags,
          summary: '党支部 branches I may see',
          querystring: z.object({ under: z.string().optional() }),
        },
      },
      (request) => listBranches(ctx(request), request.query),
    );
    app.post(
      '/points/branches',
      {
        schema: {
          response: { 201: CreateBranchView },
          tags,
          summary: '建立党支部 create a branch',
          body: BranchInput,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBranch(ctx(request), request.body)),
    );
    app.post(
      '/points/branches/:id/assignments',
      {
        schema: {
          response: { 200: AssignBranchUserView },
          tags,
          summary: '指定记录员/审核人 name a clerk or secretary',
          params: IdParam,
          body: AssignmentInput,
        },
      },
      (request) => assignBranchUser(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/points/branches/:id/members',
      {
        schema: {
          response: { 200: BranchMembersView },
          tags,
          summary: '党员名册 members',
          params: IdParam,
        },
      },
      (request) => branchMembers(ctx(request), request.params.id),
    );
    app.post(
      '/points/branches/:id/members',
      {
        schema: {
          response: { 201: AddMemberView },
          tags,
          summary: '登记党员 add a member',
          params: IdParam,
          body: MemberInput,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addMember(ctx(request), request.params.id, request.body)),
    );
    app.get(
      '/points/branches/:id/rules',
      {
        schema: {
          response: { 200: BranchRulesView },
          tags,
          summary: '适用的积分细则 rules that apply',
          params: IdParam,
        },
      },
      (request) => branchRules(ctx(request), request.params.id),
    );
    app.get(
      '/points/branches/:id/queue',
      {
        schema: {
          response: { 200: ReviewQueueView },
          tags,
          summary: '待审核积分 review queue',
          params: IdParam,
        },
      },
      (request) => reviewQueue(ctx(request), request.params.id),
    );
    app.post(
      '/points/members/:id/transfer-out',
      {
        schema: {
          response: { 200: AddMemberView },
          tags,
          summary: '党员转出 transfer out',
          params: IdParam,
          body: TransferInput,
        },
      },
      (request) => transferMemberOut(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/points/members/:id/statement',
      {
        schema: {
          response: { 200: MemberStatementView },
          tags,
          summary: '党员积分明细 a member’s statement',
          params: IdParam,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        },
      },
      (request) => memberStatement(ctx(request), request.params.id, request.query.year),
    );
    app.post(
      '/points/rules',
      {
        schema: {
          response: { 201: CreateRuleView },
          tags,
          summary: '新增积分细则 add a rule',
          body: RuleInput,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRule(ctx(request), request.body)),
    );
    app.post(
      '/points/records',
      {
        schema: {
          response: { 201: CreateRecordView },
          tags,
          summary: '记录积分 record points',
          body: RecordInput,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRecord(ctx(request), request.body)),
    );
    app.post(
      '/points/records/:id/review',
      {
        schema: {
          response: { 200: CreateRecordView },
          tags,
          summary: '审核积分 review a record',
          params: IdParam,
          body: ReviewInput,
        },
      },
      (request) => reviewRecord(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/points/records/:id/disputes',
      {
        schema: {
          response: { 201: FileDisputeView },
          tags,
          summary: '积分申诉 dispute a record',
          params: IdParam,
          body: DisputeInput,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await fileDispute(ctx(request), request.params.id, request.body)),
    );
    app.post(
      '/points/disputes/:id/answer',
      {
        schema: {
          response: { 200: FileDisputeView },
          tags,
          summary: '答复申诉 answer a dispute',
          params: IdParam,
          body: DisputeAnswer,
        },
      },
      (request) => answerPointsDispute(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/points/quarters',
      {
        schema: {
          response: { 200: SetQuarterView },
          tags,
          summary: '季度公示/冻结 put a quarter on notice or freeze it',
          body: QuarterInput,
        },
      },
      (request) => setQuarter(ctx(request), request.body),
    );
    app.get(
      '/points/leaderboard',
      {
        schema: {
          response: { 200: LeaderboardView },
          tags,
          summary: '积分排行 leaderboard',
          querystring: LeaderboardQuery,
        },
      },
      (request) => leaderboard(ctx(request), request.query),
    );
    app.get(
      '/public/points/leaderboard',
      {
        schema: {
          response: { 200: PublicLeaderboardView },
          tags: ['public'],
          summary: '公开积分排行（姓名脱敏）public leaderboard, masked names',
          querystring: LeaderboardQuery,
        },
      },
      (request) => publicLeaderboard(ctx(request), request.query),
    );
  };
}
