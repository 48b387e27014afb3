// Ranking without comparator sorts. Scores are rounded to `precision` decimals, so they are
// integers in disguise, and ranks are counted over that integer domain:
// - a histogram per group and its suffix sums when the groups' spans of values are small for
//   their sizes (every indicator's scores: 0..P × 10^precision);
// - else a radix sort of (packed key, unit) pairs — the tuple of key columns packed into one
//   integer, 16-bit digits, sequential reads — then a stable counting sort by group and a scan
//   (a round's totals with not-vetoed first and the tieBreak scores after, wide value ranges);
// - keys that are neither integers nor typed decimals are first numbered by one native sort.
// All linear in units + ranges. DESIGN §3 defines the ranks: competition = 1 + the number of
// strictly better keys; dense = 1 + the number of distinct strictly better keys. Keys travel as
// integer-valued Float64Arrays (NaN = left out) so every loop sees one array type; hot loops live
// in small functions so that V8 optimises each once and keeps it optimised.
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
  /**
   * After ranking, add every key to `total` and replace it by key / scale (0 where NaN), in the
   * ranking's last pass: a round's scores are ranked × 10^precision, then summed and unscaled.
   */
  accumulate?: { total: Float64Array; scale: number };
}

/** The `accumulate` step of {@link RankOptions} as a pass of its own. */
export function accumulate(key: Float64Array, total: Float64Array, scale: number): void {
  for (let i = 0; i < key.length; i++) {
    const v = key[i]!;
    if (Number.isNaN(v)) key[i] = 0;
    else {
      total[i]! += v;
      key[i] = v / scale;
    }
  }
}

let cachedScratch: WeakRef<RankScratch> | undefined;

/** Reusable buffers for ranking n units; the variable-size ones grow on demand. */
export class RankScratch {
  /** Free for a caller's temporary ranks (the functions here never touch it). */
  readonly ranks: Int32Array;
  /** Free for a caller's temporary values (the functions here never touch it). */
  readonly floats: Float64Array;
  private readonly pool: Float64Array[] = [];
  readonly order: Int32Array;
  readonly spare: Int32Array;
  private packed: [Float64Array, Float64Array] | undefined;
  private readonly table = {
    counts: new Int32Array(0),
    above: new Int32Array(0),
    distinct: new Int32Array(0),
  };
  private sorted = new Float64Array(0);
  private bounds = new Float64Array(0);
  private starts = new Int32Array(0);
  private sparseTable = { counts: new Int32Array(0), bits: new Int32Array(0) };
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
  /**
   * The k-th spare n-long Float64Array for a caller's temporary columns (e.g. tieBreak keys);
   * kept with the scratch, so a repeated round allocates none.
   */
  spareFloats(k: number): Float64Array {
    while (this.pool.length <= k) this.pool.push(new Float64Array(this.n));
    return this.pool[k]!;
  }
  /** Two n-long Float64Arrays for keys that travel with their units through a radix sort. */
  packedBuffers(): [Float64Array, Float64Array] {
    this.packed ??= [new Float64Array(this.n), new Float64Array(this.n)];
    return this.packed;
  }
  /** An Int32Array of `size` zeros (per-group counts), kept. */
  groupStarts(size: number): Int32Array {
    if (this.starts.length < size) this.starts = new Int32Array(size);
    else this.starts.fill(0, 0, size);
    return this.starts.subarray(0, size);
  }
  /** Two arrays of per-group bounds (lowest, highest), `count` long each. */
  groupBounds(count: number): { lo: Float64Array; hi: Float64Array } {
    if (this.bounds.length < 2 * count) this.bounds = new Float64Array(2 * count);
    return { lo: this.bounds.subarray(0, count), hi: this.bounds.subarray(count, 2 * count) };
  }
  /**
   * A histogram of `size` buckets with a bitmap of the occupied ones, both all zero: unlike
   * {@link histogram}'s, whoever uses them leaves them zeroed again (clearing only what it marked).
   */
  sparseHistogram(size: number): { counts: Int32Array; bits: Int32Array } {
    const t = this.sparseTable;
    if (t.counts.length < size) {
      const length = Math.max(size, t.counts.length * 2);
      t.counts = new Int32Array(length);
      t.bits = new Int32Array((length + 31) >>> 5);
    }
    return t;
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

function scaled(col: Float64Array, scale: number, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = Math.round(col[i]! * scale);
  return out;
}

/**
 * An integer-valued key with the same order and ties as `col` (NaN stays NaN = left out):
 * `col` itself when it holds integers; decimals that are exactly n / 10^k (values typed into a
 * sheet) × 10^k (written to `into` when given); anything else its index among the sorted
 * distinct values.
 */
export function integerKey(
  col: Float64Array,
  scratch: RankScratch,
  into?: Float64Array,
): Float64Array {
  const { min, max, integers } = extremes(col, true);
  if (integers || !(min <= max)) return col;
  const limit = domainLimit(col.length);
  if (Number.isFinite(min) && Number.isFinite(max)) {
    for (let k = 1, s = 10; k <= 6; k++, s *= 10) {
      if (Math.round(max * s) - Math.round(min * s) >= limit) break;
      if (exactDecimals(col, s)) return scaled(col, s, into);
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
  low = 0,
): Int32Array {
  if (range <= 1 << 16) {
    // One pass: the whole key is the digit (mask −1 keeps every bit).
    countingPass(order, spare, m, key, range, flip, 0, -1, range, scratch, low);
    return spare;
  }
  let from = order;
  let to = spare;
  for (let shift = 0; 2 ** shift < range; shift += DIGIT_BITS) {
    countingPass(from, to, m, key, range, flip, shift, DIGIT_MASK, DIGIT_MASK + 1, scratch, low);
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
  low = 0,
): void {
  const start = scratch.histogram(buckets + 1).counts;
  // The digit source: key − low ascending, or (range − 1) − (key − low) descending.
  const top = range - 1 + low;
  if (flip) {
    for (let j = 0; j < m; j++) start[(((top - key[from[j]!]!) >>> shift) & mask) + 1]!++;
  } else {
    for (let j = 0; j < m; j++) start[(((key[from[j]!]! - low) >>> shift) & mask) + 1]!++;
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
      to[start[((key[i]! - low) >>> shift) & mask]!++] = i;
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
    const total = options.accumulate?.total;
    const scale = options.accumulate?.scale ?? 1;
    if (
      small &&
      countWithin(key, grouping, low, high, dense, rank, bottom, scratch, total, scale)
    ) {
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
    const members = memberOrder(grouping);
    for (let g = 0; g < grouping.count; g++) {
      countGroup(
        key,
        members,
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
    const column = { key: compacted.key, low: 0, range: compacted.range };
    packedRanks([column], grouping, dense, rank, bottom, undefined, scratch);
  }
  if (options.accumulate) accumulate(key, options.accumulate.total, options.accumulate.scale);
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

// Per grouping object, not per members array: the helper thread refills one shared members
// array board after board (and builds a new grouping object for each).
const inOrder = new WeakMap<Grouping, boolean>();

/**
 * The grouping's members, or undefined when they are the units in sheet order (a sheet that
 * lists each group's units together): the counting loops then index the units directly.
 */
function memberOrder(grouping: Grouping): Int32Array | undefined {
  let direct = inOrder.get(grouping);
  if (direct === undefined) {
    direct = isIdentity(grouping.members);
    inOrder.set(grouping, direct);
  }
  return direct ? undefined : grouping.members;
}

function isIdentity(members: Int32Array): boolean {
  for (let j = 0; j < members.length; j++) if (members[j] !== j) return false;
  return true;
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
  total?: Float64Array,
  scale = 1,
): boolean {
  // countAll checks every key before it writes anything; group by group, a key out of bounds
  // in a late group would come after earlier groups' keys were accumulated: check first then.
  if (grouping.count <= 1) return countAll(key, lo, hi, dense, rank, bottom, scratch, total, scale);
  if (total && !within(key, lo, hi)) return false;
  const members = memberOrder(grouping);
  for (let g = 0; g < grouping.count; g++) {
    const s = grouping.starts[g]!;
    const e = grouping.starts[g + 1]!;
    if (!countGroup(key, members, s, e, lo, hi, dense, rank, bottom, scratch, total, scale)) {
      return false;
    }
  }
  return true;
}

function within(key: Float64Array, lo: number, hi: number): boolean {
  for (let i = 0; i < key.length; i++) {
    const v = key[i]!;
    if (v < lo || v > hi) return false;
  }
  return true;
}

/** Ranks within groups and overall, with bottom ranks: what a round's totals need. */
export interface LexicographicRanks {
  rank: Int32Array;
  bottom: Int32Array;
  overall: Int32Array;
}

/**
 * Ranks by integer-valued key columns compared lexicographically (most significant first,
 * higher better; NaN in the first leaves a unit out), within groups — with bottom ranks — and
 * over all units. One least-significant-first radix sort, every pass descending, orders all
 * units best first; a scan numbers the overall ranks; a stable counting sort by group and a
 * second scan number the ranks within groups. Linear in units + ranges.
 */
export function rankLexicographic(
  keys: readonly Float64Array[],
  grouping: Grouping,
  mode: Ranking,
  scratch: RankScratch = new RankScratch(grouping.of.length),
  into?: { rank?: Int32Array; bottom?: Int32Array; overall?: Int32Array },
): LexicographicRanks {
  const n = grouping.of.length;
  const dense = mode === 'dense';
  const rank = into?.rank ?? new Int32Array(n);
  const bottom = into?.bottom ?? new Int32Array(n);
  // With one group the overall ranks are the ranks: the same array.
  const overall = grouping.count <= 1 ? rank : (into?.overall ?? new Int32Array(n));
  // Columns as (key, lowest, range); a range past 2^31 is first numbered by a sort.
  const columns = keys.map((col) => {
    const { min, max, integers } = extremes(col, true);
    if (!(min <= max)) return { key: col, low: 0, range: 1 };
    if (integers && max - min < INT_RANGE) return { key: col, low: min, range: max - min + 1 };
    const key = sortedIds(col, scratch);
    return { key, low: 0, range: extremes(key, false).max + 1 };
  });
  let product = 1;
  for (const c of columns) product *= c.range;
  if (product <= 2 ** 53) {
    packedRanks(columns, grouping, dense, rank, bottom, overall, scratch);
    return { rank, bottom, overall };
  }
  // Too many digits for one double: sort the unit indices column by column instead.
  const first = columns[0]!.key;
  let order = scratch.order;
  let spare = scratch.spare;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(first[i]!)) {
      rank[i] = 0;
      bottom[i] = 0;
      overall[i] = 0;
    } else order[m++] = i;
  }
  for (let c = columns.length - 1; c >= 0; c--) {
    const { key, low, range } = columns[c]!;
    const sorted = radixOrder(order, spare, m, key, range, true, scratch, low);
    if (sorted !== order) [order, spare] = [spare, order];
  }
  const ks = columns.map((c) => c.key);
  if (grouping.count <= 1) {
    scanTuples(order, m, ks, undefined, dense, rank, bottom);
  } else {
    scanTuples(order, m, ks, undefined, dense, overall, undefined);
    sortByGroup(order, spare, m, grouping.of, grouping.count, scratch);
    scanTuples(spare, m, ks, grouping.of, dense, rank, bottom);
  }
  return { rank, bottom, overall };
}

interface Column {
  key: Float64Array;
  low: number;
  range: number;
}

/**
 * {@link rankLexicographic} when the whole tuple fits one double: each unit's columns are packed
 * into one integer (best first = smallest), and (packed key, unit) pairs travel together through
 * a radix sort of 16-bit digits, so every pass reads sequentially.
 */
function packedRanks(
  columns: Column[],
  grouping: Grouping,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  overall: Int32Array | undefined,
  scratch: RankScratch,
): void {
  const n = grouping.of.length;
  let [keys, keysTo] = scratch.packedBuffers();
  let units = scratch.order;
  let unitsTo = scratch.spare;
  // Pack column by column into keysTo (NaN in the first column stays NaN: left out).
  packDigits(columns[0]!, keysTo, true);
  let product = columns[0]!.range;
  for (let c = 1; c < columns.length; c++) {
    packDigits(columns[c]!, keysTo, false);
    product *= columns[c]!.range;
  }
  // Ranked units per group, counted in sheet order here rather than from the sorted order
  // (reading `of` unit by unit along a sorted order is a cache miss each).
  const count = grouping.count;
  const bounds = count > 1 ? scratch.groupStarts(count + 1) : undefined;
  const m = keepRanked(keysTo, n, keys, units, grouping.of, bounds, rank, bottom, overall);
  if (product <= 1 << 16) {
    carryPass(keys, units, keysTo, unitsTo, m, 0, -1, product, scratch);
    [keys, keysTo] = [keysTo, keys];
    [units, unitsTo] = [unitsTo, units];
  } else {
    for (let shift = 0; 2 ** shift < product; shift += 16) {
      carryPass(keys, units, keysTo, unitsTo, m, shift, 0xffff, 1 << 16, scratch);
      [keys, keysTo] = [keysTo, keys];
      [units, unitsTo] = [unitsTo, units];
    }
  }
  if (!bounds) {
    scanRange(keys, units, 0, m, dense, rank, bottom);
    return;
  }
  if (overall) scanRange(keys, units, 0, m, dense, overall, undefined);
  // Stable by group: each group's units stay best first. bounds[g] becomes group g's first slot.
  for (let g = 0; g < count; g++) bounds[g + 1]! += bounds[g]!;
  const next = scratch.histogram(count).counts;
  next.set(bounds.subarray(0, count));
  byGroup(keys, units, keysTo, unitsTo, m, grouping.of, next);
  scanGroups(keysTo, unitsTo, bounds, count, dense, rank, bottom);
}

/**
 * Copies units 0..n − 1's packed keys that are not NaN, with their units, to keys/units and
 * counts them per group into bounds[g + 1]; a NaN key's unit gets rank 0. Returns their number.
 */
function keepRanked(
  packed: Float64Array,
  n: number,
  keys: Float64Array,
  units: Int32Array,
  of: Int32Array,
  bounds: Int32Array | undefined,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  overall: Int32Array | undefined,
): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = packed[i]!;
    if (Number.isNaN(k)) {
      rank[i] = 0;
      if (bottom) bottom[i] = 0;
      if (overall) overall[i] = 0;
    } else {
      keys[m] = k;
      units[m++] = i;
      if (bounds) bounds[of[i]! + 1]!++;
    }
  }
  return m;
}

/** Places (key, unit) pairs group by group, in their order within each, from next[g] on. */
function byGroup(
  keys: Float64Array,
  units: Int32Array,
  keysTo: Float64Array,
  unitsTo: Int32Array,
  m: number,
  of: Int32Array,
  next: Int32Array,
): void {
  for (let j = 0; j < m; j++) {
    const i = units[j]!;
    const at = next[of[i]!]!++;
    keysTo[at] = keys[j]!;
    unitsTo[at] = i;
  }
}

/** {@link scanRange} group by group, group g's pairs lying in [bounds[g], bounds[g + 1]). */
function scanGroups(
  keys: Float64Array,
  units: Int32Array,
  bounds: Int32Array,
  count: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
): void {
  for (let g = 0; g < count; g++)
    scanRange(keys, units, bounds[g]!, bounds[g + 1]!, dense, rank, bottom);
}

/** packed ← packed × range + (range − 1 − (key − low)): the best value gets the smallest digit. */
function packDigits(column: Column, packed: Float64Array, first: boolean): void {
  const { key, low, range } = column;
  const top = range - 1 + low;
  if (first) for (let i = 0; i < packed.length; i++) packed[i] = top - key[i]!;
  else for (let i = 0; i < packed.length; i++) packed[i] = packed[i]! * range + (top - key[i]!);
}

/** One stable counting pass of (key, unit) pairs by a 16-bit digit (or the whole small key). */
function carryPass(
  keys: Float64Array,
  units: Int32Array,
  keysTo: Float64Array,
  unitsTo: Int32Array,
  m: number,
  shift: number,
  mask: number,
  buckets: number,
  scratch: RankScratch,
): void {
  const start = scratch.histogram(buckets + 1).counts;
  // Below bit 32, >>> takes the key modulo 2^32; above, the key divided by 2^32 (exact enough:
  // >>> truncates, and the packed keys are integers below 2^53).
  const high = shift >= 32;
  const s = high ? shift - 32 : shift;
  if (high) {
    for (let j = 0; j < m; j++) start[(((keys[j]! / 4294967296) >>> s) & mask) + 1]!++;
  } else {
    for (let j = 0; j < m; j++) start[((keys[j]! >>> s) & mask) + 1]!++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  if (high) {
    for (let j = 0; j < m; j++) {
      const k = keys[j]!;
      const at = start[((k / 4294967296) >>> s) & mask]!++;
      keysTo[at] = k;
      unitsTo[at] = units[j]!;
    }
  } else {
    for (let j = 0; j < m; j++) {
      const k = keys[j]!;
      const at = start[(k >>> s) & mask]!++;
      keysTo[at] = k;
      unitsTo[at] = units[j]!;
    }
  }
}

/** Assigns ranks along sorted (key, unit) pairs [j, end) of one group, best first. */
function scanRange(
  keys: Float64Array,
  units: Int32Array,
  j: number,
  end: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
): void {
  let run = j;
  let distinctAbove = 0;
  while (run < end) {
    const k = keys[run]!;
    let runEnd = run + 1;
    while (runEnd < end && keys[runEnd] === k) runEnd++;
    const r = 1 + (dense ? distinctAbove : run - j);
    for (let p = run; p < runEnd; p++) {
      const i = units[p]!;
      rank[i] = r;
      if (bottom) bottom[i] = 1 + end - runEnd;
    }
    distinctAbove++;
    run = runEnd;
  }
}

/**
 * Assigns ranks along an order that lists units best first (group after group when `of` is
 * given), ties being equal tuples of `keys`.
 */
function scanTuples(
  order: Int32Array,
  m: number,
  keys: Float64Array[],
  of: Int32Array | undefined,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
): void {
  const k = keys.length;
  let j = 0;
  while (j < m) {
    const g = of ? of[order[j]!]! : 0;
    let end = j;
    if (of) while (end < m && of[order[end]!] === g) end++;
    else end = m;
    let run = j;
    let distinctAbove = 0;
    while (run < end) {
      const head = order[run]!;
      let runEnd = run + 1;
      while (runEnd < end) {
        const i = order[runEnd]!;
        let same = true;
        for (let c = 0; same && c < k; c++) same = keys[c]![i] === keys[c]![head];
        if (!same) break;
        runEnd++;
      }
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

// The group loops below live in functions of their own with nothing after them: V8 (Node 20)
// compiles a long loop on the fly (OSR) the first time it runs, before the code after it has run;
// that code then bails out after the loop while it stays cached, and what follows runs
// unoptimised (a two-loop function called in a loop stayed at 7.8 ms a call, 4 ms split).
// countAll keeps its two loops: split, whole one-board rounds measured ~5 % slower, and the
// bench's rounds outgrow the bail-outs after a few rounds.

/**
 * Ranks members[s..e) by a histogram of their keys over [lo, hi] and its suffix sums; without
 * `members`, units s..e − 1 themselves (a sheet that lists each group's units together).
 */
function countGroup(
  key: Float64Array,
  members: Int32Array | undefined,
  s: number,
  e: number,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
  total?: Float64Array,
  scale = 1,
): boolean {
  if (!(hi >= lo)) {
    leaveOutGroup(key, members, s, e, rank, total !== undefined);
    return true;
  }
  const size = hi - lo + 1;
  // A small group over a wide span (a county's ~200 villages over an indicator's ~1,000 possible
  // scores): only the occupied buckets are visited, through a bitmap, and cleared afterwards.
  if (!bottom && size > SPARSE_SPAN * (e - s)) {
    return countSparse(key, members, s, e, lo, hi, dense, rank, scratch, total, scale);
  }
  const { counts, above, distinct } = scratch.histogram(size, bottom !== undefined);
  const ranked = members
    ? histogramGroup(key, members, s, e, lo, hi, counts)
    : histogramSpan(key, s, e, lo, hi, counts);
  if (ranked < 0) return false;
  const table = suffix(counts, above, distinct, size, dense, bottom !== undefined);
  const tables = { table, above, counts };
  if (members) assignGroup(key, members, s, e, lo, tables, ranked, rank, bottom, total, scale);
  else assignSpan(key, s, e, lo, tables, ranked, rank, bottom, total, scale);
  return true;
}

/** Spans wider than this many buckets per unit of the group are counted sparsely. */
const SPARSE_SPAN = 2;

/** {@link countGroup} through a bitmap of the occupied buckets (no bottom ranks). */
function countSparse(
  key: Float64Array,
  members: Int32Array | undefined,
  s: number,
  e: number,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  scratch: RankScratch,
  total: Float64Array | undefined,
  scale: number,
): boolean {
  const size = hi - lo + 1;
  const { counts, bits } = scratch.sparseHistogram(size);
  const words = (size + 31) >>> 5;
  const ranked = members
    ? markGroup(key, members, s, e, lo, hi, counts, bits)
    : markSpan(key, s, e, lo, hi, counts, bits);
  if (ranked < 0) {
    clearMarked(counts, bits, words);
    return false;
  }
  sparseSuffix(counts, bits, words, dense);
  const tables = { table: counts, above: counts, counts };
  if (members) assignGroup(key, members, s, e, lo, tables, ranked, rank, undefined, total, scale);
  else assignSpan(key, s, e, lo, tables, ranked, rank, undefined, total, scale);
  clearMarked(counts, bits, words);
  return true;
}

/** {@link histogramGroup}, also setting bit key − lo of `bits`. */
function markGroup(
  key: Float64Array,
  members: Int32Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  counts: Int32Array,
  bits: Int32Array,
): number {
  let ranked = 0;
  for (let j = s; j < e; j++) {
    const v = key[members[j]!]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return -1;
      const b = (v - lo) | 0;
      counts[b]!++;
      bits[b >>> 5]! |= 1 << (b & 31);
      ranked++;
    }
  }
  return ranked;
}

/** {@link suffix} in place over the occupied buckets only, from the highest down. */
function sparseSuffix(counts: Int32Array, bits: Int32Array, words: number, dense: boolean): void {
  let running = 0;
  for (let w = words - 1; w >= 0; w--) {
    let x = bits[w]!;
    while (x !== 0) {
      const bit = 31 - Math.clz32(x);
      x ^= 1 << bit;
      const b = (w << 5) | bit;
      const k = counts[b]!;
      counts[b] = running;
      running += dense ? 1 : k;
    }
  }
}

/** Zeroes the marked buckets and the bitmap. */
function clearMarked(counts: Int32Array, bits: Int32Array, words: number): void {
  for (let w = 0; w < words; w++) {
    let x = bits[w]!;
    if (x === 0) continue;
    bits[w] = 0;
    while (x !== 0) {
      const bit = 31 - Math.clz32(x);
      x ^= 1 << bit;
      counts[(w << 5) | bit] = 0;
    }
  }
}

/** {@link markGroup} over units s..e − 1 themselves. */
function markSpan(
  key: Float64Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  counts: Int32Array,
  bits: Int32Array,
): number {
  let ranked = 0;
  for (let i = s; i < e; i++) {
    const v = key[i]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return -1;
      const b = (v - lo) | 0;
      counts[b]!++;
      bits[b >>> 5]! |= 1 << (b & 31);
      ranked++;
    }
  }
  return ranked;
}

/** {@link histogramGroup} over units s..e − 1 themselves. */
function histogramSpan(
  key: Float64Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  counts: Int32Array,
): number {
  let ranked = 0;
  for (let i = s; i < e; i++) {
    const v = key[i]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return -1;
      counts[(v - lo) | 0]!++;
      ranked++;
    }
  }
  return ranked;
}

/** {@link assignGroup} over units s..e − 1 themselves. */
function assignSpan(
  key: Float64Array,
  s: number,
  e: number,
  lo: number,
  tables: Tables,
  ranked: number,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  total: Float64Array | undefined,
  scale: number,
): void {
  const { table, above, counts } = tables;
  for (let i = s; i < e; i++) {
    const v = key[i]!;
    if (Number.isNaN(v)) {
      rank[i] = 0;
      if (total) key[i] = 0;
      continue;
    }
    const b = (v - lo) | 0;
    rank[i] = 1 + table[b]!;
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
    if (total) {
      total[i]! += v;
      key[i] = v / scale;
    }
  }
}

function leaveOutGroup(
  key: Float64Array,
  members: Int32Array | undefined,
  s: number,
  e: number,
  rank: Int32Array,
  zeroKeys: boolean,
): void {
  for (let j = s; j < e; j++) {
    const i = members ? members[j]! : j;
    rank[i] = 0;
    if (zeroKeys) key[i] = 0;
  }
}

/** Counts members[s..e)'s keys into counts[key − lo]; the number counted, or −1 if one is out of bounds. */
function histogramGroup(
  key: Float64Array,
  members: Int32Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  counts: Int32Array,
): number {
  let ranked = 0;
  for (let j = s; j < e; j++) {
    const v = key[members[j]!]!;
    if (!Number.isNaN(v)) {
      if (v < lo || v > hi) return -1;
      counts[(v - lo) | 0]!++;
      ranked++;
    }
  }
  return ranked;
}

/** What {@link suffix} made of a histogram: `table` per bucket, and `above`/`counts` for bottom ranks. */
interface Tables {
  table: Int32Array;
  above: Int32Array;
  counts: Int32Array;
}

function assignGroup(
  key: Float64Array,
  members: Int32Array,
  s: number,
  e: number,
  lo: number,
  tables: Tables,
  ranked: number,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  total: Float64Array | undefined,
  scale: number,
): void {
  const { table, above, counts } = tables;
  for (let j = s; j < e; j++) {
    const i = members[j]!;
    const v = key[i]!;
    if (Number.isNaN(v)) {
      rank[i] = 0;
      if (total) key[i] = 0;
      continue;
    }
    const b = (v - lo) | 0;
    rank[i] = 1 + table[b]!;
    // Units ranked below = the ranked units minus those above and those tied.
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
    if (total) {
      total[i]! += v;
      key[i] = v / scale;
    }
  }
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
  total?: Float64Array,
  scale = 1,
): boolean {
  const n = key.length;
  if (!(hi >= lo)) {
    rank.fill(0);
    if (total) key.fill(0);
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
      if (total) key[i] = 0;
      continue;
    }
    const b = (v - lo) | 0;
    rank[i] = 1 + table[b]!;
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
    if (total) {
      total[i]! += v;
      key[i] = v / scale;
    }
  }
  return true;
}
