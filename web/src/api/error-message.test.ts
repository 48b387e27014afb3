import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { errorCodesZhCN } from '../i18n/error-codes.ts';
import { errorCodesEn } from '../i18n/error-codes-en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { ApiError } from './client.ts';
import { errorMessage, isNotFound } from './error-message.ts';

// Fixed per language, as useTranslation hands them to components.
const tr = (language: string) => i18n.getFixedT(language);

beforeAll(async () => {
  await i18n.init({
    resources: {
      'zh-CN': { translation: { ...zhCN, errors: { ...zhCN.errors, ...errorCodesZhCN } } },
      en: { translation: { ...en, errors: { ...en.errors, ...errorCodesEn } } },
    },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

describe('errorMessage', () => {
  it('shows the server’s Chinese message for a code Chinese does not word itself', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在：42', { params: { id: 42 } });
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('单位不存在：42');
  });

  it('words a code in the user’s language when that language has it', () => {
    const error = new ApiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    expect(errorMessage(error, tr('en'), 'en')).toBe(errorCodesEn.INVALID_CREDENTIALS);
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe(errorCodesZhCN.INVALID_CREDENTIALS);
  });

  it('fills the params of a code’s words, and falls back when one is missing', () => {
    i18n.addResource('en', 'translation', 'errors.ROUND_CLOSED', 'Round {{period}} is closed.');
    const sent = new ApiError(409, 'ROUND_CLOSED', '第2026-06期已发布', {
      params: { period: '2026-06' },
    });
    expect(errorMessage(sent, tr('en'), 'en')).toBe('Round 2026-06 is closed.');
    const unsent = new ApiError(409, 'ROUND_CLOSED', '第2026-06期已发布');
    expect(errorMessage(unsent, tr('en'), 'en')).toBe('第2026-06期已发布');
    i18n.addResource('en', 'translation', 'errors.ROUND_CLOSED', errorCodesEn.ROUND_CLOSED);
  });

  it('keeps a Chinese message that names a period or a code whole', () => {
    const error = new ApiError(409, 'ROUND_CLOSED', '第2026-W23期已发布，不能修改');
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('第2026-W23期已发布，不能修改');
  });

  it('never lets an English-only message into the Chinese UI', () => {
    const error = new ApiError(400, 'BAD_REQUEST', 'body must be object');
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe(zhCN.errors.badRequest);
  });

  it('uses the app’s own sentence for a known code in English', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在：42');
    expect(errorMessage(error, tr('en'), 'en')).toBe(errorCodesEn.UNIT_NOT_FOUND);
  });

  it('prefers a message’s own English, naming its particulars, to the code’s generic words', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在 unit not found: 42');
    expect(errorMessage(error, tr('en'), 'en')).toBe('Unit not found: 42');
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('单位不存在');
  });

  it('falls back to the status, then to the server’s message, for an unknown code', () => {
    expect(errorMessage(new ApiError(503, 'HTTP_ERROR', undefined), tr('en'), 'en')).toBe(
      en.errors.server,
    );
    expect(errorMessage(new ApiError(418, 'TEAPOT', '茶壶'), tr('en'), 'en')).toBe('茶壶');
  });

  it('words a network failure and anything that is not an ApiError', () => {
    expect(errorMessage(new ApiError(0, 'NETWORK', undefined), tr('zh-CN'), 'zh-CN')).toBe(
      zhCN.errors.network,
    );
    expect(errorMessage(new TypeError('x is undefined'), tr('zh-CN'), 'zh-CN')).toBe(
      zhCN.errors.unknown,
    );
  });

  it('recognises not-found answers', () => {
    expect(isNotFound(new ApiError(404, 'UNIT_NOT_FOUND', undefined))).toBe(true);
    expect(isNotFound(new ApiError(500, 'INTERNAL', undefined))).toBe(false);
  });
});
