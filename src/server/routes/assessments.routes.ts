import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assessmentResults,
  CreateAssessment,
  createAssessment,
  getAssessment,
  listAssessments,
} from '../../app/assessments.ts';
import { assessmentWorkbook } from '../../io/assessment-workbook.ts';
import type { ServerDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { IdParam } from './views.ts';

export function assessmentsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessments'];
    app.get('/assessments', { schema: { tags, summary: '综合绩效考核 assessments' } }, (request) =>
      listAssessments(contextOf(deps, request)),
    );
    app.post(
      '/assessments',
      {
        schema: { tags, summary: '设立年度综合考核 set up an assessment', body: CreateAssessment },
      },
      async (request, reply) =>
        reply.status(201).send(await createAssessment(contextOf(deps, request), request.body)),
    );
    app.get(
      '/assessments/:id',
      { schema: { tags, summary: '考核方案 a scheme', params: IdParam } },
      (request) => getAssessment(contextOf(deps, request), request.params.id),
    );
    app.get(
      '/assessments/:id/results',
      {
        schema: {
          tags,
          summary: '考核结果及各单位得分说明 results with explanations',
          params: IdParam,
        },
      },
      (request) => assessmentResults(contextOf(deps, request), request.params.id),
    );
    app.get(
      '/assessments/:id/results.xlsx',
      { schema: { tags, summary: '考核结果工作簿 results workbook', params: IdParam } },
      async (request, reply) => {
        const { assessment, items } = await assessmentResults(
          contextOf(deps, request),
          request.params.id,
        );
        const bytes = await assessmentWorkbook(
          `${assessment.year}年${assessment.title}`,
          assessment.scheme.components,
          items,
        );
        const name = encodeURIComponent(`${assessment.year}年${assessment.title}.xlsx`);
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
