import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { ApiError } from './client.ts';
import { errorMessage, isNotFound } from './error-message.ts';

// Fixed per language, as useTranslation hands them to components.
const tr = (language: string) => i18n.getFixedT(language);

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

describe('errorMessage', () => {
  it('shows the Chinese part of a bilingual server message in the Chinese UI', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在 unit not found: 42');
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('单位不存在');
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
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在 unit not found: 42');
    expect(errorMessage(error, tr('en'), 'en')).toBe(en.errors.notFound);
  });

  it('falls back to the status, then to the English part, for an unknown code', () => {
    expect(errorMessage(new ApiError(503, 'HTTP_ERROR', undefined), tr('en'), 'en')).toBe(
      en.errors.server,
    );
    expect(errorMessage(new ApiError(418, 'TEAPOT', '茶壶 i am a teapot'), tr('en'), 'en')).toBe(
      'I am a teapot',
    );
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
