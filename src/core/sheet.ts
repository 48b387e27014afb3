// The score sheet (DESIGN §4) as the engine sees it: columnar, one typed array per indicator, so
// that a national round of 620,573 units × 20 indicators is a few flat arrays, not 12 million objects.

import type { ErrorParams } from './errors.ts';
import type { Indicator, Rubric } from './rubric.ts';

/**
 * One round's input. Row i is one unit. `values.get(code)[i]` is the unit's value for that
 * indicator (for `manual`, the score), NaN when missing or empty; for a veto 1 (vetoed) or 0.
 * An indicator absent from `values` counts as empty for every unit.
 */
export interface Sheet {
  codes: string[];
  names: string[];
  /** '' when the contest has no groups. */
  groups: string[];
  values: Map<string, Float64Array>;
}

/** One unit as a plain object, for building small sheets (tests, the server's entries). */
export interface SheetRow {
  code: string;
  name: string;
  group?: string;
  values: Record<string, number | boolean | null | undefined>;
}

/** Builds a columnar sheet from rows; absent, null and undefined values are missing (NaN). */
export function sheetFromRows(rubric: Rubric, rows: readonly SheetRow[]): Sheet {
  const n = rows.length;
  const values = new Map<string, Float64Array>();
  for (const indicator of rubric.indicators) {
    const column = new Float64Array(n).fill(Number.NaN);
    rows.forEach((row, i) => {
      const v = row.values[indicator.code];
      if (v === true) column[i] = 1;
      else if (v === false) column[i] = 0;
      else if (typeof v === 'number') column[i] = v;
    });
    values.set(indicator.code, column);
  }
  return {
    codes: rows.map((r) => r.code),
    names: rows.map((r) => r.name),
    groups: rows.map((r) => r.group ?? ''),
    values,
  };
}

/** A reason a value cannot stand: a stable code, a Chinese message and the values it names. */
export interface ValueProblem {
  code: 'NOT_A_NUMBER' | 'NEGATIVE' | 'OUT_OF_RANGE' | 'BAD_VETO' | 'TOO_LARGE';
  message: string;
  params?: ErrorParams;
}

/**
 * The largest magnitude a value may have: 10^15, the digits Excel keeps. Bounded values and a
 * rubric's bounded points (./rubric.ts MAX_POINTS) keep every score and total finite: an
 * uncapped bonus of 1e308 would make the total Infinity, and a range indicator spanning
 * ±1.7e308 would divide by Infinity and score everyone 0.
 */
export const MAX_VALUE = 1e15;

/**
 * Checks one present (non-NaN) value against its indicator, per DESIGN §3: `manual` lies in
 * [0, P]; `target`, `relative`, `deduction` and `bonus` are ≥ 0; a veto is 1 or 0; no value
 * exceeds {@link MAX_VALUE} in magnitude.
 */
export function checkValue(indicator: Indicator, value: number): ValueProblem | undefined {
  if (!Number.isFinite(value)) {
    return { code: 'NOT_A_NUMBER', message: '不是有限的数字' };
  }
  if (Math.abs(value) > MAX_VALUE) {
    return {
      code: 'TOO_LARGE',
      message: '数值过大，绝对值不能超过10的15次方',
    };
  }
  if (indicator.kind === 'veto') {
    return value === 0 || value === 1
      ? undefined
      : {
          code: 'BAD_VETO',
          message: '一票否决只能填 1/0、是/否 或 true/false',
        };
  }
  if (indicator.kind !== 'scored') {
    return value < 0 ? { code: 'NEGATIVE', message: '不能为负数' } : undefined;
  }
  if (indicator.method === 'manual') {
    return value < 0 || value > indicator.points
      ? {
          code: 'OUT_OF_RANGE',
          message: `人工评分必须在0到${indicator.points}之间`,
          params: { reason: 'manual', max: indicator.points },
        }
      : undefined;
  }
  if ((indicator.method === 'target' || indicator.method === 'relative') && value < 0) {
    return { code: 'NEGATIVE', message: '不能为负数' };
  }
  return undefined;
}

/** A bad value found by {@link checkSheet}: `row` is the 0-based unit index in the sheet. */
export interface SheetValueProblem extends ValueProblem {
  row: number;
  indicator: string;
  value: number;
}

/**
 * Every bad value of a sheet against the rubric: the engine assumes a sheet that passes.
 * Columns of the wrong length are a programming error and throw.
 */
export function checkSheet(rubric: Rubric, sheet: Sheet): SheetValueProblem[] {
  const problems: SheetValueProblem[] = [];
  const n = sheet.codes.length;
  if (sheet.names.length !== n || sheet.groups.length !== n) {
    throw new RangeError('sheet columns codes, names and groups differ in length');
  }
  for (const indicator of rubric.indicators) {
    const column = sheet.values.get(indicator.code);
    if (!column) continue;
    if (column.length !== n)
      throw new RangeError(`sheet column ${indicator.code} has the wrong length`);
    for (let i = 0; i < n; i++) {
      const v = column[i]!;
      if (Number.isNaN(v)) continue;
      const problem = checkValue(indicator, v);
      if (problem) problems.push({ ...problem, row: i, indicator: indicator.code, value: v });
    }
  }
  return problems;
}
