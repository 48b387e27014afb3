import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportLedger,
  importLedger,
  LedgerSummary,
  ledgerReportFile,
  ledgerSummary,
  PublicProjects,
  PublicProjectsQuery,
  publicProjects,
  ReportQuery,
} from '../../app/ledger-documents.ts';
import { SnapshotInput, snapshotLights } from '../../app/ledger-lights.ts';
import { type LedgerContext, ledgerSettings } from '../../app/policies/ledger.ts';
import {
  actOnProblem,
  listProblemsView,
  ProblemActionInput,
  ProblemInput,
  ProblemQuery,
  raiseProblem,
} from '../../app/problems.ts';
import {
  addLog,
  addMilestone,
  changeMilestone,
  changeProject,
  createProject,
  createTaskforce,
  getProject,
  InvestmentItems,
  LogInput,
  listProjectsView,
  listTaskforcesView,
  MilestoneChanges,
  MilestoneInput,
  PHOTO_MAX_BYTES,
  ProjectChanges,
  ProjectInput,
  ProjectQuery,
  ProjectTransition,
  putInvestments,
  TaskforceInput,
  transitionProject,
  uploadLedgerPhoto,
} from '../../app/projects.ts';
import type { Download } from '../../app/sheets.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import {
  AddLogView,
  ListProblemsView,
  ListProjectsView,
  ListTaskforcesView,
  ProblemView,
  ProjectView,
  SnapshotLightsView,
  TaskforceView,
  UploadLedgerPhotoView,
} from './ledger.views.ts';
import { created } from './reply.ts';
import { FileBody, IdParam } from './views.ts';

const NumericId = z.object({ id: z.coerce.number().int().positive() });
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const ImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  investments: z.number().int(),
});

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

/** The project ledger (DESIGN §7 ledger row, §9). */
export function ledgerRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const settings = ledgerSettings(deps.config);
  return async (app) => {
    const tags = ['ledger'];
    const ctx = (request: Parameters<typeof contextOf>[1]): LedgerContext => ({
      ...contextOf(deps, request),
      ledger: settings,
    });
    app.get(
      '/projects',
      {
        schema: {
          response: { 200: ListProjectsView },
          tags,
          summary: '项目台账 the ledger (?kind=&unit=&light=&state=)',
          querystring: ProjectQuery,
        },
      },
      (request) => listProjectsView(ctx(request), request.query),
    );
    app.post(
      '/projects',
      {
        schema: {
          response: { 201: ProjectView },
          tags,
          summary: '录入项目 add a project',
          body: ProjectInput,
        },
      },
      async (request, reply) => created(reply, createProject(ctx(request), request.body)),
    );
    app.get(
      '/projects/report.xlsx',
      {
        schema: {
          tags,
          response: { 200: FileBody },
          summary: '月度调度报表（分单位、亮灯、汇总）the monthly report workbook',
          querystring: ReportQuery,
        },
      },
      async (request, reply) =>
        sendFile(reply, await ledgerReportFile(ctx(request), request.query.month, 'xlsx')),
    );
    app.get(
      '/projects/report.docx',
      {
        schema: {
          tags,
          response: { 200: FileBody },
          summary: '月度调度通报（Word）the monthly brief',
          querystring: ReportQuery,
        },
      },
      async (request, reply) =>
        sendFile(reply, await ledgerReportFile(ctx(request), request.query.month, 'docx')),
    );
    app.get(
      '/ledger/summary',
      {
        schema: {
          tags,
          summary: '全县汇总（分单位、分类别亮灯）the county summary of a month',
          querystring: ReportQuery,
          response: { 200: LedgerSummary },
        },
      },
      (request) => ledgerSummary(ctx(request), request.query.month),
    );
    app.get(
      '/projects/export.xlsx',
      {
        schema: {
          tags,
          response: { 200: FileBody },
          summary: '导出台账 export the ledger (re-importable)',
        },
      },
      async (request, reply) => sendFile(reply, await exportLedger(ctx(request))),
    );
    app.post(
      '/projects/import',
      {
        schema: {
          tags,
          summary:
            '导入台账（multipart: file，.xlsx，≤10 MB；整表成功或整表拒绝）import a ledger workbook, all or nothing',
          consumes: ['multipart/form-data'],
          response: { 200: ImportResult },
        },
      },
      async (request) => {
        const c = ctx(request);
        if (!request.isMultipart()) {
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            '请用 multipart/form-data 上传文件（字段名 file）',
            { params: { reason: 'multipart', field: 'file' } },
          );
        }
        let bytes: Buffer;
        let filename: string;
        try {
          const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
          if (!part)
            throw new DomainError('VALIDATION', '缺少文件', {
              params: { reason: 'noFile' },
              field: 'file',
            });
          bytes = await part.toBuffer();
          filename = part.filename;
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new DomainError(
              'PAYLOAD_TOO_LARGE',
              `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
              {
                params: { reason: 'fileLimit', limit: IMPORT_MAX_BYTES / 1024 / 1024, unit: 'MB' },
                field: 'file',
              },
            );
          }
          throw error;
        }
        return importLedger(c, { filename, bytes });
      },
    );
    app.get(
      '/public/projects',
      {
        schema: {
          tags: ['public'],
          summary: '公开的重点项目（组织者选择公开的）published projects',
          querystring: PublicProjectsQuery,
          response: { 200: PublicProjects },
        },
      },
      (request) =>
        publicProjects(deps.db, request.query, deps.clock.now().toISOString().slice(0, 10)),
    );
    app.get(
      '/projects/:id',
      {
        schema: {
          response: { 200: ProjectView },
          tags,
          summary: '项目详情 a project',
          params: IdParam,
        },
      },
      (request) => getProject(ctx(request), request.params.id),
    );
    app.patch(
      '/projects/:id',
      {
        schema: {
          response: { 200: ProjectView },
          tags,
          summary: '修改项目（灯不可填）change a project',
          params: IdParam,
          body: ProjectChanges,
        },
      },
      (request) => changeProject(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/projects/:id/transition',
      {
        schema: {
          response: { 200: ProjectView },
          tags,
          summary: '出入库 move through the library',
          params: IdParam,
          body: ProjectTransition,
        },
      },
      (request) => transitionProject(ctx(request), request.params.id, request.body),
    );
    app.put(
      '/projects/:id/investments',
      {
        schema: {
          response: { 200: ProjectView },
          tags,
          summary: '月度投资（计划/完成）monthly investment',
          params: IdParam,
          body: InvestmentItems,
        },
      },
      (request) => putInvestments(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/projects/:id/milestones',
      {
        schema: {
          response: { 201: ProjectView },
          tags,
          summary: '节点计划 add a milestone',
          params: IdParam,
          body: MilestoneInput,
        },
      },
      async (request, reply) =>
        created(reply, addMilestone(ctx(request), request.params.id, request.body)),
    );
    app.patch(
      '/milestones/:id',
      {
        schema: {
          response: { 200: ProjectView },
          tags,
          summary: '节点完成 record a milestone',
          params: NumericId,
          body: MilestoneChanges,
        },
      },
      (request) => changeMilestone(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/projects/:id/logs',
      {
        schema: {
          response: { 201: AddLogView },
          tags,
          summary: '服务日志 service log',
          params: IdParam,
          body: LogInput,
        },
      },
      async (request, reply) =>
        created(reply, addLog(ctx(request), request.params.id, request.body)),
    );
    app.post(
      '/projects/:id/problems',
      {
        schema: {
          response: { 201: ProblemView },
          tags,
          summary: '提出问题 raise a problem',
          params: IdParam,
          body: ProblemInput,
        },
      },
      async (request, reply) =>
        created(reply, raiseProblem(ctx(request), request.params.id, request.body)),
    );
    app.get(
      '/problems',
      {
        schema: {
          response: { 200: ListProblemsView },
          tags,
          summary: '问题清单（督办）problems',
          querystring: ProblemQuery,
        },
      },
      (request) => listProblemsView(ctx(request), request.query),
    );
    app.post(
      '/problems/:id/actions',
      {
        schema: {
          response: { 200: ProblemView },
          tags,
          summary: '交办/提醒/督办/答复/确认/销号 a step of the loop',
          params: NumericId,
          body: ProblemActionInput,
        },
      },
      (request) => actOnProblem(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/taskforces',
      { schema: { response: { 200: ListTaskforcesView }, tags, summary: '专班 task forces' } },
      (request) => listTaskforcesView(ctx(request)),
    );
    app.post(
      '/taskforces',
      {
        schema: {
          response: { 201: TaskforceView },
          tags,
          summary: '组建专班 set up a task force',
          body: TaskforceInput,
        },
      },
      async (request, reply) => created(reply, createTaskforce(ctx(request), request.body)),
    );
    app.post(
      '/ledger/snapshots',
      {
        schema: {
          response: { 200: SnapshotLightsView },
          tags,
          summary: '月末亮灯 take the month-end snapshot of lights',
          body: SnapshotInput,
        },
      },
      (request) => snapshotLights(ctx(request), request.body),
    );
    app.post(
      '/ledger/photos',
      {
        schema: {
          response: { 201: UploadLedgerPhotoView },
          tags,
          summary: '上传服务日志照片（multipart: file）upload a photo',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const c = ctx(request);
        if (!request.isMultipart()) {
          throw new DomainError('VALIDATION', '请用 multipart/form-data 上传', {
            params: { reason: 'multipart' },
          });
        }
        const part = await request.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
        if (!part)
          throw new DomainError('VALIDATION', '缺少文件', {
            params: { reason: 'noFile' },
            field: 'file',
          });
        const bytes = await part.toBuffer();
        return created(
          reply,
          uploadLedgerPhoto(
            {
              ...c,
              dataDir: deps.config.dataDir,
              files: deps.files,
              fileKey: deps.config.fileKey,
            },
            { filename: part.filename, bytes },
          ),
        );
      },
    );
  };
}
