import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError } from './client.ts';

type ErrorKey =
  | 'errors.network'
  | 'errors.server'
  | 'errors.badResponse'
  | 'errors.badRequest'
  | 'errors.unauthorized'
  | 'errors.forbidden'
  | 'errors.notFound'
  | 'errors.conflict'
  | 'errors.tooLarge'
  | 'errors.rateLimited'
  | 'errors.unknown';

/** Codes the client assigns itself (./client.ts ClientErrorCode), and a server without words. */
const BY_CODE: Record<string, ErrorKey> = {
  NETWORK: 'errors.network',
  BAD_RESPONSE: 'errors.badResponse',
};

function keyForStatus(status: number): ErrorKey {
  if (status === 400 || status === 422) return 'errors.badRequest';
  if (status === 401) return 'errors.unauthorized';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 413) return 'errors.tooLarge';
  if (status === 429) return 'errors.rateLimited';
  if (status >= 500) return 'errors.server';
  return 'errors.unknown';
}

const HAN = /\p{Script=Han}/u;

type Params = Record<string, string | number>;

/**
 * The sentence `key` stands for in `language`, filled with `params`: its `params.reason` case
 * first (`key_<reason>`, i18next's context), then the key itself. Undefined when the language
 * has no such key, or when the sentence names a value `params` lacks (it would show {{name}}).
 */
function worded(t: TFunction, language: string, key: string, params: Params): string | undefined {
  const reason = typeof params.reason === 'string' ? params.reason : undefined;
  const keys = reason ? [`${key}_${reason}`, key] : [key];
  for (const k of keys) {
    if (i18n.getResource(language, 'translation', k) === undefined) continue;
    const text = String(t(k as never, params as never));
    if (!text.includes('{{')) return text;
  }
  return undefined;
}

/**
 * One problem of a batch, a sheet, a rubric or a typed cell (`details.problems`, or a pure core
 * reading in the browser) in the reader's language. Chinese is the problem's own message; English
 * words `problemCodes.<CODE>` with its params and location (row, column, value …), and falls back
 * to the message.
 */
export function problemText(
  problem: { code?: string; message: string; params?: Params },
  t: TFunction,
  language: string,
): string {
  if (language.startsWith('zh') || !problem.code) return problem.message;
  const located: Params = {};
  for (const [name, value] of Object.entries(problem as object)) {
    if (typeof value === 'string' || typeof value === 'number') located[name] = value;
  }
  return (
    worded(t, language, `problemCodes.${problem.code}`, { ...located, ...problem.params }) ??
    problem.message
  );
}

/** The problems a batch or a rubric was refused for: `details.problems`, when present. */
export function problemsOf<T = { message: string }>(error: unknown): T[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as T[]) : [];
}

/** The values the server's message names (`details.params`), for the words of its code. */
export function paramsOf(error: ApiError): Record<string, string | number> {
  const params = (error.details as { params?: unknown } | undefined)?.params;
  return typeof params === 'object' && params !== null
    ? (params as Record<string, string | number>)
    : {};
}

/**
 * A sentence a user can read for any thrown value; never a raw error object.
 * Chinese: the server's own message (Chinese, naming the particulars; STYLE §12), else the
 * code's sentence when its params are all there. Other languages: the code's sentence with
 * `details.params` (`params.reason` picks the case), else the server's message. Else a sentence
 * for the HTTP status.
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const clientKey = BY_CODE[error.code];
  if (clientKey && !error.serverMessage) return t(clientKey);
  const own = error.serverMessage?.trim() ?? '';
  // Never an English-only line (Fastify's own words) in the Chinese UI.
  const chinese = HAN.test(own);
  if (language.startsWith('zh') && chinese) return own;
  const text = worded(t, language, `errors.${error.code}`, paramsOf(error));
  if (text) return text;
  if (own && (chinese || !language.startsWith('zh'))) return own;
  return t(clientKey ?? keyForStatus(error.status));
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code.endsWith('NOT_FOUND'));
}
