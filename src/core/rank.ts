// Ranking without comparator sorts. Scores are rounded to `precision` decimals, so they are
// integers in disguise; ranks are counted over that small integer domain — a histogram and its
// suffix sums, or, when a group's span of values is wide, two stable counting sorts (by value,
// then by group) and a scan — linear in units + range. Only keys that are neither integers nor
// typed decimals are first mapped to a compact domain by one native numeric sort.
// DESIGN §3 defines the ranks: competition = 1 + the number of strictly better keys; dense =
// 1 + the number of distinct strictly better keys. Hot loops live in small functions so that
// V8 optimises each once and keeps it optimised.
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
}

/** Reusable buffers for ranking n units; the variable-size ones grow on demand. */
export class RankScratch {
  readonly ids: Int32Array;
  /** Free for a caller's temporary ranks (rankByKeys never touches it). */
  readonly ranks: Int32Array;
  readonly order: Int32Array;
  readonly spare: Int32Array;
  private counts = new Int32Array(0);
  private above = new Int32Array(0);
  private distinct = new Int32Array(0);
  private sorted = new Float64Array(0);
  constructor(readonly n: number) {
    this.ids = new Int32Array(n);
    this.ranks = new Int32Array(n);
    this.order = new Int32Array(n);
    this.spare = new Int32Array(n);
  }
  /** Three zeroed (counts) or stale (above, distinct) Int32Arrays of at least `size`. */
  histogram(size: number): { counts: Int32Array; above: Int32Array; distinct: Int32Array } {
    if (this.counts.length < size) {
      const grown = Math.max(size, this.counts.length * 2);
      this.counts = new Int32Array(grown);
      this.above = new Int32Array(grown);
      this.distinct = new Int32Array(grown);
    } else {
      this.counts.fill(0, 0, size);
    }
    return { counts: this.counts, above: this.above, distinct: this.distinct };
  }
  sortBuffer(size: number): Float64Array {
    if (this.sorted.length < size) this.sorted = new Float64Array(Math.max(size, this.sorted.length * 2));
    return this.sorted.subarray(0, size);
  }
}

/** Domains up to this size are counted directly; larger ones are compressed by a sort first. */
function domainLimit(n: number): number {
  return Math.max(4 * n, 1 << 16);
}

/** Integer ids of a key column: higher value → higher id, equal → equal; -1 = left out. */
interface Ids {
  ids: Int32Array;
  range: number;
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
    if (checkIntegers && integers && Math.floor(v) !== v && v === v) integers = false;
  }
  return { min, max, integers };
}

function offsetIds(col: Float64Array, ids: Int32Array, min: number, scale: number): void {
  if (scale === 1) {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      ids[i] = v === v ? v - min : -1;
    }
  } else {
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      ids[i] = v === v ? Math.round(v * scale) - min : -1;
    }
  }
}

/** True when every value is the double nearest to some n / scale (typed with ≤ k decimals). */
function exactDecimals(col: Float64Array, scale: number): boolean {
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v === v && Math.round(v * scale) / scale !== v) return false;
  }
  return true;
}

/**
 * Maps a key column to ids over the units whose value is not NaN (the rest get -1). Integers,
 * and decimals that are exactly n / 10^k (values typed into a sheet), map by offset; anything
 * else by its index among the sorted distinct values.
 */
function toIds(col: Float64Array, ids: Int32Array, integer: boolean, scratch: RankScratch): Ids {
  const limit = domainLimit(col.length);
  const { min, max, integers } = extremes(col, !integer);
  if (min > max) {
    ids.fill(-1);
    return { ids, range: 1 };
  }
  if (integers && max - min < limit) {
    offsetIds(col, ids, min, 1);
    return { ids, range: max - min + 1 };
  }
  // Decimals typed into a sheet are the doubles nearest to n / 10^k: an exact, order-keeping map.
  if (!integers && Number.isFinite(min) && Number.isFinite(max)) {
    for (let k = 1, s = 10; k <= 6; k++, s *= 10) {
      const lo = Math.round(min * s);
      const hi = Math.round(max * s);
      if (hi - lo >= limit) break;
      if (exactDecimals(col, s)) {
        offsetIds(col, ids, lo, s);
        return { ids, range: hi - lo + 1 };
      }
    }
  }
  return sortedIds(col, ids, scratch);
}

/** Fallback: each value's index among the sorted distinct values, by binary search. */
function sortedIds(col: Float64Array, ids: Int32Array, scratch: RankScratch): Ids {
  console.error("sortedIds", col.length);
  const n = col.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (col[i] === col[i]) m++;
  const sorted = scratch.sortBuffer(m);
  m = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (v === v) sorted[m++] = v;
  }
  sorted.sort();
  let distinct = 0;
  for (let j = 0; j < m; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[distinct++] = sorted[j]!;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    if (v !== v) {
      ids[i] = -1;
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
  return { ids, range: distinct };
}

function leaveOut(ids: Int32Array, first: Int32Array): void {
  for (let i = 0; i < ids.length; i++) if (first[i] === -1) ids[i] = -1;
}

function fold(ids: Int32Array, next: Int32Array, range: number): void {
  for (let i = 0; i < ids.length; i++) if (ids[i] !== -1) ids[i] = ids[i]! * range + next[i]!;
}

/** Stable counting sort of order[0..m) by key ascending, into `to`. */
function countingSort(
  order: Int32Array,
  to: Int32Array,
  m: number,
  key: Int32Array,
  range: number,
  scratch: RankScratch,
): void {
  const start = scratch.histogram(range + 1).counts;
  for (let j = 0; j < m; j++) start[key[order[j]!]! + 1]!++;
  for (let v = 0; v < range; v++) start[v + 1]! += start[v]!;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    to[start[key[i]!]!++] = i;
  }
}

/**
 * One id for several key columns compared lexicographically (most significant first): folded
 * arithmetically while the product of ranges stays countable, else by least-significant-first
 * counting sorts and a scan that numbers the distinct tuples.
 */
function compositeIds(keys: readonly Float64Array[], integer: boolean, scratch: RankScratch): Ids {
  const n = keys[0]!.length;
  const limit = domainLimit(n);
  const first = toIds(keys[0]!, new Int32Array(n), integer, scratch);
  const columns = [first];
  for (let c = 1; c < keys.length; c++) {
    const col = toIds(keys[c]!, new Int32Array(n), integer, scratch);
    // A later key only matters for units the first key keeps.
    leaveOut(col.ids, first.ids);
    columns.push(col);
  }
  let combined = first;
  let c = 1;
  while (c < columns.length && combined.range * columns[c]!.range <= limit) {
    fold(combined.ids, columns[c]!.ids, columns[c]!.range);
    combined = { ids: combined.ids, range: combined.range * columns[c]!.range };
    c++;
  }
  if (c === columns.length) return combined;
  const rest = [combined, ...columns.slice(c)].map((col) => col.ids);
  const ranges = [combined, ...columns.slice(c)].map((col) => col.range);
  let order = scratch.order;
  let spare = scratch.spare;
  let m = 0;
  for (let i = 0; i < n; i++) if (combined.ids[i] !== -1) order[m++] = i;
  for (let k = rest.length - 1; k >= 0; k--) {
    countingSort(order, spare, m, rest[k]!, ranges[k]!, scratch);
    [order, spare] = [spare, order];
  }
  // `order` is ascending; number the distinct tuples from the bottom up.
  const out = new Int32Array(n).fill(-1);
  let id = -1;
  let previous = -1;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    let differs = previous === -1;
    for (let k = 0; !differs && k < rest.length; k++) differs = rest[k]![i] !== rest[k]![previous];
    if (differs) id++;
    out[i] = id;
    previous = i;
  }
  return { ids: out, range: id + 1 };
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
  const n = grouping.of.length;
  if (keys.length === 0) throw new RangeError('rankByKeys needs at least one key');
  const scratch = options.scratch ?? new RankScratch(n);
  const integer = options.integer ?? false;
  const key =
    keys.length === 1
      ? toIds(keys[0]!, scratch.ids, integer, scratch)
      : compositeIds(keys, integer, scratch);
  const rank = options.into ?? new Int32Array(n);
  const bottom = options.bottom ? (options.bottomInto ?? new Int32Array(n)) : undefined;
  const dense = options.mode === 'dense';
  if (grouping.count <= 1) {
    countGroup(key.ids, grouping.members, 0, n, 0, key.range - 1, dense, rank, bottom, scratch);
    return bottom ? { rank, bottom } : { rank };
  }
  // Each group's own span of ids: counted group by group when the spans are small for the
  // groups' sizes, else all groups at once by counting sorts over the whole range.
  const lo = new Int32Array(grouping.count);
  const hi = new Int32Array(grouping.count);
  const span = groupSpans(key.ids, grouping, lo, hi);
  if (span <= 4 * n + 256 * grouping.count) {
    for (let g = 0; g < grouping.count; g++) {
      countGroup(key.ids, grouping.members, grouping.starts[g]!, grouping.starts[g + 1]!, lo[g]!, hi[g]!, dense, rank, bottom, scratch);
    }
  } else {
    radixGroups(key, grouping, dense, rank, bottom, scratch);
  }
  return bottom ? { rank, bottom } : { rank };
}

/** Per group the lowest and highest id (hi < lo when the group has none); returns Σ spans. */
function groupSpans(ids: Int32Array, grouping: Grouping, lo: Int32Array, hi: Int32Array): number {
  lo.fill(2147483647);
  hi.fill(-1);
  const of = grouping.of;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === -1) continue;
    const g = of[i]!;
    if (id < lo[g]!) lo[g] = id;
    if (id > hi[g]!) hi[g] = id;
  }
  let total = 0;
  for (let g = 0; g < grouping.count; g++) if (hi[g]! >= lo[g]!) total += hi[g]! - lo[g]! + 1;
  return total;
}

/** Ranks members[s..e) by a histogram of their ids over [lo, hi] and its suffix sums. */
function countGroup(
  ids: Int32Array,
  members: Int32Array,
  s: number,
  e: number,
  lo: number,
  hi: number,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): void {
  if (hi < lo) {
    for (let j = s; j < e; j++) rank[members[j]!] = 0;
    return;
  }
  const size = hi - lo + 1;
  const { counts, above, distinct } = scratch.histogram(size);
  let ranked = 0;
  for (let j = s; j < e; j++) {
    const id = ids[members[j]!]!;
    if (id !== -1) {
      counts[id - lo]!++;
      ranked++;
    }
  }
  let units = 0;
  let keysAbove = 0;
  for (let b = size - 1; b >= 0; b--) {
    const k = counts[b]!;
    above[b] = units;
    distinct[b] = keysAbove;
    units += k;
    if (k > 0) keysAbove++;
  }
  const table = dense ? distinct : above;
  for (let j = s; j < e; j++) {
    const i = members[j]!;
    const id = ids[i]!;
    if (id === -1) {
      rank[i] = 0;
      continue;
    }
    const b = id - lo;
    rank[i] = 1 + table[b]!;
    // Units ranked below = the ranked units minus those above and those tied.
    if (bottom) bottom[i] = 1 + ranked - above[b]! - counts[b]!;
  }
}

/**
 * Ranks every group at once: a stable counting sort by id (best first), then by group, leaves
 * each group's units best first; one scan numbers them.
 */
function radixGroups(
  key: Ids,
  grouping: Grouping,
  dense: boolean,
  rank: Int32Array,
  bottom: Int32Array | undefined,
  scratch: RankScratch,
): void {
  const { ids, range } = key;
  const n = ids.length;
  const order = scratch.order;
  const spare = scratch.spare;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (ids[i] === -1) rank[i] = 0;
    else order[m++] = i;
  }
  // Descending by id: sort by (range - 1 - id) ascending, reusing `rank` as that key.
  const flipped = rank;
  for (let j = 0; j < m; j++) flipped[order[j]!] = range - 1 - ids[order[j]!]!;
  countingSort(order, spare, m, flipped, range, scratch);
  countingSort(spare, order, m, grouping.of, grouping.count, scratch);
  scanRuns(order, m, ids, grouping.of, dense, rank, bottom);
}

/** Assigns ranks along an order that lists each group's units best first, group after group. */
function scanRuns(
  order: Int32Array,
  m: number,
  ids: Int32Array,
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
      const id = ids[order[run]!]!;
      let runEnd = run + 1;
      while (runEnd < end && ids[order[runEnd]!] === id) runEnd++;
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
