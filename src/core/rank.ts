// Ranking without comparator sorts. Scores are rounded to `precision` decimals, so they are
// integers in disguise; ranks are counted over that small integer domain — a histogram and its
// suffix sums per group, or, when the groups' spans of values are wide, two stable counting
// sorts (by value, then by group) and a scan — linear in units + range. Only keys that are
// neither integers nor typed decimals are first mapped to a compact domain by one native sort.
// DESIGN §3 defines the ranks: competition = 1 + the number of strictly better keys; dense =
// 1 + the number of distinct strictly better keys. Keys travel as integer-valued Float64Arrays
// (NaN = left out) so every loop sees one array type; hot loops live in small functions so
// that V8 optimises each once and keeps it optimised.
import type { Ranking } from './rubric.ts';

/**
 * Units split into groups: `of[i]` is unit i's group id (ids in order of first appearance);
 * `members` lists unit indices group by group (sheet order within a group), group g occupying
 * members[starts[g] .. starts[g + 1]).
 */
export interface Grouping {
  of: Int32Array;
  count: number;
  names: string[];
  sizes: Int32Array;
  starts: Int32Array;
  members: Int32Array;
}

/** Groups units by their group label ('' is a group like any other). */
export function groupBy(labels: readonly string[]): Grouping {
  const n = labels.length;
  const of = new Int32Array(n);
  const ids = new Map<string, number>();
  const names: string[] = [];
  let last = '';
  let lastId = -1;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    // Sheets usually list a group's units together; skip the Map lookup on a repeat.
    if (label !== last || lastId < 0) {
      let id = ids.get(label);
      if (id === undefined) {
        id = names.length;
        ids.set(label, id);
        names.push(label);
      }
      last = label;
      lastId = id;
    }
    of[i] = lastId;
  }
  return withMembers(of, names);
}

/** One group holding every unit. */
export function singleGroup(n: number): Grouping {
  return withMembers(new Int32Array(n), n > 0 ? [''] : []);
}

function withMembers(of: Int32Array, names: string[]): Grouping {
  const n = of.length;
  const count = names.length;
  const sizes = new Int32Array(count);
  for (let i = 0; i < n; i++) sizes[of[i]!]!++;
  const starts = new Int32Array(count + 1);
  for (let g = 0; g < count; g++) starts[g + 1] = starts[g]! + sizes[g]!;
  const members = new Int32Array(n);
  const fill = starts.slice(0, Math.max(count, 1));
  for (let i = 0; i < n; i++) members[fill[of[i]!]!++] = i;
  return { of, count, names, sizes, starts, members };
}

/** What {@link rankByKeys} returns; 0 marks a unit left out (NaN in the first key). */
export interface Ranks {
  rank: Int32Array;
  /**
   * Rank counted from the bottom: 1 + the number of ranked units of the group whose rank is
   * greater (DESIGN §3, yellow flags). Only when asked for.
   */
  bottom?: Int32Array;
}

export interface RankOptions {
  /** Ties share a rank: competition skips the next (1,1,3), dense does not (1,1,2). */
  mode: Ranking;
  /** Also compute the rank from the bottom. */
  bottom?: boolean;
  /** The key columns hold integers only (skips a check). */
  integer?: boolean;
  /** Write the ranks (and bottom ranks) here instead of new arrays. */
  into?: Int32Array;
  bottomInto?: Int32Array;
  /** Reuse these buffers (one set per round spares the garbage collector). */
  scratch?: RankScratch;
  /**
   * [lowest, highest] every key is known to lie in (e.g. 0 and P × 10^precision for scores):
   * spares a pass. A key outside is detected and the bounds are then measured instead.
   */
  bounds?: readonly [number, number];
}

let cachedScratch: WeakRef<RankScratch> | undefined;

/** Reusable buffers for ranking n units; the variable-size ones grow on demand. */
export class RankScratch {
  /** Free for a caller's temporary ranks (the functions here never touch it). */
  readonly ranks: Int32Array;
  /** Free for a caller's temporary values (the functions here never touch it). */
  readonly floats: Float64Array;
  readonly order: Int32Array;
  readonly spare: Int32Array;
  private readonly table = {
    counts: new Int32Array(0),
    above: new Int32Array(0),
    distinct: new Int32Array(0),
  };
  private sorted = new Float64Array(0);
  private bounds = new Float64Array(0);
  constructor(readonly n: number) {
    this.ranks = new Int32Array(n);
    this.floats = new Float64Array(n);
    this.order = new Int32Array(n);
    this.spare = new Int32Array(n);
  }
  /**
   * The scratch of the last round of n units if the garbage collector has not taken it yet, else
   * a new one: rounds of one contest repeat at one size, and reuse spares megabytes per round.
   * Safe because ranking is synchronous: no two rounds use it at once.
   */
  static of(n: number): RankScratch {
    const cached = cachedScratch?.deref();
    if (cached && cached.n === n) return cached;
    const scratch = new RankScratch(n);
    cachedScratch = new WeakRef(scratch);
    return scratch;
  }
  /**
   * `counts` zeroed over [0, size); with `tables`, `above` and `distinct` at least as long, as
   * left by the last caller.
   */
  histogram(
    size: number,
    tables = false,
  ): { counts: Int32Array; above: Int32Array; distinct: Int32Array } {
    const t = this.table;
    if (t.counts.length < size) t.counts = new Int32Array(Math.max(size, t.counts.length * 2));
    else t.counts.fill(0, 0, size);
    if (tables && t.above.length < size) {
      t.above = new Int32Array(Math.max(size, t.above.length * 2));
      t.distinct = new Int32Array(t.above.length);
    }
    return t;
  }
  /** Two arrays of per-group bounds (lowest, highest), `count` long each. */
  groupBounds(count: number): { lo: Float64Array; hi: Float64Array } {
    if (this.bounds.length < 2 * count) this.bounds = new Float64Array(2 * count);
    return { lo: this.bounds.subarray(0, count), hi: this.bounds.subarray(count, 2 * count) };
  }
  sortBuffer(size: number): Float64Array {
    if (this.sorted.length < size)
      this.sorted = new Float64Array(Math.max(size, this.sorted.length * 2));
    return this.sorted.subarray(0, size);
  }
}

/** Domains up to this size are counted directly; larger ones are compressed by a sort first. */
function domainLimit(n: number): number {
  return Math.max(4 * n, 1 << 16);
}

interface Extremes {
  min: number;
  max: number;
  integers: boolean;
}

function extremes(col: Float64Array, checkIntegers: boolean): Extremes {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (checkIntegers && integers && Math.floor(v) !== v && !Number.isNaN(v)) integers = false;
  }
  return { min, max, integers };
}

/** True when every value is the double nearest to some n / scale (typed with ≤ k decimals). */
function exactDecimals(col: Float64Array, scale: number): boolean {
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (!Number.isNaN(v) && Math.round(v * scale) / scale !== v) return false;
  }
  return true;
}

function scaled(col: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = Math.round(col[i]! * scale);
  return out;
}

/**
 * An integer-valued key with the same order and ties as `col` (NaN stays NaN = left out):
 * `col` itself when it holds integers; decimals that are exactly n / 10^k (values typed into a
 * sheet) × 10^k; anything else its index among the sorted distinct values.
 */
export function integerKey(col: Float64Array, scratch: RankScratch): Float64Array {
  const { min, max, integers } = extremes(col, true);
  if (integers || !(min <= max)) return col;
  const limit = domainLimit(col.length);
  if (Number.isFinite(min) && Number.isFinite(max)) {
    for (let k = 1, s = 10; k <= 6; k++, s *= 10) {
      if (Math.round(max * s) - Math.round(min * s) >= limit) break;
      if (exactDecimals(col, s)) return scaled(col, s);
    }
  }
  return sortedIds(col, scratch);
}

/** Each value's index among the sorted distinct values, by binary search; NaN stays NaN. */
function sortedIds(col: Float64Array, scratch: RankScratch): Float64Array {
  const n = col.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(col[i])) m++;
  const sorted = scratch.sortBuffer(m);
  m = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (!Number.isNaN(v)) sorted[m++] = v;
  }
  sorted.sort();
  let distinct = 0;
  for (let j = 0; j < m; j++)
    if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[distinct++] = sorted[j]!;
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (Number.isNaN(v)) {
      ids[i] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    ids[i] = lo;
  }
  return ids;
}

const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
/** Keys below this are sorted with integer digit arithmetic. */
const INT_RANGE = 2 ** 31;

/**
 * Sorts order[0..m) ascending by an integer key in [0, range ≤ 2^31) — descending when
 * `flip` — with stable counting passes: one pass for a small range, else one per 11-bit digit
 * (the buckets stay in cache). Returns the buffer holding the result (`order` or `spare`).
 */
function radixOrder(
  order: Int32Array,
  spare: Int32Array,
  m: number,
  key: Float64Array,
  range: number,
  flip: boolean,
  scratch: RankScratch,
): Int32Array {
  if (range <= 1 << 16) {
    // One pass: the whole key is the digit (mask −1 keeps every bit).
    countingPass(order, spare, m, key, range, flip, 0, -1, range, scratch);
    return spare;
  }
  let from = order;
  let to = spare;
  for (let shift = 0; 2 ** shift < range; shift += DIGIT_BITS) {
    countingPass(from, to, m, key, range, flip, shift, DIGIT_MASK, DIGIT_MASK + 1, scratch);
    [from, to] = [to, from];
  }
  return from;
}

/** One stable counting pass by the digit (k >>> shift) & mask, k the key (or range − 1 − key). */
function countingPass(
  from: Int32Array,
  to: Int32Array,
  m: number,
  key: Float64Array,
  range: number,
  flip: boolean,
  shift: number,
  mask: number,
  buckets: number,
  scratch: RankScratch,
): void {
  const start = scratch.histogram(buckets + 1).counts;
  const top = range - 1;
  if (flip) {
    for (let j = 0; j < m; j++) start[(((top - key[from[j]!]!) >>> shift) & mask) + 1]!++;
  } else {
    for (let j = 0; j < m; j++) start[((key[from[j]!]! >>> shift) & mask) + 1]!++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  if (flip) {
    for (let j = 0; j < m; j++) {
      const i = from[j]!;
      to[start[((top - key[i]!) >>> shift) & mask]!++] = i;
    }
  } else {
    for (let j = 0; j < m; j++) {
      const i = from[j]!;
      to[start[(key[i]! >>> shift) & mask]!++] = i;
    }
  }
}

/** Along an ascending order, numbers the distinct keys 0, 1, …; units not in the order get NaN. */
function numberDistinct(order: Int32Array, m: number, key: Float64Array): Float64Array {
  const out = new Float64Array(key.length).fill(Number.NaN);
  let id = -1;
  let previous = Number.NaN;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    const v = key[i]!;
    if (v !== previous) id++;
    out[i] = id;
    previous = v;
  }
  return out;
}

/**
 * The same order and ties as an integer key, offset to start at 0, with a range that can be
 * counted (≤ 4n): kept when it is already small, else numbered by a radix sort (integers below
 * 2^53) or a native sort (anything else).
 */
function compact(col: Float64Array, scratch: RankScratch): { key: Float64Array; range: number } {
  const { min, max } = extremes(col, false);
  if (!(min <= max)) return { key: col, range: 1 };
  if (max - min < domainLimit(col.length)) {
    if (min === 0) return { key: col, range: max + 1 };
    const key = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) key[i] = col[i]! - min;
    return { key, range: max - min + 1 };
  }
  if (max - min < INT_RANGE) {
    let m = 0;
    const order = scratch.order;
    const shifted = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      shifted[i] = v - min;
      if (!Number.isNaN(v)) order[m++] = i;
    }
    const sorted = radixOrder(order, scratch.spare, m, shifted, max - min + 1, false, scratch);
    const key = numberDistinct(sorted, m, shifted);
    return { key, range: extremes(key, false).max + 1 };
  }
  const key = sortedIds(col, scratch);
  return { key, range: extremes(key, false).max + 1 };
}

/**
 * One integer key for several columns compared lexicographically (most significant first; NaN
 * in the first leaves a unit out), with the same order and ties, below 2^31: the columns are
 * folded as the digits of one number from the least significant up; when the next digit would
 * overflow, the tuples so far are numbered (radix sort by both, then a scan) and folding goes on.
 */
export function compositeKey(
  keys: readonly Float64Array[],
  integer: boolean,
  scratch: RankScratch,
): Float64Array {
  const n = keys[0]!.length;
  const columns = keys.map((k) => compact(integer ? k : integerKey(k, scratch), scratch));
  const last = columns[columns.length - 1]!;
  let acc: Float64Array = Float64Array.from(last.key);
  let range = last.range;
  for (let c = columns.length - 2; c >= 0; c--) {
    const digit = columns[c]!;
    if (range * digit.range > INT_RANGE) {
      let m = 0;
      for (let i = 0; i < n; i++) if (!Number.isNaN(digit.key[i])) scratch.order[m++] = i;
      const byAcc = radixOrder(scratch.order, scratch.spare, m, acc, range, false, scratch);
      const other = byAcc === scratch.order ? scratch.spare : scratch.order;
      const byBoth = radixOrder(byAcc, other, m, digit.key, digit.range, false, scratch);
      acc = numberTuples(byBoth, m, [digit.key, acc], n);
      range = m === 0 ? 1 : extremes(acc, false).max + 1;
      // Numbered tuples already carry this digit.
      continue;
    }
    raise(acc, digit.key, range);
    range *= digit.range;
  }
  return acc;
}

/** acc ← digit × range + acc: the digit becomes the more significant. NaN stays NaN. */
function raise(acc: Float64Array, digit: Float64Array, range: number): void {
  for (let i = 0; i < acc.length; i++) acc[i] = digit[i]! * range + acc[i]!;
}

/** A key ready for counting: integer-valued, NaN = left out, range ≤ 4n. */
export interface DenseKey {
  key: Float64Array;
  range: number;
}

/** {@link compositeKey} (or {@link integerKey} for one column), compacted for counting. */
export function denseKey(
  keys: readonly Float64Array[],
  integer: boolean,
  scratch: RankScratch,
): DenseKey {
  if (keys.length === 0) throw new RangeError('a key needs at least one column');
  const key =
    keys.length > 1
      ? compositeKey(keys, integer, scratch)
      : integer
        ? keys[0]!
        : integerKey(keys[0]!, scratch);
  return compact(key, scratch);
}

/** Stable counting sort of order[0..m) by group id, into `to`. */
function sortByGroup(
  order: Int32Array,
  to: Int32Array,
  m: number,
  of: Int32Array,
  count: number,
  scratch: RankScratch,
): void {
  const start = scratch.histogram(count + 1).counts;
  for (let j = 0; j < m; j++) start[of[order[j]!]! + 1]!++;
  for (let g = 0; g < count; g++) start[g + 1]! += start[g]!;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    to[start[of[i]!]!++] = i;
  }
}

/** Along an ascending order of tuples, numbers the distinct tuples 0, 1, …; the rest NaN. */
function numberTuples(
  order: Int32Array,
  m: number,
  columns: Float64Array[],
  n: number,
): Float64Array {
  const out = new Float64Array(n).fill(Number.NaN);
  let id = -1;
  let previous = -1;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    let differs = previous === -1;
    for (let k = 0; !differs && k < columns.length; k++)
      differs = columns[k]![i] !== columns[k]![previous];
    if (differs) id++;
    out[i] = id;
    previous = i;
  }
  return out;
}

/**
 * Ranks units within their groups by keys compared lexicographically, most significant first,
 * higher is better. A unit whose first key is NaN is left out (rank 0) and not counted; the
 * other keys must be finite for every ranked unit.
 */
export function rankByKeys(
  keys: readonly Float64Array[],
  grouping: Grouping,
  options: RankOptions,
): Ranks {
  const scratch = options.scratch ?? new RankScratch(grouping.of.length);
  const key = denseKey(keys, options.integer ?? false, scratch).key;
  return rankKey(key, grouping, { ...options, scratch });
}

/**
 * Ranks units within their groups by one integer-valued key (NaN = left out), higher better:
 * group by group over each group's span of values when the spans are small for the groups'
 * sizes, else all groups at once by counting sorts. Keys of a huge range are compacted first.
 */
export function rankKey(key: Float64Array, grouping: Grouping, options: RankOptions): Ranks {
  const n = key.length;
  const scratch = options.scratch ?? new RankScratch(n);
  const rank = options.into ?? new Int32Array(n);
  const bottom = options.bottom ? (options.bottomInto ?? new Int32Array(n)) : undefined;
  const dense = options.mode === 'dense';
  const count = Math.max(grouping.count, 1);
  const { lo, hi } = scratch.groupBounds(count);
  if (options.bounds) {
    const [low, high] = options.bounds;
    lo.fill(low);
    hi.fill(high);
    const small = count * (high - low + 1) <= domainLimit(n) + 256 * count;
    if (small && countWithin(key, grouping, low, high, dense, rank, bottom, scratch)) {
      return bottom ? { rank, bottom } : { rank };
    }
  }
  const span = groupSpans(key, grouping, lo, hi);
  if (grouping.count <= 1) {
    if (span <= domainLimit(n)) countAll(key, lo[0]!, hi[0]!, dense, rank, bottom, scratch);
    else {
      const compacted = compact(key, scratch);
      countAll(compacted.key, 0, compacted.range - 1, dense, rank, bottom, scratch);
    }
  } else if (span <= domainLimit(n) + 256 * count) {
    for (let g = 0; g < grouping.count; g++) {
      countGroup(
        key,
        grouping.members,
        grouping.starts[g]!,
        grouping.starts[g + 1]!,
        lo[g]!,
        hi[g]!,
        dense,
        rank,
        bottom,
        scratch,
      );
    }
  } else {
    const compacted = compact(key, scratch);
    radixGroups(compacted.key, compacted.range, grouping, dense, rank, bottom, scratch);
  }
  return bottom ? { rank, bottom } : { rank };
}

/**
 * Turns a histogram into, per bucket, the units (competition) or distinct keys (dense) above
 * it. With `keepCounts` the counts stay and the result goes to `above` or `distinct`; else it
 * overwrites `counts` in place (one array read and written, not three).
 */
function suffix(
  counts: Int32Array,
  above: Int32Array,
  distinct: Int32Array,
  size: number,
  dense: boolean,
  keepCounts: boolean,
): Int32Array {
  if (keepCounts) {
    let units = 0;
    let keysAbove = 0;
    for (let b = size - 1; b >= 0; b--) {
      const k = counts[b]!;
      above[b] = units;
      distinct[b] = keysAbove;
      units += k;
      if (k > 0) keysAbove++;
    }
    return dense ? distinct : above;
  }
  let running = 0;
  if (dense) {
    for (let b = size - 1; b >= 0; b--) {
      const k = counts[b]!;
      counts[b] = running;
      if (k > 0) running++;
    }
  } else {
    for (let b = size - 1; b >= 0; b--) {
      const k = counts[b]!;
      counts[b] = running;
      running += k;
    }
  }
  return counts;
}

/** Ranks by histograms over the same [lo, hi] for every group; false if a key lies outside. */
function countWithin(
  key: Float64Array,
  grouping: Grouping,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): boolean {
  if (grouping.count <= 1) return countAll(key, lo, hi, dense, rank, bottom, scratch);
  for (let g = 0; g < grouping.count; g++) {
    if (
      !countGroup(
        key,
        grouping.members,
        grouping.starts[g]!,
        grouping.starts[g + 1]!,
        lo,
        hi,
        dense,
        rank,
        bottom,
        scratch,
      )
    ) {
      return false;
    }
  }
  return true;
}

/** Per group the lowest and highest key (hi < lo when the group has none); returns Σ spans. */
function groupSpans(
  key: Float64Array,
  grouping: Grouping,
  lo: Float64Array,
  hi: Float64Array,
): number {
  lo.fill(Number.POSITIVE_INFINITY);
  hi.fill(Number.NEGATIVE_INFINITY);
  const of = grouping.of;
  if (grouping.count === 1) {
    const { min, max } = extremes(key, false);
    lo[0] = min;
    hi[0] = max;
  } else {
    for (let i = 0; i < key.length; i++) {
      const v = key[i]!;
      const g = of[i]!;
      if (v < lo[g]!) lo[g] = v;
      if (v > hi[g]!) hi[g] = v;
    }
  }
  let total = 0;
  for (let g = 0; g < grouping.count; g++) if (hi[g]! >= lo[g]!) total += hi[g]! - lo[g]! + 1;
  return total;
}

/** Ranks members[s..e) by a histogram of their keys over [lo, hi] and its suffix sums. */
function countGroup(
  key: Float64Array,
  members: Int32Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): boolean {
  if (!(hi >= lo)) {
    for (let j = s; j < e; j++) rank[members[j]!] = 0;
    return true;
  }
  const size = hi - lo + 1;
  const { counts, above, distinct } = scratch.histogram(size, bottom !== undefined);
  let ranked = 0;
  for (let j = s; j < e; j++) {
    const v = key[members[j]!]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return false;
      counts[(v - lo) | 0]!++;
      ranked++;
    }
  }
  const table = suffix(counts, above, distinct, size, dense, bottom !== undefined);
  for (let j = s; j < e; j++) {
    const i = members[j]!;
    const v = key[i]!;
    if (Number.isNaN(v)) {
      rank[i] = 0;
      continue;
    }
    const b = (v - lo) | 0;
    rank[i] = 1 + table[b]!;
    // Units ranked below = the ranked units minus those above and those tied.
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
  }
  return true;
}

/** {@link countGroup} for a single group of every unit: no member indirection. */
function countAll(
  key: Float64Array,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): boolean {
  const n = key.length;
  if (!(hi >= lo)) {
    rank.fill(0);
    return true;
  }
  const size = hi - lo + 1;
  const { counts, above, distinct } = scratch.histogram(size, bottom !== undefined);
  let ranked = 0;
  for (let i = 0; i < n; i++) {
    const v = key[i]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return false;
      counts[(v - lo) | 0]!++;
      ranked++;
    }
  }
  const table = suffix(counts, above, distinct, size, dense, bottom !== undefined);
  for (let i = 0; i < n; i++) {
    const v = key[i]!;
    if (Number.isNaN(v)) {
      rank[i] = 0;
      continue;
    }
    const b = (v - lo) | 0;
    rank[i] = 1 + table[b]!;
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
  }
  return true;
}

/**
 * Ranks every group at once: a stable radix sort by key (best first), then a counting sort by
 * group, leave each group's units best first; one scan numbers them. `key` is in [0, range).
 */
function radixGroups(
  key: Float64Array,
  range: number,
  grouping: Grouping,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): void {
  const n = key.length;
  const order = scratch.order;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(key[i])) rank[i] = 0;
    else order[m++] = i;
  }
  const byKey = radixOrder(order, scratch.spare, m, key, range, true, scratch);
  const byGroup = byKey === order ? scratch.spare : order;
  sortByGroup(byKey, byGroup, m, grouping.of, grouping.count, scratch);
  scanRuns(byGroup, m, key, grouping.of, dense, rank, bottom);
}

/** Assigns ranks along an order that lists each group's units best first, group after group. */
function scanRuns(
  order: Int32Array,
  m: number,
  key: Float64Array,
  of: Int32Array,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
): void {
  let j = 0;
  while (j < m) {
    const g = of[order[j]!]!;
    let end = j;
    while (end < m && of[order[end]!] === g) end++;
    let run = j;
    let distinctAbove = 0;
    while (run < end) {
      const v = key[order[run]!]!;
      let runEnd = run + 1;
      while (runEnd < end && key[order[runEnd]!] === v) runEnd++;
      const r = 1 + (dense ? distinctAbove : run - j);
      for (let p = run; p < runEnd; p++) {
        const i = order[p]!;
        rank[i] = r;
        if (bottom) bottom[i] = 1 + end - runEnd;
      }
      distinctAbove++;
      run = runEnd;
    }
    j = end;
  }
}
