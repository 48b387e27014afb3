/**
 * Every stable error code the server answers with, and its HTTP status (DESIGN §5). The one
 * table: `ErrorCode` derives from it, so a code not listed fails to compile, and the server's
 * error handler (src/server/plugins/errors.ts) reads its statuses here. The web words each code
 * in its own language (web/src/i18n, `errors.<CODE>`), with the server's Chinese message as the
 * fallback.
 */
export const ERROR_CODES = {
  // 400: the request itself is wrong.
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNKNOWN_PARENT: 400,
  UNKNOWN_UNIT: 400,
  UNKNOWN_DIVISION: 400,
  UNIT_REQUIRED: 400,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  PASSWORD_REUSED: 400,
  TOTP_CODE_WRONG: 400,
  INVALID_RUBRIC: 400,
  INVALID_ENTRIES: 400,
  INVALID_SHEET: 400,
  INVALID_POLICY: 400,
  BAD_FILE: 400,
  UNKNOWN_INDICATOR: 400,
  BAD_PERIOD: 400,
  NO_PARTICIPANTS: 400,
  OUTSIDE_SUBTREE: 400,
  NO_YELLOW_FLAG: 400,
  NON_FINITE_SCORE: 400,
  LIGHT_COMPUTED: 400,
  NEEDS_CONFIRMATION: 400,
  MILESTONE_ORDER: 400,
  // 401: who is asking is not known.
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  // 403: known, but not allowed.
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  SELF_REVIEW: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_EXPIRED: 403,
  TOTP_SETUP_REQUIRED: 403,
  // 404: no such thing.
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CONTEST_NOT_FOUND: 404,
  ROUND_NOT_FOUND: 404,
  RUBRIC_NOT_FOUND: 404,
  SERIES_NOT_FOUND: 404,
  NOTHING_TO_FILL: 404,
  // 409: the request is fine but the state of things refuses it.
  CONFLICT: 409,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  DUPLICATE_PERIOD: 409,
  DUPLICATE_APPEAL: 409,
  CYCLE: 409,
  SELF_LOCKOUT: 409,
  ALREADY_INITIALISED: 409,
  NO_RESULTS: 409,
  NO_PUBLISHED_RUBRIC: 409,
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
  NOT_ALL_READY: 409,
  RECTIFICATION_STATE: 409,
  TOTP_NOT_ENROLLING: 409,
  ROLE_CONFLICT: 409,
  MEMBER_TRANSFERRED: 409,
  HOUSEHOLD_BARRED: 409,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  // 413, 415: what was sent is too large or of a kind not read.
  PAYLOAD_TOO_LARGE: 413,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // 429, 5xx.
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in the table's order (the OpenAPI enum of `error.code`). */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** The values a message names (an id, a period, a count), for the web to word it itself. */
export type ErrorParams = Record<string, string | number>;

/**
 * One thing wrong with an input — a cell of an imported sheet, an item of a batch, a field of a
 * rubric or of a request — in `error.details.problems` (DESIGN §5). Every producer uses this one
 * shape; it names where the problem is with whichever of the location fields apply.
 */
export interface Problem {
  /** A stable code of the problem (NOT_A_NUMBER, UNKNOWN_UNIT, REQUIRED …). */
  code: string;
  /** Chinese, for users; the web words `code` + `params` in its language when it can. */
  message: string;
  params?: ErrorParams;
  /** A path into the request or the rubric: `body.name`, `indicators[2].points`. */
  field?: string;
  /** 1-based line of a YAML or JSON text. */
  line?: number;
  /** The worksheet's name; null for CSV. */
  sheet?: string | null;
  /** 1-based row as the user sees it (header = 1); 0 for the whole file. */
  row?: number;
  /** The column's header: an indicator code, `code`, or the header as written. */
  column?: string;
  /** Spreadsheet address such as `C5`, when there is one. */
  cell?: string | null;
  /** The cell's content as text ('' when empty). */
  value?: string;
  /** 0-based position of the item in a batch. */
  index?: number;
  /** The unit (code or id as sent) and the indicator an item names. */
  unit?: string;
  indicator?: string;
}

/** `error.details`: the values of the message, the problems of a batch, and what else helps. */
export interface ErrorDetails {
  params?: ErrorParams;
  problems?: Problem[];
  [key: string]: unknown;
}

/**
 * An expected failure with a stable code (ROUND_CLOSED, NOT_FOUND …) and a message users read
 * (Chinese). The values the message names go in `details.params` so the web can word the code
 * in the user's language; a batch's problems go in `details.problems`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
