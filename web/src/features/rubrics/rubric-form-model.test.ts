import { describe, expect, it } from 'vitest';
import { parseRubric } from '../../../../src/core/rubric.ts';
import {
  addIndicator,
  documentOf,
  formOf,
  moveIndicator,
  nextCode,
  placeOf,
  removeIndicator,
  setMethod,
  setValue,
} from './rubric-form-model.ts';
import { RUBRIC_TEMPLATE } from './rubric-template.ts';

function edit(text: string, change: (d: NonNullable<ReturnType<typeof documentOf>>) => void) {
  const doc = documentOf(text);
  if (!doc) throw new Error('not YAML');
  change(doc);
  return doc.toString();
}

describe('the rubric form writes the YAML document', () => {
  it('keeps comments and the other rows when one value changes', () => {
    const out = edit(RUBRIC_TEMPLATE, (d) => setValue(d, ['indicators', 1, 'points'], 25));
    expect(out).toContain('# 评分标准（YAML 格式）');
    expect(out).toContain('points: 25, method: target');
    const parsed = parseRubric(out);
    expect(parsed.ok && parsed.rubric.indicators.length).toBe(7);
  });

  it('adds a row with the next free code, moves and removes rows', () => {
    const form = formOf(documentOf(RUBRIC_TEMPLATE)!);
    expect(nextCode(form)).toBe('A8');
    let out = edit(RUBRIC_TEMPLATE, (d) => addIndicator(d, 'A8'));
    expect(formOf(documentOf(out)!).indicators.at(-1)?.raw).toEqual({
      code: 'A8',
      name: '',
      points: 10,
      method: 'manual',
    });
    out = edit(out, (d) => moveIndicator(d, 7, -1));
    expect(formOf(documentOf(out)!).indicators.map((i) => i.code)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'B1',
      'B2',
      'A8',
      'V1',
    ]);
    out = edit(out, (d) => removeIndicator(d, 0));
    expect(formOf(documentOf(out)!).indicators[0]?.code).toBe('A2');
  });

  it('switching the method drops the fields the old one took and seeds the new ones', () => {
    let out = edit(RUBRIC_TEMPLATE, (d) => setMethod(d, 1, 'rank'));
    let row = formOf(documentOf(out)!).indicators[1]!;
    expect(row.method).toBe('rank');
    expect(row.raw.target).toBeUndefined();
    expect(row.raw.step).toBe(1);
    out = edit(out, (d) => setMethod(d, 1, 'bands'));
    row = formOf(documentOf(out)!).indicators[1]!;
    expect(row.raw.step).toBeUndefined();
    expect(row.raw.bands).toEqual([[0.9, 30]]);
    out = edit(out, (d) => setMethod(d, 1, 'deduction'));
    row = formOf(documentOf(out)!).indicators[1]!;
    expect(row.raw).toEqual({
      code: 'A2',
      name: '集体经济收入超10万元村占比',
      kind: 'deduction',
      per: 1,
    });
    expect(parseRubric(out).ok).toBe(true);
    out = edit(out, (d) => setMethod(d, 1, 'veto'));
    expect(formOf(documentOf(out)!).indicators[1]!.raw.per).toBeUndefined();
    out = edit(out, (d) => setMethod(d, 1, 'target'));
    row = formOf(documentOf(out)!).indicators[1]!;
    expect(row.raw.kind).toBeUndefined();
    // A target method with no target yet: the validator asks for it.
    const parsed = parseRubric(out);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual(['indicators[1].target']);
  });

  it('writes flag rules, minGroup included, and drops an emptied rule', () => {
    let out = edit(RUBRIC_TEMPLATE, (d) => setValue(d, ['flags', 'minGroup'], 3));
    out = edit(out, (d) => setValue(d, ['flags', 'red', 'minScore'], 90));
    let parsed = parseRubric(out);
    expect(parsed.ok && parsed.rubric.flags).toEqual({
      red: { top: 3, minScore: 90 },
      yellow: { bottom: 2 },
      minGroup: 3,
    });
    out = edit(out, (d) => setValue(d, ['flags', 'yellow', 'bottom'], null));
    parsed = parseRubric(out);
    expect(parsed.ok && parsed.rubric.flags.yellow).toBeUndefined();
    const bare = 'title: 试\nindicators:\n  - { code: A1, name: 甲, points: 10, method: manual }\n';
    out = edit(bare, (d) => setValue(d, ['flags', 'yellow', 'bottomPercent'], 20));
    parsed = parseRubric(out);
    expect(parsed.ok && parsed.rubric.flags).toEqual({ yellow: { bottomPercent: 20 } });
  });

  it('places a validator problem on its row and field', () => {
    const parsed = parseRubric(
      RUBRIC_TEMPLATE.replace('points: 20, method: relative', 'points: 0, method: relative'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(placeOf(parsed.problems[0]!)).toMatchObject({ row: 2, field: 'points' });
  });

  it('refuses to read text that is not YAML (the text view stays the way to fix it)', () => {
    expect(documentOf('title: [unclosed')).toBeUndefined();
    expect(documentOf('- a list\n- not a mapping')).toBeUndefined();
  });
});
