// Red and yellow flags (红旗/黄旗) by the rubric's flag rules, per group: DESIGN §3.
import type { Grouping } from './rank.ts';
import type { FlagRules } from './rubric.ts';

export const FLAG_NONE = 0;
export const FLAG_RED = 1;
export const FLAG_YELLOW = 2;
export type FlagName = 'red' | 'yellow' | null;

/** 'red', 'yellow' or null for a flag code. */
export function flagName(flag: number): FlagName {
  return flag === FLAG_RED ? 'red' : flag === FLAG_YELLOW ? 'yellow' : null;
}

/**
 * ceil(n × p / 100), immune to binary noise in n × p (e.g. 3 × 33.3333…): a product within 1e-9
 * of an integer counts as that integer.
 */
export function percentCount(n: number, percent: number): number {
  const x = (n * percent) / 100;
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r : Math.ceil(x);
}

/** The rank-based part of a rule: rank ≤ every limit given (Infinity when none is given). */
function rankLimit(n: number, count: number | undefined, percent: number | undefined): number {
  let limit = Number.POSITIVE_INFINITY;
  if (count !== undefined) limit = Math.min(limit, count);
  if (percent !== undefined) limit = Math.min(limit, percentCount(n, percent));
  return limit;
}

/**
 * Awards flags per group of n units (n counts every unit of the group, vetoed ones included).
 * Red: rank ≤ top, rank ≤ ceil(n × topPercent / 100), total ≥ minScore — every condition given
 * must hold. Yellow: bottom rank (1 + units ranked below) ≤ bottom, ≤ ceil(n × bottomPercent /
 * 100), total < below — likewise. Ties at an edge share a rank, so they are all included.
 * A vetoed unit always gets yellow — even when the rubric has no yellow rule, since DESIGN §3
 * says "always" — and never red; a unit that qualifies for both gets red.
 * With `minGroup` M, a group of fewer than M units gets no flag but a vetoed unit's yellow: two
 * streets ranked apart must not take one red and one yellow every month.
 */
export function awardFlags(
  rules: FlagRules,
  grouping: Grouping,
  ranks: Int32Array,
  bottoms: Int32Array,
  totals: Float64Array,
  vetoed: Uint8Array,
  flags: Uint8Array = new Uint8Array(ranks.length),
): Uint8Array {
  const n = ranks.length;
  const { red, yellow } = rules;
  const redLimit = new Float64Array(grouping.count);
  const yellowLimit = new Float64Array(grouping.count);
  const minGroup = rules.minGroup ?? 0;
  for (let g = 0; g < grouping.count; g++) {
    const size = grouping.sizes[g]!;
    const allowed = size >= minGroup;
    redLimit[g] = red && allowed ? rankLimit(size, red.top, red.topPercent) : 0;
    yellowLimit[g] = yellow && allowed ? rankLimit(size, yellow.bottom, yellow.bottomPercent) : 0;
  }
  const minScore = red?.minScore ?? Number.NEGATIVE_INFINITY;
  const below = yellow?.below ?? Number.POSITIVE_INFINITY;
  const of = grouping.of;
  for (let i = 0; i < n; i++) {
    const g = of[i]!;
    if (vetoed[i] === 1) flags[i] = FLAG_YELLOW;
    else if (red && ranks[i]! <= redLimit[g]! && totals[i]! >= minScore) flags[i] = FLAG_RED;
    else if (yellow && bottoms[i]! <= yellowLimit[g]! && totals[i]! < below) flags[i] = FLAG_YELLOW;
    else flags[i] = FLAG_NONE;
  }
  return flags;
}

/**
 * Whether a round awards flags (DESIGN §2): its cadence must be one of the contest's flag
 * cadences, and a round derived from others (a quarter from its months) awards none when those
 * others already award theirs — a flag is never counted twice. A contest whose quarters award
 * their own lists `quarter` and not `month`.
 */
export function roundAwardsFlags(
  flagCadences: readonly string[],
  cadence: string,
  derivedFrom?: string,
): boolean {
  if (!flagCadences.includes(cadence)) return false;
  return derivedFrom === undefined || !flagCadences.includes(derivedFrom);
}
