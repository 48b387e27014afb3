import type { TFunction } from 'i18next';
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

const BY_CODE: Record<string, ErrorKey> = {
  NETWORK: 'errors.network',
  BAD_RESPONSE: 'errors.badResponse',
  NOT_FOUND: 'errors.notFound',
  UNIT_NOT_FOUND: 'errors.notFound',
  UNAUTHORIZED: 'errors.unauthorized',
  UNAUTHENTICATED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  VALIDATION: 'errors.badRequest',
  BAD_REQUEST: 'errors.badRequest',
  CONFLICT: 'errors.conflict',
  PAYLOAD_TOO_LARGE: 'errors.tooLarge',
  RATE_LIMITED: 'errors.rateLimited',
  INTERNAL: 'errors.server',
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
 * One line written by the server or the engine ("中文 english" or "中文 (english)") in the
 * user's language: the Chinese part in Chinese, the English part (or else the whole) in English.
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

/**
 * A sentence a user can read for any thrown value; never a raw error object.
 * In Chinese the server's own words are preferred ("单位不存在" beats a generic line; the
 * server writes them for users, STYLE §12) but only their Chinese part, so no English reaches
 * the Chinese UI. In English the app's own sentence for the code comes first.
 */
export function errorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const own = error.serverMessage ? splitMessage(error.serverMessage) : {};
  if (language.startsWith('zh') && own.chinese) return own.chinese;
  const key = BY_CODE[error.code] ?? keyForStatus(error.status);
  if (!language.startsWith('zh') && key === 'errors.unknown' && own.english) return own.english;
  return t(key);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code.endsWith('NOT_FOUND'));
}
