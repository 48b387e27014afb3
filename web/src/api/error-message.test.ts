import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST } from '../../../src/core/errors.ts';
import { readCell } from '../../../src/core/number-text.ts';
import { parseRubric } from '../../../src/core/rubric.ts';
import { en } from '../i18n/en.ts';
import { errorCodesZhCN } from '../i18n/error-codes.ts';
import { errorCodesEn, errorReasonsEn, problemCodesEn } from '../i18n/error-codes-en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { ApiError } from './client.ts';
import { errorMessage, isNotFound, problemText } from './error-message.ts';

// Fixed per language, as useTranslation hands them to components.
const tr = (language: string) => i18n.getFixedT(language);

beforeAll(async () => {
  await i18n.init({
    resources: {
      'zh-CN': { translation: { ...zhCN, errors: { ...zhCN.errors, ...errorCodesZhCN } } },
      en: {
        translation: {
          ...en,
          errors: { ...en.errors, ...errorCodesEn, ...errorReasonsEn },
          problemCodes: problemCodesEn,
        },
      },
    },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

describe('errorMessage', () => {
  it('shows the server’s Chinese message in Chinese: it names the particulars', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在：42', { params: { unit: '42' } });
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('单位不存在：42');
  });

  it('keeps a Chinese message that names a period or a code whole', () => {
    const error = new ApiError(409, 'ROUND_CLOSED', '第2026-W23期已发布，不能修改');
    expect(errorMessage(error, tr('zh-CN'), 'zh-CN')).toBe('第2026-W23期已发布，不能修改');
  });

  it('words the code in English with the values of details.params', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在：42', { params: { unit: '42' } });
    expect(errorMessage(error, tr('en'), 'en')).toBe('Unit 42 was not found.');
  });

  it('picks the case of a code by params.reason, and the code’s own sentence without one', () => {
    const noFile = new ApiError(400, 'VALIDATION', '缺少文件', {
      params: { reason: 'noFile' },
    });
    expect(errorMessage(noFile, tr('en'), 'en')).toBe(errorReasonsEn.VALIDATION_noFile);
    expect(errorMessage(noFile, tr('zh-CN'), 'zh-CN')).toBe('缺少文件');
    const plain = new ApiError(400, 'VALIDATION', '请求参数有误');
    expect(errorMessage(plain, tr('en'), 'en')).toBe(errorCodesEn.VALIDATION);
    const unknownCase = new ApiError(400, 'VALIDATION', '请求参数有误', {
      params: { reason: 'noSuchCase' },
    });
    expect(errorMessage(unknownCase, tr('en'), 'en')).toBe(errorCodesEn.VALIDATION);
  });

  it('fills a case’s values: the file limit and its unit', () => {
    const error = new ApiError(413, 'PAYLOAD_TOO_LARGE', '佐证材料不能超过 20 MB', {
      params: { reason: 'fileLimit', limit: 20, unit: 'MB' },
    });
    expect(errorMessage(error, tr('en'), 'en')).toBe('The file exceeds the 20 MB limit.');
  });

  it('falls back to the server’s text when the sentence names a value the error lacks', () => {
    const error = new ApiError(404, 'UNIT_NOT_FOUND', '单位不存在：42');
    expect(errorCodesEn.UNIT_NOT_FOUND).toContain('{{unit}}');
    expect(errorMessage(error, tr('en'), 'en')).toBe('单位不存在：42');
  });

  it('words a code without a message in Chinese, never an English-only line', () => {
    const english = new ApiError(401, 'UNAUTHENTICATED', 'unauthorized');
    expect(errorMessage(english, tr('zh-CN'), 'zh-CN')).toBe(errorCodesZhCN.UNAUTHENTICATED);
    const none = new ApiError(401, 'INVALID_CREDENTIALS', undefined);
    expect(errorMessage(none, tr('zh-CN'), 'zh-CN')).toBe(errorCodesZhCN.INVALID_CREDENTIALS);
    expect(errorMessage(none, tr('en'), 'en')).toBe(errorCodesEn.INVALID_CREDENTIALS);
  });

  it('falls back to the status, then to the server’s message, for an unknown code', () => {
    expect(errorMessage(new ApiError(503, 'HTTP_ERROR', undefined), tr('en'), 'en')).toBe(
      en.errors.server,
    );
    expect(errorMessage(new ApiError(418, 'TEAPOT', '茶壶'), tr('en'), 'en')).toBe('茶壶');
    expect(errorMessage(new ApiError(418, 'TEAPOT', 'teapot'), tr('zh-CN'), 'zh-CN')).toBe(
      zhCN.errors.unknown,
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

describe('the words of the codes', () => {
  it('has a Chinese and an English sentence for every code of the server’s table', () => {
    for (const code of ERROR_CODE_LIST) {
      expect(errorCodesZhCN[code], code).toMatch(/\p{Script=Han}/u);
      expect(errorCodesEn[code], code).toMatch(/[a-z]/);
    }
  });

  it('words a case only of a code in the table', () => {
    for (const key of Object.keys(errorReasonsEn)) {
      expect(
        ERROR_CODE_LIST.some((code) => key.startsWith(`${code}_`)),
        key,
      ).toBe(true);
    }
  });
});

describe('problemText', () => {
  it('shows a problem’s Chinese message in Chinese and its code’s words in English', () => {
    const cell = readCell(
      { kind: 'scored', code: 'A1', method: 'manual', points: 10 } as never,
      '12',
    );
    expect(cell.ok).toBe(false);
    if (cell.ok) return;
    expect(problemText(cell, tr('zh-CN'), 'zh-CN')).toBe('人工评分必须在0到10之间');
    expect(problemText(cell, tr('en'), 'en')).toBe('A manual score must lie between 0 and 10.');
  });

  it('words a rubric’s syntax error with the parser’s own detail', () => {
    const parsed = parseRubric('{"indicators": [', 'json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const [problem] = parsed.problems;
    expect(problem?.message).toBe('JSON格式错误');
    expect(problemText(problem!, tr('en'), 'en')).toMatch(/^JSON syntax error: \S/);
  });

  it('falls back to the message for a code English does not word', () => {
    const problem = { code: 'SOMETHING_NEW', message: '新的问题' };
    expect(problemText(problem, tr('en'), 'en')).toBe('新的问题');
  });
});
