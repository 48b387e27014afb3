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

// The server words a message Chinese first, then English after a space
// ("单位不存在 unit not found: 42"); the split is at the first space before a lowercase word,
// so a Chinese sentence holding a code or a period ("第2026-W23期已发布") stays whole.
const ENGLISH_TAIL = /\s+(?=[a-z])/;

// Messages of the pure engine (src/core) put the English in parentheses at the end:
// "分值必须大于0 (points must be > 0)".
const PAREN_TAIL = /\s*[(（]([^()（）]*[A-Za-z][^()（）]*)[)）]\s*$/u;

function splitMessage(message: string): { chinese?: string; english?: string } {
  const paren = PAREN_TAIL.exec(message);
  if (paren && HAN.test(message.slice(0, paren.index))) {
    return { chinese: message.slice(0, paren.index).trim(), english: paren[1]!.trim() };
  }
  const at = message.search(ENGLISH_TAIL);
  const head = (at < 0 ? message : message.slice(0, at)).trim();
  const tail = at < 0 ? '' : message.slice(at).trim();
  if (!HAN.test(head)) return { english: message.trim() };
  return {
    chinese: head.replace(/[\s:：,，]+$/u, ''),
    ...(tail ? { english: tail.charAt(0).toUpperCase() + tail.slice(1) } : {}),
  };
}

/**
 * One line of the pure engine (src/core), whose messages still carry their English in
 * parentheses ("分值必须大于0 (points must be > 0)"): the part in the user's language.
 */
export function localizedText(message: string, language: string): string {
  const own = splitMessage(message);
  if (language.startsWith('zh')) return own.chinese ?? message;
  return own.english ?? message;
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
 * The code in the user's language (`errors.<CODE>` with `details.params`) when that language
 * words it; else the server's own message (Chinese, naming the particulars; STYLE §12); else a
 * sentence for the HTTP status.
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const clientKey = BY_CODE[error.code];
  if (clientKey && !error.serverMessage) return t(clientKey);
  const key = `errors.${error.code}`;
  const params = paramsOf(error);
  // A message that still carries its own English ("单位不存在 unit not found: 42") and no params
  // is more specific than the code's generic English sentence.
  const ownEnglish =
    !language.startsWith('zh') &&
    Object.keys(params).length === 0 &&
    error.serverMessage !== undefined &&
    splitMessage(error.serverMessage).english !== undefined &&
    HAN.test(error.serverMessage);
  if (!ownEnglish && i18n.getResource(language, 'translation', key) !== undefined) {
    const text = String(t(key as never, params as never));
    // A placeholder the server left unfilled would show as {{name}}: its own words are better.
    if (!text.includes('{{') || !error.serverMessage) return text;
  }
  const own = error.serverMessage ? localizedText(error.serverMessage, language) : '';
  // Never an English-only line (Fastify's own words) in the Chinese UI.
  if (own && (!language.startsWith('zh') || HAN.test(own))) return own;
  return t(clientKey ?? keyForStatus(error.status));
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code.endsWith('NOT_FOUND'));
}
