// One round, end to end: scores, totals, ranks (per group and overall), per-indicator ranks,
// flags, movement against a previous round and the gaps to the next rank and to the red line.
// The same engine serves `leitai rank`, the server and the web preview.

import { DomainError } from './errors.ts';
import { excelRound, pow10 } from './excel-round.ts';
import { awardFlags, type FlagName, flagName } from './flags.ts';
import { accumulate, type Grouping, groupBy, RankScratch, rankLexicographic } from './rank.ts';
import type { Indicator, Ranking, Rubric, ScoredIndicator } from './rubric.ts';
import { scoreAdjustment, scoreAndRankScored } from './score.ts';
import { MAX_VALUE, type Sheet } from './sheet.ts';

/** A unit's place in an earlier round, for movement. */
export interface PreviousPlace {
  rank: number;
  total: number;
}

/** The previous round: a map by unit code, or the presented results of that round. */
export type PreviousRound =
  | ReadonlyMap<string, PreviousPlace>
  | readonly { code: string; rank: number | null; total: number | null }[];

export interface RankRoundOptions {
  /** The previous round of the contest, for movement (rank change); units matched by code. */
  previous?: PreviousRound;
}

/**
 * A second thread for large boards (io/rank-threads.ts installs one in Node; the web has none).
 * `start` hands it scored indicators, whose values it copies into its own shared columns;
 * `wait` blocks until it has scored and ranked them there (as scoreAndRankScored, missing as 0
 * in its `total`, the sum of their scaled scores per unit) and says whether it succeeded. The
 * columns are the helper's, reused board after board: the caller copies them out.
 */
export interface RankHelper {
  /** Boards below this many units are done in one thread (a thread's hand-off costs time). */
  minUnits: number;
  start(job: HelperJob): HelperRun | undefined;
}

export interface HelperJob {
  indicators: ScoredIndicator[];
  values: Float64Array[];
  grouping: Grouping;
  precision: number;
  mode: Ranking;
}

export interface HelperRun {
  scores: Float64Array[];
  ranks: Int32Array[];
  total: Float64Array;
  wait(): boolean;
}

let helper: RankHelper | undefined;

/** Installs (or with undefined removes) the helper thread rankRound uses for large boards. */
export function setRankHelper(next: RankHelper | undefined): void {
  helper = next;
}

/** The helper thread installed, if any. */
export function rankHelper(): RankHelper | undefined {
  return helper;
}

/**
 * Hands about half the scored indicators (not tieBreak ones, which this thread needs scaled)
 * to the helper, when there is one and the board is large enough.
 */
function helperJob(rubric: Rubric, sheet: Sheet, grouping: Grouping, mode: Ranking) {
  const n = sheet.codes.length;
  if (!helper || n < helper.minUnits) return undefined;
  const eligible = rubric.indicators.filter(
    (x): x is ScoredIndicator =>
      x.kind === 'scored' && sheet.values.has(x.code) && !rubric.tieBreak.includes(x.code),
  );
  // Every other one: this thread keeps the rest, the tieBreak ones and the adjustments.
  const indicators = eligible.filter((_, k) => k % 2 === 0);
  if (indicators.length === 0) return undefined;
  const values = indicators.map((x) => sheet.values.get(x.code)!);
  // The helper's columns are checked before it gets them (this thread checks its own as it
  // comes to them); the first bad value in the rubric's order is the one refused.
  if (values.some((column) => firstTooLarge(column) >= 0)) requireComputableValues(rubric, sheet);
  const run = helper.start({ indicators, values, grouping, precision: rubric.precision, mode });
  return run ? { indicators, run } : undefined;
}

/** One indicator's outcome, row i = unit i of the sheet. */
export interface IndicatorResult {
  indicator: Indicator;
  /** The sheet's values (NaN = empty); for a veto 1 or 0. */
  values: Float64Array;
  /**
   * Rounded scores: a missing scored value and an empty bonus/deduction score 0; deductions are
   * negative; a veto has no score (NaN).
   */
  scores: Float64Array;
  /** 单项排名 of scored indicators by score, among units with a value (0 = none); else undefined. */
  ranks: Int32Array | undefined;
}

/** Movement against the previous round; NaN where the unit is new. */
export interface Movement {
  previousRanks: Float64Array;
  /** previous rank − rank: positive = moved up. */
  rankChanges: Float64Array;
  /** total − previous total, rounded to the rubric's precision. */
  totalChanges: Float64Array;
}

/** A computed round in columns; row i is unit i of the sheet. Present it with presentUnit. */
export interface RoundResult {
  rubric: Rubric;
  sheet: Sheet;
  size: number;
  grouping: Grouping;
  totals: Float64Array;
  /** Rank within the unit's group (DESIGN §3). */
  ranks: Int32Array;
  /** Rank among all units whatever their group: the overall place for reference. */
  overallRanks: Int32Array;
  /** 1 + the number of units of the group ranked below (the yellow-flag count from the bottom). */
  bottomRanks: Int32Array;
  vetoed: Uint8Array;
  /** FLAG_NONE, FLAG_RED or FLAG_YELLOW (./flags.ts). */
  flags: Uint8Array;
  indicators: Map<string, IndicatorResult>;
  /** See {@link gapsToNext}; NaN = none. */
  gapToNext: Float64Array;
  /** See {@link gapsToRed}; NaN = none. */
  gapToRed: Float64Array;
  movement?: Movement;
}

/**
 * Computes a round by DESIGN §3: every indicator scored per group and Excel-rounded; the total
 * the rounded sum; units ranked within their group by (not vetoed, total, tieBreak scores),
 * best first, and overall; every scored indicator ranked by score; flags awarded; with
 * `previous`, movement. Pure: the sheet must have passed `checkSheet` (./sheet.ts).
 */
export function rankRound(
  rubric: Rubric,
  sheet: Sheet,
  options: RankRoundOptions = {},
): RoundResult {
  const n = sheet.codes.length;
  if (sheet.names.length !== n || sheet.groups.length !== n) {
    throw new RangeError('sheet columns codes, names and groups differ in length');
  }
  for (const [code, column] of sheet.values) {
    if (column.length !== n)
      throw new RangeError(`sheet column ${code} has ${column.length} rows, not ${n}`);
  }
  const precision = rubric.precision;
  const scale = pow10(precision);
  const grouping = groupBy(sheet.groups);
  const mode = rubric.ranking;
  // Result columns are separate arrays, not one arena: the allocator reuses freed blocks of
  // this size without faulting in fresh pages, which measured faster on a national round.
  const alloc = new Columns(n);
  const scratch = RankScratch.of(n);
  // Totals are kept × 10^precision: sums of Excel-rounded scores are then exact integers.
  const totalScaled = zeroed(alloc.f64());
  const vetoed = zeroed(alloc.u8());
  const tieBreakScaled = new Map<string, Float64Array>();
  const results = new Map<string, IndicatorResult>();
  // On a large board, a helper thread (io/rank-threads.ts, when installed) takes about half of
  // the scored indicators while this one does the rest: each indicator is scored and ranked by
  // the same function on either thread, and its totals are integer sums, so the result is the
  // same to the bit.
  const helped = helperJob(rubric, sheet, grouping, mode);
  let noScores: Float64Array | undefined;
  let empty: Float64Array | undefined;
  for (const indicator of rubric.indicators) {
    if (helped?.indicators.includes(indicator as ScoredIndicator)) continue;
    let values = sheet.values.get(indicator.code);
    if (!values) {
      empty ??= alloc.f64().fill(Number.NaN);
      values = empty;
    }
    // Values are checked here, just before they are scored (their column is then in the
    // cache), not in a pass over every column first. The error still names the first value in
    // the rubric's order that cannot be scored: the helper is waited for (it holds no bad
    // value: its columns were checked), then requireComputableValues finds that value.
    if (indicator.kind !== 'veto' && firstTooLarge(values) >= 0) {
      helped?.run.wait();
      requireComputableValues(rubric, sheet);
    }
    if (indicator.kind === 'veto') {
      markVetoed(values, vetoed);
      noScores ??= alloc.f64().fill(Number.NaN);
      results.set(indicator.code, { indicator, values, scores: noScores, ranks: undefined });
      continue;
    }
    // Scores are computed × 10^precision straight into their result column (NaN = missing),
    // ranked there, then added to the totals and unscaled in place.
    const scores = alloc.f64();
    if (indicator.kind === 'scored') {
      const k = rubric.tieBreak.indexOf(indicator.code);
      const tieBreak = k >= 0 ? scratch.spareFloats(k + 1) : undefined;
      if (tieBreak) tieBreakScaled.set(indicator.code, tieBreak);
      const ranks = alloc.i32();
      const out = { scores, ranks, total: totalScaled, tieBreak };
      scoreAndRankScored(indicator, values, grouping, precision, mode, out, scratch);
      results.set(indicator.code, { indicator, values, scores, ranks });
    } else {
      scoreAdjustment(indicator, values, n, precision, scores);
      const tieBreak = rubric.tieBreak.indexOf(indicator.code);
      if (tieBreak >= 0) {
        tieBreakScaled.set(
          indicator.code,
          missingAsZero(scores, scratch.spareFloats(tieBreak + 1)),
        );
      }
      accumulate(scores, totalScaled, scale);
      results.set(indicator.code, { indicator, values, scores, ranks: undefined });
    }
  }
  if (helped) {
    const { indicators: theirs, run } = helped;
    const ok = run.wait();
    theirs.forEach((indicator, k) => {
      const values = sheet.values.get(indicator.code)!;
      const scores = alloc.f64();
      const ranks = alloc.i32();
      if (ok) {
        scores.set(run.scores[k]!);
        ranks.set(run.ranks[k]!);
      } else {
        // The helper failed: do its share here.
        const out = { scores, ranks, total: totalScaled };
        scoreAndRankScored(indicator, values, grouping, precision, mode, out, scratch);
      }
      results.set(indicator.code, { indicator, values, scores, ranks });
    });
    if (ok) {
      const total = run.total;
      for (let i = 0; i < n; i++) totalScaled[i]! += total[i]!;
    }
  }
  // The columns in the rubric's order (the order the results present them in).
  const indicators = new Map<string, IndicatorResult>();
  for (const indicator of rubric.indicators)
    indicators.set(indicator.code, results.get(indicator.code)!);
  requireFiniteTotals(sheet, totalScaled, indicators);
  const totals = unscale(totalScaled, scale, alloc.f64());

  // The key: not vetoed, then total, then the tieBreak scores — best first. DESIGN §3.
  const notVetoed = notVetoedKey(vetoed, scratch.floats);
  const keys = [notVetoed, totalScaled, ...rubric.tieBreak.map((c) => tieBreakScaled.get(c)!)];
  const placed = rankLexicographic(keys, grouping, mode, scratch, {
    rank: alloc.i32(),
    bottom: alloc.i32(),
    overall: grouping.count <= 1 ? undefined : alloc.i32(),
  });
  const { rank: ranks, bottom: bottomRanks, overall: overallRanks } = placed;
  const flags = awardFlags(rubric.flags, grouping, ranks, bottomRanks, totals, vetoed, alloc.u8());
  const result: RoundResult = {
    rubric,
    sheet,
    size: n,
    grouping,
    totals,
    ranks,
    overallRanks,
    bottomRanks,
    vetoed,
    flags,
    indicators,
    gapToNext: gapsToNext(
      grouping,
      ranks,
      totalScaled,
      vetoed,
      scale,
      alloc.f64(),
      scratch.spareFloats(0),
    ),
    gapToRed: gapsToRed(rubric, grouping, totalScaled, vetoed, flags, scale, alloc.f64()),
  };
  if (options.previous)
    result.movement = movement(sheet, totals, ranks, options.previous, precision);
  issued.set(result, alloc);
  return result;
}

/**
 * The engine never yields a non-finite score: a value that is not finite or exceeds MAX_VALUE
 * (./sheet.ts) — which `checkSheet` refuses — is refused here too, naming the unit and indicator.
 */
function requireComputableValues(rubric: Rubric, sheet: Sheet): void {
  for (const indicator of rubric.indicators) {
    if (indicator.kind === 'veto') continue;
    const column = sheet.values.get(indicator.code);
    if (!column) continue;
    const i = firstTooLarge(column);
    if (i >= 0) throw nonFinite(sheet, i, indicator.code, column[i]!);
  }
}

/** The first row whose value exceeds MAX_VALUE in magnitude (NaN passes), or −1. */
function firstTooLarge(column: Float64Array): number {
  // A loop over one typed array only: the indicators' objects differ in shape by method, and
  // reading them in here would make the optimised loop bail out at each new shape.
  for (let i = 0; i < column.length; i++) if (Math.abs(column[i]!) > MAX_VALUE) return i;
  return -1;
}

/** A total that is not finite (a rubric past its bounds) is refused, naming the unit. */
function requireFiniteTotals(
  sheet: Sheet,
  totalScaled: Float64Array,
  indicators: Map<string, IndicatorResult>,
): void {
  for (let i = 0; i < totalScaled.length; i++) {
    if (Number.isFinite(totalScaled[i]!)) continue;
    let culprit = '';
    for (const [code, r] of indicators) {
      if (
        r.indicator.kind !== 'veto' &&
        !Number.isFinite(r.scores[i]!) &&
        !Number.isNaN(r.values[i]!)
      ) {
        culprit = code;
        break;
      }
    }
    throw nonFinite(sheet, i, culprit, culprit ? sheet.values.get(culprit)?.[i] : undefined);
  }
}

function nonFinite(sheet: Sheet, row: number, indicator: string, value: number | undefined) {
  const unit = sheet.codes[row] ?? String(row + 1);
  return new DomainError(
    'NON_FINITE_SCORE',
    `单位 ${unit} 的指标 ${indicator || '合计'} 数值 ${value ?? ''} 超出可计算范围，得分不是有限数`,
    { params: { unit }, unit, indicator: indicator || null, row: row + 1 },
  );
}

function markVetoed(values: Float64Array, vetoed: Uint8Array): void {
  for (let i = 0; i < values.length; i++) if (values[i] === 1) vetoed[i] = 1;
}

function missingAsZero(scaled: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < scaled.length; i++) out[i] = !Number.isNaN(scaled[i]) ? scaled[i]! : 0;
  return out;
}

function unscale(scaled: Float64Array, scale: number, out: Float64Array): Float64Array {
  for (let i = 0; i < scaled.length; i++) out[i] = scaled[i]! / scale;
  return out;
}

function notVetoedKey(vetoed: Uint8Array, out: Float64Array): Float64Array {
  for (let i = 0; i < vetoed.length; i++) out[i] = vetoed[i] === 1 ? 0 : 1;
  return out;
}

/**
 * The result columns of released rounds (see {@link releaseRound}), all of one length: the next
 * round of that many units takes its columns from here instead of fresh memory. A national
 * round's ~40 columns (~175 MB) as fresh memory cost page faults and, as external memory, the
 * garbage collector's attention several times a round; a contest's rounds repeat at one size.
 */
const pool = { n: -1, f64: [] as Float64Array[], i32: [] as Int32Array[], u8: [] as Uint8Array[] };
/** Most columns of one kind the pool keeps (a round of 40 indicators needs ~90 f64 columns). */
const POOL_LIMIT = 128;
/** The columns each result was computed in, for releaseRound. */
const issued = new WeakMap<RoundResult, Columns>();

/**
 * Hands back a result's columns once nothing will read it again (its presented or stored form
 * taken): the next round of as many units computes into them. Every column of the result —
 * totals, ranks, flags, gaps, each indicator's scores and ranks — is then overwritten by that
 * round, so neither the result nor any column taken from it may be used afterwards. The sheet's
 * values are the caller's and are not touched. Releasing a result twice, or one that was not
 * computed by rankRound, does nothing.
 */
export function releaseRound(result: RoundResult): void {
  const columns = issued.get(result);
  if (!columns) return;
  issued.delete(result);
  if (pool.n !== result.size) {
    pool.n = result.size;
    pool.f64 = [];
    pool.i32 = [];
    pool.u8 = [];
  }
  const keep = <T>(into: T[], from: T[]) => {
    for (const column of from) if (into.length < POOL_LIMIT) into.push(column);
  };
  keep(pool.f64, columns.f64s);
  keep(pool.i32, columns.i32s);
  keep(pool.u8, columns.u8s);
}

/**
 * Allocates the result columns, each n long: from the pool when a released round left some
 * (their contents are that round's: a column whose every row is not written must be zeroed
 * with `zeroed`), else fresh (zeros).
 */
class Columns {
  readonly f64s: Float64Array[] = [];
  readonly i32s: Int32Array[] = [];
  readonly u8s: Uint8Array[] = [];
  private readonly reuse: boolean;
  constructor(private readonly n: number) {
    this.reuse = pool.n === n;
  }
  f64(): Float64Array {
    const column = (this.reuse && pool.f64.pop()) || new Float64Array(this.n);
    this.f64s.push(column);
    return column;
  }
  i32(): Int32Array {
    const column = (this.reuse && pool.i32.pop()) || new Int32Array(this.n);
    this.i32s.push(column);
    return column;
  }
  u8(): Uint8Array {
    const column = (this.reuse && pool.u8.pop()) || new Uint8Array(this.n);
    this.u8s.push(column);
    return column;
  }
}

/** A pooled column filled with zeros (a fresh one already is; fill is cheap next to a fault). */
function zeroed<T extends Float64Array | Uint8Array>(column: T): T {
  column.fill(0);
  return column;
}

/**
 * Points a unit lacks to draw level with the units at the next better rank of its group: their
 * total minus its own (0 when it lost only on tieBreak). None (NaN) at rank 1 and for a vetoed
 * unit, which no points can lift.
 */
export function gapsToNext(
  grouping: Grouping,
  ranks: Int32Array,
  totalScaled: Float64Array,
  vetoed: Uint8Array,
  scale: number,
  gaps: Float64Array = new Float64Array(ranks.length),
  slots: Float64Array = new Float64Array(ranks.length),
): Float64Array {
  const n = ranks.length;
  // One slot per (group, rank): ranks within a group lie in 1..size, so slots are Σ sizes = n.
  const { starts, of } = grouping;
  slots.fill(Number.NaN);
  for (let i = 0; i < n; i++) slots[starts[of[i]!]! + ranks[i]! - 1] = totalScaled[i]!;
  // In place, each slot becomes the total at the nearest occupied better slot of its group.
  for (let g = 0; g < grouping.count; g++) {
    let last = Number.NaN;
    for (let slot = starts[g]!; slot < starts[g + 1]!; slot++) {
      const own = slots[slot]!;
      slots[slot] = last;
      if (!Number.isNaN(own)) last = own;
    }
  }
  for (let i = 0; i < n; i++) {
    const better = slots[starts[of[i]!]! + ranks[i]! - 1]!;
    gaps[i] =
      vetoed[i] === 1 || Number.isNaN(better) ? Number.NaN : (better - totalScaled[i]!) / scale;
  }
  return gaps;
}

/**
 * Points a unit lacks to reach its group's red-flag line. The line is the lowest total among the
 * group's red units (which already satisfies minScore); when the group has no red unit, it is
 * minScore (the smallest total at `precision` decimals ≥ minScore). 0 for a red unit or one at or
 * above the line (it may still have lost the edge on tieBreak); none (NaN) for a vetoed unit, when
 * the rubric has no red rule, or when the group has no line.
 */
export function gapsToRed(
  rubric: Rubric,
  grouping: Grouping,
  totalScaled: Float64Array,
  vetoed: Uint8Array,
  flags: Uint8Array,
  scale: number,
  gaps: Float64Array = new Float64Array(totalScaled.length),
): Float64Array {
  const n = totalScaled.length;
  gaps.fill(Number.NaN);
  const red = rubric.flags.red;
  if (!red) return gaps;
  const line = new Float64Array(grouping.count).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    if (flags[i] !== 1) continue;
    const g = grouping.of[i]!;
    if (totalScaled[i]! < line[g]!) line[g] = totalScaled[i]!;
  }
  if (red.minScore !== undefined) {
    const x = red.minScore * scale;
    const r = Math.round(x);
    const minLine = Math.abs(x - r) < 1e-9 ? r : Math.ceil(x);
    for (let g = 0; g < grouping.count; g++)
      if (line[g] === Number.POSITIVE_INFINITY) line[g] = minLine;
  }
  for (let i = 0; i < n; i++) {
    if (vetoed[i] === 1) continue;
    const target = line[grouping.of[i]!]!;
    if (flags[i] === 1) gaps[i] = 0;
    else if (target !== Number.POSITIVE_INFINITY)
      gaps[i] = Math.max(0, target - totalScaled[i]!) / scale;
  }
  return gaps;
}

function movement(
  sheet: Sheet,
  totals: Float64Array,
  ranks: Int32Array,
  previous: PreviousRound,
  precision: number,
): Movement {
  const places: ReadonlyMap<string, PreviousPlace> =
    previous instanceof Map
      ? previous
      : new Map(
          (previous as readonly { code: string; rank: number | null; total: number | null }[])
            .filter((u) => u.rank !== null && u.total !== null)
            .map((u) => [u.code, { rank: u.rank!, total: u.total! }]),
        );
  const n = totals.length;
  const previousRanks = new Float64Array(n).fill(Number.NaN);
  const rankChanges = new Float64Array(n).fill(Number.NaN);
  const totalChanges = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const place = places.get(sheet.codes[i]!);
    if (!place) continue;
    previousRanks[i] = place.rank;
    rankChanges[i] = place.rank - ranks[i]!;
    totalChanges[i] = excelRound(totals[i]! - place.total, precision);
  }
  return { previousRanks, rankChanges, totalChanges };
}

/** One indicator cell of the JSON of DESIGN §4. */
export interface IndicatorCell {
  value: number | null;
  score: number | null;
  rank: number | null;
}

/** One unit as the JSON of DESIGN §4. */
export interface UnitResult {
  code: string;
  name: string;
  group: string;
  total: number;
  rank: number;
  flag: FlagName;
  vetoed: boolean;
  missing: string[];
  indicators: Record<string, IndicatorCell>;
}

/** The JSON of DESIGN §4 plus what the server shows beside it; null = none. */
export interface UnitResultDetail extends UnitResult {
  overallRank: number;
  previousRank: number | null;
  /** Positive = moved up; null when the unit is new. */
  rankChange: number | null;
  totalChange: number | null;
  gapToNext: number | null;
  gapToRed: number | null;
}

function nullable(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** Presents unit i as the JSON object of DESIGN §4. */
export function presentUnit(result: RoundResult, i: number): UnitResult {
  const missing: string[] = [];
  const cells: Record<string, IndicatorCell> = {};
  for (const [code, r] of result.indicators) {
    const value = r.values[i]!;
    if (r.indicator.kind === 'scored' && Number.isNaN(value)) missing.push(code);
    cells[code] = {
      value: nullable(value),
      score: nullable(r.scores[i]!),
      rank: r.ranks && r.ranks[i]! > 0 ? r.ranks[i]! : null,
    };
  }
  return {
    code: result.sheet.codes[i]!,
    name: result.sheet.names[i]!,
    group: result.sheet.groups[i]!,
    total: result.totals[i]!,
    rank: result.ranks[i]!,
    flag: flagName(result.flags[i]!),
    vetoed: result.vetoed[i] === 1,
    missing,
    indicators: cells,
  };
}

/** Presents unit i with its overall rank, movement and gaps, for the server. */
export function presentUnitDetail(result: RoundResult, i: number): UnitResultDetail {
  const m = result.movement;
  return {
    ...presentUnit(result, i),
    overallRank: result.overallRanks[i]!,
    previousRank: m ? nullable(m.previousRanks[i]!) : null,
    rankChange: m ? nullable(m.rankChanges[i]!) : null,
    totalChange: m ? nullable(m.totalChanges[i]!) : null,
    gapToNext: nullable(result.gapToNext[i]!),
    gapToRed: nullable(result.gapToRed[i]!),
  };
}

/** Row indices in sheet order, or by group (first appearance), rank, then sheet order. */
export function unitOrder(result: RoundResult, order: 'sheet' | 'rank' = 'sheet'): number[] {
  const indices = Array.from({ length: result.size }, (_, i) => i);
  if (order === 'rank') {
    const of = result.grouping.of;
    indices.sort((a, b) => of[a]! - of[b]! || result.ranks[a]! - result.ranks[b]! || a - b);
  }
  return indices;
}

/** Presents every unit (the JSON array of DESIGN §4), in sheet order unless asked by rank. */
export function presentRound(
  result: RoundResult,
  options: { order?: 'sheet' | 'rank' } = {},
): UnitResult[] {
  return unitOrder(result, options.order).map((i) => presentUnit(result, i));
}

/** Like {@link presentRound}, with overall rank, movement and gaps for every unit. */
export function presentRoundDetail(
  result: RoundResult,
  options: { order?: 'sheet' | 'rank' } = {},
): UnitResultDetail[] {
  return unitOrder(result, options.order).map((i) => presentUnitDetail(result, i));
}
