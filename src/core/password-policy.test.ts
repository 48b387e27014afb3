import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  DEFAULT_POLICY,
  isCommonPassword,
  isTrivialPassword,
  passwordExpired,
  passwordProblem,
} from './password-policy.ts';

describe('password policy', () => {
  it('refuses the weak passwords of issue 12 and their usual dressings', () => {
    for (const weak of [
      'aaaaaaaaaa',
      '1234567890',
      'password12',
      'P@ssw0rd!!',
      'qwertyuiop',
      'abcabcabcabc',
      '0987654321',
      'woaini1314',
      'Admin2024!',
    ]) {
      expect(passwordProblem(DEFAULT_POLICY, weak), weak).toBeDefined();
    }
  });

  it('accepts passwords with enough length, classes and no pattern', () => {
    for (const good of ['Correct-Horse-7', 'tq8Zb2mRk4Pw', '黄山铺-2026-春耕']) {
      expect(passwordProblem(DEFAULT_POLICY, good), good).toBeUndefined();
    }
  });

  it('names every rule, with its verdict, in a fixed order', () => {
    const verdicts = checkPassword({ ...DEFAULT_POLICY, minClasses: 3 }, 'zhangsan-xyz', {
      username: 'zhangsan',
    });
    expect(verdicts.map((v) => [v.rule, v.ok])).toEqual([
      ['length', true],
      ['classes', false],
      ['common', true],
      ['trivial', true],
      ['username', false],
    ]);
    expect(verdicts[0]!.text).toContain('至少 10 个字符');
  });

  it('tells trivial and common passwords apart from ordinary ones', () => {
    expect(isTrivialPassword('zxcvbnm,./')).toBe(true);
    expect(isTrivialPassword('ababababab')).toBe(true);
    expect(isTrivialPassword('tq8Zb2mRk4')).toBe(false);
    expect(isCommonPassword('Password123')).toBe(true);
    expect(isCommonPassword('tq8Zb2mRk4')).toBe(false);
  });

  it('expires a password after the policy days, never when expiry is off', () => {
    const changed = '2026-01-01T00:00:00Z';
    const policy = { ...DEFAULT_POLICY, expiryDays: 90 };
    expect(passwordExpired(policy, changed, new Date('2026-03-31T23:59:59Z'))).toBe(false);
    expect(passwordExpired(policy, changed, new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(passwordExpired(DEFAULT_POLICY, changed, new Date('2036-01-01T00:00:00Z'))).toBe(false);
  });
});
