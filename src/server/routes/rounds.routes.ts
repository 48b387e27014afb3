import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DecideAppeal,
  decide,
  FileAppeal,
  fileAppeal,
  getAppeals,
  presentAppeals,
} from '../../app/appeals.ts';
import { Correction, correctRound } from '../../app/corrections.ts';
import { EntryBatch, getEntries, saveEntries } from '../../app/entries.ts';
import { attachEvidence, readEvidence, recordVerification, Verify } from '../../app/evidence.ts';
import {
  getResults,
  getRevisions,
  getRound,
  ResultsQuery,
  Transition,
  transitionRound,
} from '../../app/rounds.ts';
import { DomainError } from '../../core/errors.ts';
import { EVIDENCE_MAX_BYTES, readStoredFile } from '../../io/file-store.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { requireCleanText } from '../plugins/input.ts';
import { created } from './reply.ts';
import {
  AttachEvidenceView,
  CorrectRoundView,
  GetEntriesView,
  GetRevisionsView,
  RecordVerificationView,
} from './rounds.views.ts';
import { AppealView, FileBody, IdParam, listOf, ResultsView, RoundView } from './views.ts';

export function roundsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['rounds'];
    app.get(
      '/rounds/:id',
      {
        schema: {
          tags,
          summary: '一期擂台 a round',
          params: IdParam,
          response: { 200: RoundView },
        },
      },
      (request) => getRound(contextOf(deps, request), request.params.id),
    );
    app.post(
      '/rounds/:id/transition',
      {
        schema: {
          tags,
          summary: '推进或退回期次状态 move a round on (or back)',
          params: IdParam,
          body: Transition,
          response: { 200: RoundView },
        },
      },
      (request) =>
        transitionRound(
          contextOf(deps, request),
          request.params.id,
          request.body.to,
          request.body.reason,
        ),
    );
    app.get(
      '/rounds/:id/entries',
      {
        schema: {
          response: { 200: GetEntriesView },
          tags,
          summary: '填报数据 entries',
          params: IdParam,
        },
      },
      (request) => getEntries(contextOf(deps, request), request.params.id),
    );
    app.put(
      '/rounds/:id/entries',
      {
        schema: {
          tags,
          summary: '批量保存填报（整批成功或整批拒绝）save entries, all or nothing',
          params: IdParam,
          body: EntryBatch,
          response: { 200: z.object({ saved: z.number() }) },
        },
        bodyLimit: 32 * 1024 * 1024,
      },
      (request) => saveEntries(contextOf(deps, request), request.params.id, request.body),
    );
    app.get(
      '/rounds/:id/results',
      {
        schema: {
          tags,
          summary: '成绩与排名 results',
          params: IdParam,
          querystring: ResultsQuery,
          response: { 200: ResultsView },
        },
      },
      (request) => getResults(contextOf(deps, request), request.params.id, request.query.revision),
    );
    app.get(
      '/rounds/:id/revisions',
      {
        schema: {
          response: { 200: GetRevisionsView },
          tags,
          summary: '发布与更正记录 publication and corrections',
          params: IdParam,
        },
      },
      async (request) => {
        const items = await getRevisions(contextOf(deps, request), request.params.id);
        return { items, total: items.length };
      },
    );
    app.post(
      '/rounds/:id/corrections',
      {
        schema: {
          response: { 200: CorrectRoundView },
          tags,
          summary: '更正已发布的期次 correct a published round',
          params: IdParam,
          body: Correction,
        },
        bodyLimit: 32 * 1024 * 1024,
      },
      async (request) => {
        const corrected = await correctRound(
          contextOf(deps, request),
          request.params.id,
          request.body,
        );
        // Other app servers see the new revision within the cache's recheck interval.
        deps.cache.invalidate(Number(request.params.id));
        return corrected;
      },
    );
    app.get(
      '/rounds/:id/appeals',
      {
        schema: {
          tags,
          summary: '申诉 appeals',
          params: IdParam,
          response: { 200: listOf(AppealView) },
        },
      },
      async (request) => {
        const items = await presentAppeals(
          deps.db,
          await getAppeals(contextOf(deps, request), request.params.id),
        );
        return { items, total: items.length };
      },
    );
    app.post(
      '/rounds/:id/appeals',
      {
        schema: {
          tags,
          summary: '公示期内申诉 file an appeal',
          params: IdParam,
          body: FileAppeal,
          response: { 201: AppealView },
        },
      },
      async (request, reply) => {
        const filed = await fileAppeal(contextOf(deps, request), request.params.id, request.body);
        return created(reply, (await presentAppeals(deps.db, [filed]))[0]!);
      },
    );
    app.post(
      '/appeals/:id/decision',
      {
        schema: {
          tags,
          summary: '答复申诉 decide an appeal',
          params: IdParam,
          body: DecideAppeal,
          response: { 200: AppealView },
        },
      },
      async (request) => {
        const decided = await decide(contextOf(deps, request), request.params.id, request.body);
        return (await presentAppeals(deps.db, [decided]))[0]!;
      },
    );
    app.post(
      '/rounds/:id/verifications',
      {
        schema: {
          response: { 201: RecordVerificationView },
          tags,
          summary: '记录核查（日常考核、四不两直）record a verification',
          params: IdParam,
          body: Verify,
        },
      },
      async (request, reply) =>
        created(
          reply,
          recordVerification(contextOf(deps, request), request.params.id, request.body),
        ),
    );
    app.post(
      '/rounds/:id/evidence',
      {
        schema: {
          response: { 201: AttachEvidenceView },
          tags,
          summary: '上传佐证材料（multipart: unit, indicator, file）upload evidence',
          params: IdParam,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const ctx = contextOf(deps, request);
        if (!request.isMultipart()) {
          throw new DomainError('VALIDATION', '请用 multipart/form-data 上传', {
            params: { reason: 'multipart' },
          });
        }
        const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
        if (!part)
          throw new DomainError('VALIDATION', '缺少文件', {
            params: { reason: 'noFile' },
            field: 'file',
          });
        const field = (name: string) => {
          const f = part.fields[name];
          const one = Array.isArray(f) ? f[0] : f;
          const text = one && 'value' in one ? String(one.value) : '';
          requireCleanText(text, name);
          return text;
        };
        requireCleanText(part.filename, 'filename');
        const bytes = await part.toBuffer();
        const unit = field('unit');
        const indicator = field('indicator');
        if (!unit || !indicator) {
          throw new DomainError('VALIDATION', '请先给出 unit 和 indicator 字段，再给文件', {
            problems: [!unit && 'unit', !indicator && 'indicator']
              .filter((f) => f !== false)
              .map((field) => ({ code: 'REQUIRED', field, message: '须在文件之前给出' })),
          });
        }
        const saved = await attachEvidence(
          { ...ctx, dataDir: deps.config.dataDir, files: deps.files, fileKey: deps.config.fileKey },
          request.params.id,
          { unit, indicator },
          { filename: part.filename, bytes },
        );
        return created(reply, saved);
      },
    );
    app.get(
      '/evidence/:id',
      {
        schema: {
          response: { 200: FileBody },
          tags,
          summary: '下载佐证材料 download evidence',
          params: IdParam,
        },
      },
      async (request, reply) => {
        const file = await readEvidence(contextOf(deps, request), request.params.id);
        reply.header('Content-Type', file.contentType);
        reply.header(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        );
        return reply.send(
          await readStoredFile(deps.files, 'evidence', file.sha256, deps.config.fileKey),
        );
      },
    );
  };
}
