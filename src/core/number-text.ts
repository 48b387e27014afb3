// Numbers as people type them, in the grid, the API and the sheets alike: one reading everywhere,
// so "85%", "0.85" and full-width "０.８５" mean the same on every path (DESIGN §4).
import type { ErrorParams } from './errors.ts';
import type { Indicator } from './rubric.ts';
import { checkValue, type ValueProblem } from './sheet.ts';

/** A number read from text; `percent` when it was written with a % sign (the value is divided). */
export interface NumberText {
  value: number;
  percent: boolean;
}

/** Full-width forms (８５％, ０.８２, －3) read as ASCII; the ideographic full stop 。 as a point. */
export function normalizeNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\uFE63]/g, '-')
    .replace(/。/g, '.');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A number typed as text: plain, with thousands separators (1,234.5), full-width digits, or a
 * percent (85% → 0.85). Undefined when it is not a number.
 */
export function readNumberText(raw: string): NumberText | undefined {
  let text = normalizeNumberText(raw).trim();
  let percent = false;
  if (text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    percent = true;
  }
  if (GROUPED.test(text)) text = text.replaceAll(',', '');
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) return undefined;
  // 82% is 0.82 exactly, not 0.8200000000000001: divide on the decimal digits.
  return { value: percent ? Number((n / 100).toPrecision(15)) : n, percent };
}

/** {@link readNumberText}'s value alone. */
export function parseNumberText(raw: string): number | undefined {
  return readNumberText(raw)?.value;
}

/** A unit that makes values fractions of one (completion rates, coverage): 0–1, typed 0.85 or 85%. */
export const RATIO_UNIT = 'ratio';

/** The range an indicator's values plausibly lie in: its `plausible`, or 0–1 for a ratio. */
export function plausibleRange(indicator: Indicator): [number, number] | undefined {
  if (indicator.kind !== 'scored') return undefined;
  if (indicator.plausible) return indicator.plausible;
  if (indicator.unit === RATIO_UNIT) return [0, 1];
  return undefined;
}

/**
 * A refusal for a percent that cannot stand: a ratio over 100 % (120% of a coverage rate is a
 * typing slip, not a value). Undefined when the text is fine.
 */
export function percentProblem(indicator: Indicator, read: NumberText): ValueProblem | undefined {
  if (!read.percent || indicator.kind !== 'scored' || indicator.unit !== RATIO_UNIT)
    return undefined;
  if (read.value > 1) {
    const percent = formatPlain(read.value * 100);
    return {
      code: 'OUT_OF_RANGE',
      message: `比率不能超过100%（填了${percent}%）`,
      params: { reason: 'percent', percent },
    };
  }
  return undefined;
}

function formatPlain(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/**
 * A warning (not a refusal) for a value outside what the indicator plausibly takes: 82 for a
 * ratio (did they mean 82 %?), or a value far beyond a small target. The value is saved if the
 * user insists; the warning only asks them to look again.
 */
/** A warning about a value: a stable code, a Chinese message and the values it names. */
export interface CellWarning {
  code: 'RATIO_AS_PERCENT' | 'IMPLAUSIBLE' | 'BEYOND_TARGET';
  message: string;
  params: ErrorParams;
}

export function plausibilityWarning(indicator: Indicator, value: number): CellWarning | undefined {
  if (indicator.kind !== 'scored' || !Number.isFinite(value)) return undefined;
  const range = plausibleRange(indicator);
  if (range) {
    const [low, high] = range;
    if (value >= low && value <= high) return undefined;
    const shown = formatPlain(value);
    if (indicator.unit === RATIO_UNIT && value > 1 && value <= 100) {
      const suggested = formatPlain(value / 100);
      return {
        code: 'RATIO_AS_PERCENT',
        message: `${shown} 超出比率的合理范围 0–1，是否应为 ${suggested}（${shown}%）？`,
        params: { value: shown, suggested },
      };
    }
    const [from, to] = [formatPlain(low), formatPlain(high)];
    return {
      code: 'IMPLAUSIBLE',
      message: `${shown} 超出合理范围 ${from}–${to}，请核对`,
      params: { value: shown, low: from, high: to },
    };
  }
  if (indicator.method === 'target' && indicator.target !== undefined && indicator.target <= 1) {
    if (value > indicator.target * 10 && value > 1) {
      const [shown, target, suggested] = [value, indicator.target, value / 100].map(formatPlain);
      return {
        code: 'BEYOND_TARGET',
        message: `${shown} 远超目标值 ${target}，是否应为 ${suggested}？`,
        params: { value: shown!, target: target!, suggested: suggested! },
      };
    }
  }
  return undefined;
}

const VETO_YES = ['1', 'true', '是', 'y', 'yes'];
const VETO_NO = ['0', 'false', '否', 'n', 'no'];

/** What a typed cell stands for: a value (null clears) with perhaps a warning, or a refusal. */
export type CellReading =
  | { ok: true; value: number | null; warning?: CellWarning }
  | { ok: false; code: ValueProblem['code']; message: string; params?: ErrorParams };

/**
 * One typed cell read against its indicator, the same way in the grid, the entries API and the
 * sheet import: numbers as {@link readNumberText}, a veto as 1/0、是/否、true/false, then the
 * value checked by DESIGN §3 ({@link checkValue}) and its plausibility.
 */
export function readCell(indicator: Indicator, text: string): CellReading {
  const trimmed = normalizeNumberText(text).trim();
  if (trimmed === '') return { ok: true, value: null };
  if (indicator.kind === 'veto') {
    const lower = trimmed.toLowerCase();
    if (VETO_YES.includes(lower)) return { ok: true, value: 1 };
    if (VETO_NO.includes(lower)) return { ok: true, value: 0 };
    return {
      ok: false,
      code: 'BAD_VETO',
      message: `一票否决只能填 1/0、是/否 或 true/false，不能是「${text.trim()}」`,
    };
  }
  const read = readNumberText(trimmed.replace(/，/g, ','));
  if (!read) {
    return {
      ok: false,
      code: 'NOT_A_NUMBER',
      message: `请填写数字，不能是「${text.trim()}」`,
    };
  }
  const problem = percentProblem(indicator, read) ?? checkValue(indicator, read.value);
  if (problem) return { ok: false, ...problem };
  const warning = plausibilityWarning(indicator, read.value);
  return warning ? { ok: true, value: read.value, warning } : { ok: true, value: read.value };
}
