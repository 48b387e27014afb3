import { describe, expect, it } from 'vitest';
import { plausibilityWarning, readCell, readNumberText } from './number-text.ts';
import type { Indicator } from './rubric.ts';

const ratio: Indicator = {
  kind: 'scored',
  code: 'A1',
  name: '覆盖率',
  points: 40,
  method: 'target',
  better: 'higher',
  target: 0.8,
  unit: 'ratio',
};
const manual: Indicator = {
  kind: 'scored',
  code: 'B1',
  name: '评分',
  points: 30,
  method: 'manual',
  better: 'higher',
};
const veto: Indicator = { kind: 'veto', code: 'V', name: '否决' };

describe('readNumberText', () => {
  it('reads plain, percent, full-width and grouped numbers alike', () => {
    expect(readNumberText('0.85')).toEqual({ value: 0.85, percent: false });
    expect(readNumberText('85%')).toEqual({ value: 0.85, percent: true });
    expect(readNumberText('82%')?.value).toBe(0.82);
    expect(readNumberText('０.８２')?.value).toBe(0.82);
    expect(readNumberText('８５％')?.value).toBe(0.85);
    expect(readNumberText('1,234.5')?.value).toBe(1234.5);
    expect(readNumberText(' －2.5 ')?.value).toBe(-2.5);
  });
  it('refuses text that is not a number', () => {
    for (const bad of ['', 'abc', '1.2.3', '85 %%', '1,23', '十']) {
      expect(readNumberText(bad)).toBeUndefined();
    }
  });
});

describe('readCell', () => {
  it('takes 85%, 0.85 and ０.８５ as the same value of a ratio', () => {
    for (const text of ['85%', '0.85', '０.８５', '８５％']) {
      expect(readCell(ratio, text)).toEqual({ ok: true, value: 0.85 });
    }
  });
  it('refuses a ratio over 100 % with a clear message', () => {
    const reading = readCell(ratio, '120%');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toContain('比率不能超过100%');
  });
  it('warns, without refusing, about 82 for a ratio', () => {
    const reading = readCell(ratio, '82');
    expect(reading).toMatchObject({ ok: true, value: 82 });
    if (reading.ok) {
      expect(reading.warning?.message).toContain('0.82');
      expect(reading.warning).toMatchObject({
        code: 'RATIO_AS_PERCENT',
        params: { suggested: '0.82' },
      });
    }
  });
  it('warns about a value far beyond a small target even without a unit', () => {
    const { unit: _unit, ...plain } = ratio as Extract<Indicator, { kind: 'scored' }>;
    expect(plausibilityWarning(plain, 82)?.message).toContain('远超目标值');
    expect(plausibilityWarning(plain, 0.9)).toBeUndefined();
  });
  it('checks manual scores against their points and names bad text', () => {
    expect(readCell(manual, '35')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(readCell(manual, '24')).toEqual({ ok: true, value: 24 });
    expect(readCell(manual, '二十')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(readCell(manual, '  ')).toEqual({ ok: true, value: null });
  });
  it('reads a veto as 是/否, 1/0 or true/false', () => {
    expect(readCell(veto, '是')).toEqual({ ok: true, value: 1 });
    expect(readCell(veto, 'false')).toEqual({ ok: true, value: 0 });
    expect(readCell(veto, '也许')).toMatchObject({ ok: false, code: 'BAD_VETO' });
  });
});
