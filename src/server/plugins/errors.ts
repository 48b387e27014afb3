import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import { isConcurrencyConflict, isConnectionError } from '../../db/dialect.ts';

/** HTTP status of every stable error code; a code not listed here is a 400. */
const STATUS: Record<string, number> = {
  VALIDATION: 400,
  UNKNOWN_PARENT: 400,
  UNKNOWN_UNIT: 400,
  UNKNOWN_DIVISION: 400,
  UNIT_REQUIRED: 400,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  CYCLE: 409,
  CONFLICT: 409,
  SELF_LOCKOUT: 409,
  ALREADY_INITIALISED: 409,
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONTEST_NOT_FOUND: 404,
  ROUND_NOT_FOUND: 404,
  RUBRIC_NOT_FOUND: 404,
  INVALID_RUBRIC: 400,
  INVALID_ENTRIES: 400,
  INVALID_SHEET: 400,
  NOTHING_TO_FILL: 404,
  BAD_FILE: 400,
  UNKNOWN_INDICATOR: 400,
  BAD_PERIOD: 400,
  NO_PARTICIPANTS: 400,
  OUTSIDE_SUBTREE: 400,
  NO_RESULTS: 409,
  NO_PUBLISHED_RUBRIC: 409,
  DUPLICATE_PERIOD: 409,
  DUPLICATE_APPEAL: 409,
  APPEAL_DECIDED: 409,
  APPEALS_PENDING: 409,
  INVALID_TRANSITION: 409,
  RUBRIC_FROZEN: 409,
  ROUND_CLOSED: 409,
  DERIVED_ROUND: 409,
  NOT_A_TEMPLATE: 409,
  INSTANCE_EXISTS: 409,
  ROUND_NOT_PUBLISHED: 409,
  NOTICE_NOT_ENDED: 409,
  NOTICE_ENDED: 409,
  SERIES_NOT_FOUND: 404,
  NOT_ALL_READY: 409,
  NO_YELLOW_FLAG: 400,
  RECTIFICATION_STATE: 409,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  // Accounts (issue 19).
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  TOTP_NOT_ENROLLING: 409,
  TOTP_CODE_WRONG: 400,
  PASSWORD_REUSED: 400,
  ROLE_CONFLICT: 409,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_EXPIRED: 403,
  TOTP_SETUP_REQUIRED: 403,
  NON_FINITE_SCORE: 400,
  // Party-member points (DESIGN §10) and the password policy.
  MEMBER_TRANSFERRED: 409,
  SELF_REVIEW: 403,
  // Star households and the points market (DESIGN §10).
  HOUSEHOLD_BARRED: 409,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  INVALID_POLICY: 400,
  // The project ledger (DESIGN §9).
  LIGHT_COMPUTED: 400,
  NEEDS_CONFIRMATION: 400,
  MILESTONE_ORDER: 400,
};

/** Every stable code the server may answer with. */
export const ERROR_CODES: readonly string[] = Object.keys(STATUS);

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** One place maps errors to the shape of DESIGN §5; anything unexpected is a logged 500. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { serveIndexHtml?: boolean } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const domain: unknown = error;
    if (domain instanceof DomainError) {
      return reply
        .status(statusOf(domain.code))
        .send(body(domain.code, domain.message, domain.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      const names = fields.map((f) => f.field).join(', ');
      return reply
        .status(400)
        .send(body('VALIDATION', `请求参数有误 invalid request: ${names}`, { fields }));
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', '请求内容过大 request too large'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): safe to name, never internals.
      const code =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return reply
        .status(error.statusCode)
        .send(body(code, `请求无效 bad request: ${error.message.split('\n')[0]}`));
    }
    if (isConcurrencyConflict(error)) {
      // Two requests created the same thing at once; the loser's transaction rolled back.
      return reply
        .status(409)
        .send(
          body(
            'CONFLICT',
            '该记录已存在或刚被他人创建，请刷新后再试 it exists already (created at the same time by another request)',
          ),
        );
    }
    if (isConnectionError(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(
          body(
            'DATABASE_UNAVAILABLE',
            '数据库暂时无法连接，请稍后再试 the database is unavailable; try again shortly',
          ),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(body('INTERNAL', '服务器内部错误，请稍后再试 internal server error'));
  });

  app.setNotFoundHandler((request, reply) => {
    // The single-page app routes in the browser: every other GET outside /api is its index.html.
    // A path with a file extension is a missing file (say, an asset of an older build), not a page.
    const path = request.url.split('?')[0] ?? '';
    const isPage = !path.startsWith('/api') && !/\.[A-Za-z0-9]+$/.test(path);
    if (options.serveIndexHtml && request.method === 'GET' && isPage) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .send(body('NOT_FOUND', `接口不存在 no such endpoint: ${request.method} ${request.url}`));
  });
}
