import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClampInput,
  checkRuleCaps,
  clampYear,
  clampYearReference,
  classify,
  looksLikeIdNumber,
  maskName,
  parsePointsPeriod,
  quarterOf,
} from './points.ts';

const rec = (
  id: number,
  item: string,
  points: number,
  itemCap: number | null,
  categoryCap: number | null,
  category = '组织生活',
): ClampInput => ({
  id,
  item,
  category,
  points,
  itemCap,
  categoryCap,
});

describe('clampYear', () => {
  it('cuts an award at its item cap, then at its category cap, and says which', () => {
    const out = clampYear([
      rec(1, '三会一课', 5, 8, 12),
      rec(2, '三会一课', 5, 8, 12),
      rec(3, '主题党日', 5, null, 12),
      rec(4, '主题党日', 5, null, 12),
    ]);
    expect(out.map((c) => [c.counted, c.clampedBy])).toEqual([
      [5, null],
      [3, 'item'],
      [4, 'category'],
      [0, 'category'],
    ]);
  });
  it('counts deductions in full against the category and caps them only by their item', () => {
    const out = clampYear([
      rec(1, '缺席', -5, 8, 10),
      rec(2, '缺席', -5, 8, 10),
      rec(3, '参会', 10, null, 10),
    ]);
    expect(out.map((c) => c.counted)).toEqual([-5, -3, 10]);
  });
  it('matches the obvious reference on any records', () => {
    const record = fc.record({
      item: fc.constantFrom('a', 'b', 'c'),
      category: fc.constantFrom('x', 'y'),
      points: fc.integer({ min: -20, max: 20 }).filter((n) => n !== 0),
      itemCap: fc.option(fc.integer({ min: 0, max: 60 })),
      categoryCap: fc.option(fc.integer({ min: 0, max: 80 })),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (rows) => {
        const input = rows.map((r, i) => ({ id: i + 1, ...r }));
        const fast = clampYear(input);
        expect(fast).toEqual(clampYearReference(input));
        for (const c of fast) {
          expect(Math.abs(c.counted)).toBeLessThanOrEqual(Math.abs(c.points));
          expect(Math.sign(c.counted) === Math.sign(c.points) || c.counted === 0).toBe(true);
        }
      }),
    );
  });
});

describe('rules, ids, periods, classes, masks', () => {
  it('refuses a rule whose cap is below one record', () => {
    expect(checkRuleCaps({ points: 5, itemCap: 3, categoryCap: null })).toMatch(/单项年度上限/);
    expect(checkRuleCaps({ points: 5, itemCap: 10, categoryCap: 4 })).toMatch(/类别年度上限/);
    expect(checkRuleCaps({ points: -5, itemCap: 10, categoryCap: 4 })).toBeNull();
  });
  it('spots 18-digit ID-shaped strings and leaves other numbers alone', () => {
    expect(looksLikeIdNumber('身份证 11010519491231002X')).toBe(true);
    expect(looksLikeIdNumber('371323199001011234')).toBe(true);
    expect(looksLikeIdNumber('电话 13800138000')).toBe(false);
    expect(looksLikeIdNumber('1234567890123456789')).toBe(false);
  });
  it('reads month, quarter and year periods', () => {
    expect(parsePointsPeriod('2026-11')).toMatchObject({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(parsePointsPeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2027-01-01',
    });
    expect(parsePointsPeriod('2026')).toMatchObject({
      kind: 'year',
      from: '2026-01-01',
      to: '2027-01-01',
    });
    expect(parsePointsPeriod('2026-13')).toBeUndefined();
    expect(quarterOf('2026-05-31')).toBe('2026-Q2');
  });
  it('classes by thresholds and by quotas', () => {
    expect(
      classify([95, 60, 20], { mode: 'thresholds', vanguardAtLeast: 90, improveBelow: 30 }),
    ).toEqual(['vanguard', 'qualified', 'improve']);
    const totals = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    expect(classify(totals, { mode: 'quotas', vanguardShare: 0.2, improveShare: 0.1 })).toEqual([
      'vanguard',
      'vanguard',
      'qualified',
      'qualified',
      'qualified',
      'qualified',
      'qualified',
      'qualified',
      'qualified',
      'improve',
    ]);
  });
  it('masks names', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧**月');
  });
});
