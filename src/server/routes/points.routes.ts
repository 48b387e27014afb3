import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClaimInput,
  claimStars,
  claimStep,
  createHousehold,
  createStar,
  HouseholdInput,
  householdDetail,
  RevokeInput,
  revokeStars,
  StarInput,
  StepInput,
  starsFor,
  villageHouseholds,
  YearlyReviewInput,
  yearlyReview,
} from '../../app/households.ts';
import {
  AssignmentInput,
  addMember,
  answerPointsDispute,
  assignBranchUser,
  attachRecordEvidence,
  BranchInput,
  branchMembers,
  branchRules,
  ClassRuleInput,
  classRuleFor,
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
  recordEvidenceFor,
  reviewQueue,
  reviewRecord,
  setClassRule,
  setQuarter,
  TransferInput,
  transferMemberOut,
} from '../../app/points.ts';
import {
  createItem,
  ItemInput,
  marketItems,
  memberBalance,
  RedemptionInput,
  redeem,
  restock,
  StockInput,
} from '../../app/points-market.ts';
import { DomainError } from '../../core/errors.ts';
import { EVIDENCE_MAX_BYTES, readStoredFile } from '../../io/file-store.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { requireCleanText } from '../plugins/input.ts';
import {
  AddMemberView,
  AssignBranchUserView,
  BalanceView,
  BranchMembersView,
  BranchRulesView,
  ClaimView,
  ClassRuleView,
  CreateBranchView,
  CreateRecordView,
  CreateRuleView,
  FileDisputeView,
  HouseholdDetailView,
  HouseholdListView,
  HouseholdView,
  LeaderboardView,
  ListBranchesView,
  MarketItemView,
  MemberStatementView,
  PublicLeaderboardView,
  RecordEvidenceView,
  RedeemView,
  ReviewQueueView,
  RevokeView,
  SetQuarterView,
  StarView,
} from './points.views.ts';
import { created } from './reply.ts';
import { FileBody, IdParam, listOf } from './views.ts';

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
      async (request, reply) => created(reply, createBranch(ctx(request), request.body)),
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
        created(reply, addMember(ctx(request), request.params.id, request.body)),
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
      async (request, reply) => created(reply, createRule(ctx(request), request.body)),
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
      async (request, reply) => created(reply, createRecord(ctx(request), request.body)),
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
        created(reply, fileDispute(ctx(request), request.params.id, request.body)),
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
    // ---- record evidence (file store) ----
    app.post(
      '/points/records/:id/evidence',
      {
        schema: {
          tags,
          summary: '上传积分佐证（multipart: file）upload a record’s evidence',
          params: IdParam,
          consumes: ['multipart/form-data'],
          response: { 201: RecordEvidenceView },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new DomainError('VALIDATION', '请用 multipart/form-data 上传', {
            params: { reason: 'multipart' },
          });
        const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
        if (!part)
          throw new DomainError('VALIDATION', '缺少文件', {
            params: { reason: 'noFile' },
            field: 'file',
          });
        requireCleanText(part.filename, 'filename');
        const bytes = await part.toBuffer();
        const saved = await attachRecordEvidence(
          {
            ...ctx(request),
            dataDir: deps.config.dataDir,
            files: deps.files,
            fileKey: deps.config.fileKey,
          },
          request.params.id,
          { filename: part.filename, bytes },
        );
        return created(reply, saved);
      },
    );
    app.get(
      '/points/records/:id/evidence',
      {
        schema: {
          tags,
          response: { 200: FileBody },
          summary: '下载积分佐证 download a record’s evidence',
          params: IdParam,
        },
      },
      async (request, reply) => {
        const file = await recordEvidenceFor(ctx(request), request.params.id);
        reply.header('Content-Type', file.contentType);
        reply.header('Content-Disposition', `attachment; filename="record-${request.params.id}"`);
        return reply.send(
          await readStoredFile(deps.files, 'evidence', file.sha256, deps.config.fileKey),
        );
      },
    );

    // ---- quarter classes ----
    app.get(
      '/points/class-rules',
      {
        schema: {
          tags,
          summary: '季度评定规则 the class rule that applies to a unit',
          querystring: z.object({ unit: z.string().min(1) }),
          response: { 200: ClassRuleView },
        },
      },
      (request) => classRuleFor(ctx(request), request.query.unit),
    );
    app.put(
      '/points/class-rules',
      {
        schema: {
          tags,
          summary: '设定季度评定规则（先锋/合格/待提升）set the quarter classes',
          body: ClassRuleInput,
          response: { 200: ClassRuleView },
        },
      },
      (request) => setClassRule(ctx(request), request.body),
    );

    // ---- star households (星级文明户) ----
    app.get(
      '/households/stars',
      {
        schema: {
          tags,
          summary: '评星标准 the stars that apply to a unit',
          querystring: z.object({ unit: z.string().min(1) }),
          response: { 200: listOf(StarView) },
        },
      },
      (request) => starsFor(ctx(request), request.query.unit),
    );
    app.post(
      '/households/stars',
      {
        schema: {
          tags,
          summary: '新增星及评星标准 add a star',
          body: StarInput,
          response: { 201: StarView },
        },
      },
      async (request, reply) => created(reply, createStar(ctx(request), request.body)),
    );
    app.get(
      '/households',
      {
        schema: {
          tags,
          summary: '农户名册 a village’s households with their latest rating',
          querystring: z.object({ unit: z.string().min(1) }),
          response: { 200: HouseholdListView },
        },
      },
      (request) => villageHouseholds(ctx(request), request.query),
    );
    app.post(
      '/households',
      {
        schema: {
          tags,
          summary: '登记农户 register a household',
          body: HouseholdInput,
          response: { 201: HouseholdView },
        },
      },
      async (request, reply) => created(reply, createHousehold(ctx(request), request.body)),
    );
    app.get(
      '/households/:id',
      {
        schema: {
          tags,
          summary: '农户评星记录 a household’s claims and steps',
          params: IdParam,
          response: { 200: HouseholdDetailView },
        },
      },
      (request) => householdDetail(ctx(request), request.params.id),
    );
    app.post(
      '/households/:id/stars',
      {
        schema: {
          tags,
          summary: '申报星级 claim stars for a year',
          params: IdParam,
          body: ClaimInput,
          response: { 201: ClaimView },
        },
      },
      async (request, reply) =>
        created(reply, claimStars(ctx(request), request.params.id, request.body)),
    );
    app.post(
      '/households/:id/steps',
      {
        schema: {
          tags,
          summary: '村民评议/村委会审核/乡镇备案 the next step of a claim',
          params: IdParam,
          body: StepInput,
          response: { 200: ClaimView },
        },
      },
      (request) => claimStep(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/households/:id/yearly-review',
      {
        schema: {
          tags,
          summary: '年度复核 the town re-checks last year’s stars',
          params: IdParam,
          body: YearlyReviewInput,
          response: { 200: ClaimView },
        },
      },
      (request) => yearlyReview(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/households/:id/revoke',
      {
        schema: {
          tags,
          summary: '撤销星级（两年内不得申报）revoke; barred for two years',
          params: IdParam,
          body: RevokeInput,
          response: { 200: RevokeView },
        },
      },
      (request) => revokeStars(ctx(request), request.params.id, request.body),
    );

    // ---- points market (积分超市) ----
    app.get(
      '/points/market',
      {
        schema: {
          tags,
          summary: '积分超市物品及库存 a village’s market',
          querystring: z.object({ unit: z.string().min(1) }),
          response: { 200: listOf(MarketItemView) },
        },
      },
      (request) => marketItems(ctx(request), request.query),
    );
    app.post(
      '/points/market/items',
      {
        schema: {
          tags,
          summary: '上架物品 add an item',
          body: ItemInput,
          response: { 201: MarketItemView },
        },
      },
      async (request, reply) => created(reply, createItem(ctx(request), request.body)),
    );
    app.post(
      '/points/market/items/:id/stock',
      {
        schema: {
          tags,
          summary: '补货或核减库存 change the stock',
          params: IdParam,
          body: StockInput,
          response: { 200: MarketItemView },
        },
      },
      (request) => restock(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/points/market/redemptions',
      {
        schema: {
          tags,
          summary: '积分兑换 redeem (lowers the balance, never the ranking points)',
          body: RedemptionInput,
          response: { 201: RedeemView },
        },
      },
      async (request, reply) => created(reply, redeem(ctx(request), request.body)),
    );
    app.get(
      '/points/members/:id/balance',
      {
        schema: {
          tags,
          summary: '可用积分及兑换记录 a member’s balance and redemptions',
          params: IdParam,
          response: { 200: BalanceView },
        },
      },
      (request) => memberBalance(ctx(request), request.params.id),
    );
  };
}
