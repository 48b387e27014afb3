// Scores of one indicator for every unit, per DESIGN §3, as integers scaled by 10^precision
// (Excel-rounded), so totals are exact sums and ranks can be counted. One small function per
// method and direction keeps each hot loop simple for the optimiser.
import { excelRoundScaled, pow10, roundScaled } from './excel-round.ts';
import { type Grouping, integerKey, RankScratch, rankKey } from './rank.ts';
import type { AdjustmentIndicator, Ranking, ScoredIndicator } from './rubric.ts';

/** clamp(r, 0, 1); NaN stays NaN. */
function clamp01(r: number): number {
  return Math.min(Math.max(r, 0), 1);
}

/** Per group: the lowest and highest present value (±Infinity when the group has none). */
function groupExtremes(
  values: Float64Array,
  grouping: Grouping,
): { min: Float64Array; max: Float64Array } {
  const min = new Float64Array(grouping.count).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(grouping.count).fill(Number.NEGATIVE_INFINITY);
  const of = grouping.of;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const g = of[i]!;
    if (v < min[g]!) min[g] = v;
    if (v > max[g]!) max[g] = v;
  }
  return { min, max };
}

function manual(values: Float64Array, p: number, out: Float64Array): void {
  const s10 = pow10(p);
  for (let i = 0; i < values.length; i++) out[i] = roundScaled(values[i]!, s10, p);
}

/** P × clamp(value / target, 0, 1). */
function targetHigher(
  values: Float64Array,
  P: number,
  t: number,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const r = v / t;
    out[i] = Number.isNaN(v) ? Number.NaN : roundScaled(P * clamp01(r), s10, p);
  }
}

/** P × clamp(target / value, 0, 1); reaching or beating the target (down to 0) earns P. */
function targetLower(
  values: Float64Array,
  P: number,
  t: number,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const r = t / v;
    out[i] = Number.isNaN(v)
      ? Number.NaN
      : v === 0
        ? roundScaled(P, s10, p)
        : roundScaled(P * clamp01(r), s10, p);
  }
}

/** P × value / best, best the group's highest value; best ≤ 0 scores 0. */
function relativeHigher(
  values: Float64Array,
  of: Int32Array,
  max: Float64Array,
  P: number,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const best = max[of[i]!]!;
    out[i] = Number.isNaN(v) ? Number.NaN : best <= 0 ? 0 : roundScaled((P * v) / best, s10, p);
  }
}

/** P × best / value, best the group's lowest value; value 0 scores P. */
function relativeLower(
  values: Float64Array,
  of: Int32Array,
  min: Float64Array,
  P: number,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = Number.isNaN(v)
      ? Number.NaN
      : v === 0
        ? roundScaled(P, s10, p)
        : roundScaled((P * min[of[i]!]!) / v, s10, p);
  }
}

/** P × (value − min) / (max − min), or (max − value) when lower is better; all equal scores P. */
function range(
  values: Float64Array,
  of: Int32Array,
  min: Float64Array,
  max: Float64Array,
  P: number,
  lower: boolean,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  const full = excelRoundScaled(P, p);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const g = of[i]!;
    const lo = min[g]!;
    const hi = max[g]!;
    if (Number.isNaN(v)) out[i] = Number.NaN;
    else if (hi === lo) out[i] = full;
    else
      out[i] = roundScaled(lower ? (P * (hi - v)) / (hi - lo) : (P * (v - lo)) / (hi - lo), s10, p);
  }
}

/** P − step × (r − 1), not below floor; r = 0 marks a missing value. */
function byPlace(
  rank: Int32Array,
  P: number,
  step: number,
  floor: number,
  p: number,
  out: Float64Array,
): void {
  const s10 = pow10(p);
  for (let i = 0; i < rank.length; i++) {
    const r = rank[i]!;
    const x = P - step * (r - 1);
    out[i] = r === 0 ? Number.NaN : roundScaled(Math.max(x, floor), s10, p);
  }
}

function negate(values: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) out[i] = -values[i]!;
  return out;
}

/** The score of the first band whose threshold the value reaches (≥; ≤ when lower); else 0. */
function bands(
  values: Float64Array,
  thresholds: Float64Array,
  scores: Float64Array,
  lower: boolean,
  out: Float64Array,
): void {
  const k = thresholds.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    let s = 0;
    for (let b = 0; b < k; b++) {
      if (lower ? v <= thresholds[b]! : v >= thresholds[b]!) {
        s = scores[b]!;
        break;
      }
    }
    out[i] = s;
  }
}

/**
 * Scores a scored indicator: unit i's Excel-rounded score × 10^precision, or NaN when its value
 * is missing (the caller counts a missing value as 0 and lists it). Best, min, max and the `rank`
 * method's places are taken per group over present values only.
 */
export function scoreScored(
  indicator: ScoredIndicator,
  values: Float64Array,
  grouping: Grouping,
  precision: number,
  out: Float64Array = new Float64Array(values.length),
  scratch: RankScratch = new RankScratch(values.length),
): Float64Array {
  const P = indicator.points;
  const lower = indicator.better === 'lower';
  const p = precision;
  switch (indicator.method) {
    case 'manual':
      manual(values, p, out);
      break;
    case 'target':
      if (lower) targetLower(values, P, indicator.target!, p, out);
      else targetHigher(values, P, indicator.target!, p, out);
      break;
    case 'relative': {
      const { min, max } = groupExtremes(values, grouping);
      if (lower) relativeLower(values, grouping.of, min, P, p, out);
      else relativeHigher(values, grouping.of, max, P, p, out);
      break;
    }
    case 'range': {
      const { min, max } = groupExtremes(values, grouping);
      range(values, grouping.of, min, max, P, lower, p, out);
      break;
    }
    case 'rank': {
      // `out` doubles as the negated key until the scores overwrite it.
      const key = integerKey(lower ? negate(values, out) : values, scratch, scratch.floats);
      // r is the competition rank of the value whatever the rubric's ranking: DESIGN §3.
      const { rank } = rankKey(key, grouping, {
        mode: 'competition',
        into: scratch.ranks,
        scratch,
      });
      byPlace(rank, P, indicator.step!, indicator.floor ?? 0, p, out);
      break;
    }
    case 'bands': {
      const list = indicator.bands!;
      const thresholds = Float64Array.from(list, (b) => b[0]);
      const scores = Float64Array.from(list, (b) => excelRoundScaled(b[1], p));
      bands(values, thresholds, scores, lower, out);
      break;
    }
  }
  return out;
}

/**
 * One scored indicator of a round (./rank-round.ts), on whichever thread runs it: scores
 * × 10^precision into `scores` (NaN = missing), 单项排名 by score within groups into `ranks`, each
 * score added to `total` (× 10^precision, missing as 0), and `scores` unscaled in place (missing
 * as 0). `values` may be `scores` itself: every method reads a unit's value before writing its
 * score. With `tieBreak`, the scaled scores (missing as 0) are copied there before unscaling.
 */
export function scoreAndRankScored(
  indicator: ScoredIndicator,
  values: Float64Array,
  grouping: Grouping,
  precision: number,
  mode: Ranking,
  out: { scores: Float64Array; ranks: Int32Array; total: Float64Array; tieBreak?: Float64Array },
  scratch: RankScratch,
): void {
  const { scores, ranks, total, tieBreak } = out;
  scoreScored(indicator, values, grouping, precision, scores, scratch);
  if (tieBreak) {
    for (let i = 0; i < scores.length; i++) tieBreak[i] = !Number.isNaN(scores[i]) ? scores[i]! : 0;
  }
  // A valid sheet keeps every score within [0, P]: the bounds spare a pass, and the ranking's
  // last pass also adds the scores to the totals and unscales them.
  const bounds = [0, excelRoundScaled(indicator.points, precision)] as const;
  const accumulate = { total, scale: pow10(precision) };
  rankKey(scores, grouping, { mode, into: ranks, scratch, bounds, accumulate });
}

/**
 * Scores a bonus or deduction: value × per, at most cap, Excel-rounded and signed (a deduction
 * is negative), × 10^precision. An empty cell means none and scores 0.
 */
export function scoreAdjustment(
  indicator: AdjustmentIndicator,
  values: Float64Array | undefined,
  n: number,
  precision: number,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  out.fill(0);
  if (!values) return out;
  const cap = indicator.cap ?? Number.POSITIVE_INFINITY;
  const sign = indicator.kind === 'deduction' ? -1 : 1;
  const per = indicator.per;
  const s10 = pow10(precision);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const x = v * per;
    const s = roundScaled(Math.min(x, cap), s10, precision);
    out[i] = s === 0 ? 0 : sign * s;
  }
  return out;
}
