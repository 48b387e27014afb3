import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePractice,
  createPractice,
  IMAGE_MAX_BYTES,
  listManagedPractices,
  PracticeChanges,
  PracticeInput,
  PracticeQuery,
  setPracticePublished,
  uploadPracticeImage,
} from '../../app/practices.ts';
import { DomainError } from '../../core/errors.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { requireCleanText } from '../plugins/input.ts';
import {
  ListManagedPracticesView,
  PracticeView,
  UploadPracticeImageView,
} from './practices.views.ts';
import { created } from './reply.ts';
import { IdParam } from './views.ts';

export function practicesRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['practices'];
    app.get(
      '/practices',
      {
        schema: {
          response: { 200: ListManagedPracticesView },
          tags,
          summary: '经验做法（含草稿）practices of a contest, drafts included',
          querystring: PracticeQuery,
        },
      },
      (request) => listManagedPractices(contextOf(deps, request), request.query),
    );
    app.post(
      '/practices',
      {
        schema: {
          response: { 201: PracticeView },
          tags,
          summary: '撰写经验做法 write up a practice',
          body: PracticeInput,
        },
      },
      async (request, reply) =>
        created(reply, createPractice(contextOf(deps, request), request.body)),
    );
    app.patch(
      '/practices/:id',
      {
        schema: {
          response: { 200: PracticeView },
          tags,
          summary: '修改经验做法 edit a practice',
          params: IdParam,
          body: PracticeChanges,
        },
      },
      (request) => changePractice(contextOf(deps, request), request.params.id, request.body),
    );
    app.post(
      '/practices/:id/publish',
      {
        schema: {
          response: { 200: PracticeView },
          tags,
          summary: '公开展示 publish a practice',
          params: IdParam,
        },
      },
      (request) => setPracticePublished(contextOf(deps, request), request.params.id, true),
    );
    app.post(
      '/practices/:id/withdraw',
      {
        schema: {
          response: { 200: PracticeView },
          tags,
          summary: '撤回 withdraw a practice',
          params: IdParam,
        },
      },
      (request) => setPracticePublished(contextOf(deps, request), request.params.id, false),
    );
    app.post(
      '/practice-images',
      {
        schema: {
          response: { 201: UploadPracticeImageView },
          tags,
          summary: '上传经验做法图片（multipart: file）upload an image',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const ctx = contextOf(deps, request);
        if (!request.isMultipart())
          throw new DomainError('VALIDATION', '请用 multipart/form-data 上传', {
            params: { reason: 'multipart' },
          });
        const part = await request.file({ limits: { fileSize: IMAGE_MAX_BYTES, files: 1 } });
        if (!part)
          throw new DomainError('VALIDATION', '缺少文件', {
            params: { reason: 'noFile' },
            field: 'file',
          });
        requireCleanText(part.filename, 'filename');
        const bytes = await part.toBuffer();
        const saved = await uploadPracticeImage(
          { ...ctx, dataDir: deps.config.dataDir, files: deps.files, fileKey: deps.config.fileKey },
          { filename: part.filename, bytes },
        );
        return created(reply, saved);
      },
    );
  };
}
