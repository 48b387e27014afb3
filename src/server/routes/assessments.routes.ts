import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentResults,
  attachAdjustmentEvidence,
  Correction,
  CreateAssessment,
  correctAssessment,
  createAssessment,
  DecideAdjustment,
  decideAssessmentAdjustment,
  getAssessment,
  listAssessmentAdjustments,
  listAssessments,
  myRatingForms,
  ProposeAdjustment,
  proposeAdjustment,
  publishAssessment,
  RatingForm,
  readAdjustmentEvidence,
  reviseScheme,
  SchemeInput,
  submitRatings,
} from '../../app/assessments.ts';
import { recordExport } from '../../app/audit.ts';
import { DomainError } from '../../core/errors.ts';
import { assessmentWorkbook } from '../../io/assessment-workbook.ts';
import { EVIDENCE_MAX_BYTES, readStoredFile } from '../../io/file-store.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import {
  AssessmentResultsView,
  AssessmentView,
  AttachAdjustmentEvidenceView,
  DecideAssessmentAdjustmentView,
  ListAssessmentAdjustmentsView,
  ListAssessmentsView,
  MyRatingFormsView,
  ProposeAdjustmentView,
  SubmitRatingsView,
} from './assessments.views.ts';
import { created } from './reply.ts';
import { FileBody, IdParam } from './views.ts';

const AdjustmentParam = z.object({ id: z.string().min(1), adjustment: z.string().min(1) });

export function assessmentsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessments'];
    app.get(
      '/assessments',
      {
        schema: {
          response: { 200: ListAssessmentsView },
          tags,
          summary: '综合绩效考核 assessments',
        },
      },
      (request) => listAssessments(contextOf(deps, request)),
    );
    app.post(
      '/assessments',
      {
        schema: {
          response: { 201: AssessmentView },
          tags,
          summary: '设立年度综合考核 set up an assessment',
          body: CreateAssessment,
        },
      },
      async (request, reply) =>
        created(reply, createAssessment(contextOf(deps, request), request.body)),
    );
    app.get(
      '/assessments/:id',
      {
        schema: {
          response: { 200: AssessmentView },
          tags,
          summary: '考核方案及其版本 a scheme and its versions',
          params: IdParam,
        },
      },
      (request) => getAssessment(contextOf(deps, request), request.params.id),
    );
    app.put(
      '/assessments/:id/scheme',
      {
        schema: {
          response: { 200: AssessmentView },
          tags,
          summary: '修改考核方案（发布前，每次一个新版本）revise the scheme before publication',
          params: IdParam,
          body: SchemeInput,
        },
      },
      (request) => reviseScheme(contextOf(deps, request), request.params.id, request.body),
    );
    app.post(
      '/assessments/:id/publish',
      {
        schema: {
          response: { 200: AssessmentView },
          tags,
          summary: '发布考核结果 publish',
          params: IdParam,
        },
      },
      (request) => publishAssessment(contextOf(deps, request), request.params.id),
    );
    app.post(
      '/assessments/:id/corrections',
      {
        schema: {
          response: { 200: AssessmentView },
          tags,
          summary: '更正已发布的考核（留痕，须说明理由）correct a published assessment',
          params: IdParam,
          body: Correction,
        },
      },
      (request) => correctAssessment(contextOf(deps, request), request.params.id, request.body),
    );
    app.get(
      '/assessments/:id/ratings',
      {
        schema: {
          response: { 200: MyRatingFormsView },
          tags,
          summary: '我的评价表 my rating forms',
          params: IdParam,
        },
      },
      (request) => myRatingForms(contextOf(deps, request), request.params.id),
    );
    app.put(
      '/assessments/:id/ratings',
      {
        schema: {
          response: { 200: SubmitRatingsView },
          tags,
          summary: '提交一张评价表（一个评价项目、一个类别）submit a rating form',
          params: IdParam,
          body: RatingForm,
        },
      },
      (request) => submitRatings(contextOf(deps, request), request.params.id, request.body),
    );
    app.get(
      '/assessments/:id/adjustments',
      {
        schema: {
          response: { 200: ListAssessmentAdjustmentsView },
          tags,
          summary: '加减分及一票否决 adjustments',
          params: IdParam,
        },
      },
      (request) => listAssessmentAdjustments(contextOf(deps, request), request.params.id),
    );
    app.post(
      '/assessments/:id/adjustments',
      {
        schema: {
          response: { 201: ProposeAdjustmentView },
          tags,
          summary: '申报加减分 propose an adjustment',
          params: IdParam,
          body: ProposeAdjustment,
        },
      },
      async (request, reply) =>
        created(
          reply,
          proposeAdjustment(contextOf(deps, request), request.params.id, request.body),
        ),
    );
    app.post(
      '/assessments/:id/adjustments/:adjustment/approve',
      {
        schema: {
          response: { 200: DecideAssessmentAdjustmentView },
          tags,
          summary: '审核加减分 approve or reject an adjustment',
          params: AdjustmentParam,
          body: DecideAdjustment,
        },
      },
      (request) =>
        decideAssessmentAdjustment(
          contextOf(deps, request),
          request.params.id,
          request.params.adjustment,
          request.body,
        ),
    );
    app.post(
      '/assessments/:id/adjustments/:adjustment/evidence',
      {
        schema: {
          response: { 201: AttachAdjustmentEvidenceView },
          tags,
          summary: '上传加减分佐证材料（multipart: file）upload evidence',
          params: AdjustmentParam,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const ctx = contextOf(deps, request);
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
        const bytes = await part.toBuffer();
        const saved = await attachAdjustmentEvidence(
          { ...ctx, dataDir: deps.config.dataDir, files: deps.files, fileKey: deps.config.fileKey },
          request.params.id,
          request.params.adjustment,
          { filename: part.filename, bytes },
        );
        return created(reply, saved);
      },
    );
    app.get(
      '/assessments/:id/adjustments/:adjustment/evidence',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '下载加减分佐证材料 download evidence',
          params: AdjustmentParam,
        },
      },
      async (request, reply) => {
        const file = await readAdjustmentEvidence(
          contextOf(deps, request),
          request.params.id,
          request.params.adjustment,
        );
        reply.header('Content-Type', file.type);
        reply.header(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        );
        return reply.send(
          await readStoredFile(deps.files, 'evidence', file.sha256, deps.config.fileKey),
        );
      },
    );
    app.get(
      '/assessments/:id/results',
      {
        schema: {
          response: { 200: AssessmentResultsView },
          tags,
          summary: '考核结果及各单位得分说明 results with explanations',
          params: IdParam,
        },
      },
      (request) => assessmentResults(contextOf(deps, request), request.params.id),
    );
    app.get(
      '/assessments/:id/results.xlsx',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '考核结果工作簿 results workbook',
          params: IdParam,
        },
      },
      async (request, reply) => {
        const ctx = contextOf(deps, request);
        const { assessment, items } = await assessmentResults(ctx, request.params.id);
        const bytes = await assessmentWorkbook(
          `${assessment.year}年${assessment.title}`,
          assessment.scheme,
          items,
        );
        const file = `${assessment.year}年${assessment.title}.xlsx`;
        await recordExport(ctx, {
          action: 'assessment.export',
          entityType: 'assessment',
          entityId: assessment.id,
          file,
        });
        const name = encodeURIComponent(file);
        reply.header(
          'Content-Type',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        reply.header('Content-Disposition', `attachment; filename*=UTF-8''${name}`);
        return reply.send(bytes);
      },
    );
  };
}
