import { describe, expect, it } from 'vitest';
import { parseRubric } from './rubric.ts';
import { checkSheet, checkValue, sheetFromRows } from './sheet.ts';

const parsed = parseRubric(`title: t
indicators:
  - { code: M, name: 人工, points: 20, method: manual }
  - { code: T, name: 目标, points: 10, method: target, target: 5 }
  - { code: R, name: 相对, points: 10, method: relative }
  - { code: G, name: 区间, points: 10, method: range }
  - { code: K, name: 名次, points: 10, method: rank, step: 1 }
  - { code: D, name: 分档, points: 10, method: bands, bands: [[1, 10]] }
  - { code: B, name: 加分, kind: bonus, per: 1 }
  - { code: X, name: 扣分, kind: deduction, per: 1 }
  - { code: V, name: 否决, kind: veto }
`);
if (!parsed.ok) throw new Error('bad rubric');
const rubric = parsed.rubric;
const byCode = (code: string) => rubric.indicators.find((x) => x.code === code)!;

describe('checkValue: the value rules of DESIGN §3', () => {
  // indicator, value → problem code (or undefined)
  const cases: [string, number, string | undefined][] = [
    ['M', 0, undefined],
    ['M', 20, undefined],
    ['M', 20.01, 'OUT_OF_RANGE'],
    ['M', -0.5, 'OUT_OF_RANGE'],
    ['T', 0, undefined],
    ['T', -1, 'NEGATIVE'],
    ['R', -0.01, 'NEGATIVE'],
    ['R', 1e9, undefined],
    ['G', -50, undefined], // range, rank and bands take any number
    ['K', -3, undefined],
    ['D', -1, undefined],
    ['B', -1, 'NEGATIVE'],
    ['X', -2, 'NEGATIVE'],
    ['X', 0, undefined],
    ['V', 1, undefined],
    ['V', 0, undefined],
    ['V', 2, 'BAD_VETO'],
    ['M', Number.POSITIVE_INFINITY, 'NOT_A_NUMBER'],
  ];
  it.each(cases)('%s = %s → %s', (code, value, problem) => {
    expect(checkValue(byCode(code), value)?.code).toBe(problem);
  });
});

describe('sheetFromRows and checkSheet', () => {
  it('builds columns (null, undefined, absent → NaN; true/false → 1/0) and finds every bad value', () => {
    const sheet = sheetFromRows(rubric, [
      { code: 'u1', name: '甲', group: '镇', values: { M: 25, R: -1, V: true } },
      { code: 'u2', name: '乙', values: { M: null, T: 3, V: false, B: 2 } },
    ]);
    expect(sheet.groups).toEqual(['镇', '']);
    expect([...sheet.values.get('V')!]).toEqual([1, 0]);
    expect([...sheet.values.get('M')!]).toEqual([25, Number.NaN]);
    expect([...sheet.values.get('G')!]).toEqual([Number.NaN, Number.NaN]);
    expect(checkSheet(rubric, sheet).map((p) => [p.row, p.indicator, p.code])).toEqual([
      [0, 'M', 'OUT_OF_RANGE'],
      [0, 'R', 'NEGATIVE'],
    ]);
  });

  it('refuses columns of the wrong length', () => {
    const sheet = sheetFromRows(rubric, [{ code: 'u1', name: '甲', values: {} }]);
    sheet.values.set('M', Float64Array.of(1, 2));
    expect(() => checkSheet(rubric, sheet)).toThrow(RangeError);
  });
});
