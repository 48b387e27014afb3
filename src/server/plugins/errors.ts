import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  ERROR_CODE_LIST,
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  type Problem,
} from '../../core/errors.ts';
import { isConcurrencyConflict, isConnectionError } from '../../db/dialect.ts';

/** The HTTP status of a code (the one table: src/core/errors.ts ERROR_CODES). */
export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

/** OpenAPI: src/core/errors.ts Problem. */
const ProblemSchema = z
  .object({
    code: z.string(),
    message: z.string().describe('中文；网页按 code + params 以用户语言显示'),
    params: Params.optional(),
    field: z.string().optional(),
    line: z.number().optional(),
    sheet: z.string().nullable().optional(),
    row: z.number().optional(),
    column: z.string().optional(),
    cell: z.string().nullable().optional(),
    value: z.string().optional(),
    index: z.number().optional(),
    unit: z.string().optional(),
    indicator: z.string().optional(),
  })
  .describe('一处问题：表格的单元格、批量的一项、评分标准或请求的字段');

/** OpenAPI: the error body of DESIGN §5. */
const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODE_LIST),
      message: z.string().describe('中文，供用户阅读'),
      details: z
        .object({ params: Params.optional(), problems: z.array(ProblemSchema).optional() })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .describe('错误（DESIGN §5）');

type OpenApiObject = {
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
  paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};

/**
 * @fastify/swagger's transformObject: every operation answers its errors in the one shape, so
 * the document says so once (components.responses.Error) and every operation's 4XX and 5XX refer to it.
 */
export function documentErrors(input: object): never {
  const document = (input as { openapiObject?: OpenApiObject }).openapiObject;
  if (!document) return (input as { swaggerObject: never }).swaggerObject;
  const components = document.components ?? {};
  document.components = components;
  const schemas = components.schemas ?? {};
  components.schemas = schemas;
  const json = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' });
  const { $schema: _p, ...problem } = json(ProblemSchema) as Record<string, unknown>;
  const { $schema: _e, ...error } = json(ErrorBodySchema) as Record<string, unknown>;
  // The problems refer to the one Problem schema rather than repeating it.
  const details = (error.properties as Record<string, { properties: Record<string, unknown> }>)
    .error!.properties.details as { properties: { problems: { items: unknown } } };
  details.properties.problems.items = { $ref: '#/components/schemas/Problem' };
  schemas.Problem = problem;
  schemas.Error = error;
  components.responses = {
    ...components.responses,
    Error: {
      description: '错误 error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  };
  const answer = { $ref: '#/components/responses/Error' };
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      operation.responses = { ...operation.responses, '4XX': answer, '5XX': answer };
    }
  }
  return document as never;
}

/** The error body of DESIGN §5. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetails };
}

function body(code: ErrorCode, message: string, details?: ErrorDetails): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** One place maps errors to the shape of DESIGN §5; anything unexpected is a logged 500. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { serveIndexHtml?: boolean } = {},
): void {
  // Zod words the problems of a request in Chinese, as the server's own messages are.
  z.config(z.locales.zhCN());
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domain: unknown = error;
    if (domain instanceof DomainError) {
      return reply
        .status(statusOf(domain.code))
        .send(body(domain.code, domain.message, domain.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Zod's own words are English; the field names what is wrong, in every language.
      const problems: Problem[] = error.validation.map((v) => ({
        code: String(v.keyword || 'invalid').toUpperCase(),
        field: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      const fields = problems.map((p) => p.field).join(', ');
      return reply
        .status(400)
        .send(body('VALIDATION', `请求参数有误：${fields}`, { params: { fields }, problems }));
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', '请求内容过大'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): safe to name, never internals.
      const code =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      const reason = error.message.split('\n')[0] ?? '';
      return reply
        .status(error.statusCode)
        .send(body(code, `请求无效：${reason}`, { params: { detail: reason } }));
    }
    if (isConcurrencyConflict(error)) {
      // Two requests created the same thing at once; the loser's transaction rolled back.
      return reply.status(409).send(body('CONFLICT', '该记录已存在或刚被他人创建，请刷新后再试'));
    }
    if (isConnectionError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(body('DATABASE_UNAVAILABLE', '数据库暂时无法连接，请稍后再试'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后再试'));
  });

  app.setNotFoundHandler((request, reply) => {
    // The single-page app routes in the browser: every other GET outside /api is its index.html.
    // A path with a file extension is a missing file (say, an asset of an older build), not a page.
    const path = request.url.split('?')[0] ?? '';
    const isPage = !path.startsWith('/api') && !/\.[A-Za-z0-9]+$/.test(path);
    if (options.serveIndexHtml && request.method === 'GET' && isPage) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(
      body('NOT_FOUND', `接口不存在：${request.method} ${request.url}`, {
        params: { endpoint: `${request.method} ${request.url}` },
      }),
    );
  });
}
