import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupBy,
  RankScratch,
  rankByKeys,
  rankKey,
  rankLexicographic,
  singleGroup,
} from './rank.ts';

/** The definition of DESIGN §3, by brute force: 1 + units (or distinct keys) strictly better. */
function naiveRanks(keys: number[][], groups: string[], mode: 'competition' | 'dense') {
  const n = groups.length;
  const better = (a: number, b: number) => {
    for (const k of keys) {
      if (k[a]! !== k[b]!) return k[a]! > k[b]!;
    }
    return false;
  };
  const included = (i: number) => !Number.isNaN(keys[0]![i]!);
  const rank: number[] = [];
  const bottom: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!included(i)) {
      rank.push(0);
      bottom.push(0);
      continue;
    }
    const peers = [...Array(n).keys()].filter((j) => included(j) && groups[j] === groups[i]);
    const above = peers.filter((j) => better(j, i));
    const distinct = new Set(above.map((j) => keys.map((k) => k[j]).join('|')));
    rank.push(1 + (mode === 'dense' ? distinct.size : above.length));
    bottom.push(0);
  }
  for (let i = 0; i < n; i++) {
    if (!included(i)) continue;
    bottom[i] =
      1 +
      [...Array(n).keys()].filter(
        (j) => included(j) && groups[j] === groups[i] && rank[j]! > rank[i]!,
      ).length;
  }
  return { rank, bottom };
}

function ranksOf(keys: number[][], groups: string[], mode: 'competition' | 'dense') {
  const r = rankByKeys(
    keys.map((k) => Float64Array.from(k)),
    groupBy(groups),
    { mode, bottom: true },
  );
  return { rank: [...r.rank], bottom: [...r.bottom!] };
}

describe('rankByKeys', () => {
  it('competition: ties share a rank and the next is skipped (1,2,2,4)', () => {
    expect(ranksOf([[90, 80, 80, 70]], ['', '', '', ''], 'competition')).toEqual({
      rank: [1, 2, 2, 4],
      bottom: [4, 2, 2, 1],
    });
  });

  it('dense: ties share a rank and the next is not skipped (1,2,2,3)', () => {
    // The bottom rank counts units, not ranks: 1 + the number of units ranked below.
    expect(ranksOf([[90, 80, 80, 70]], ['', '', '', ''], 'dense')).toEqual({
      rank: [1, 2, 2, 3],
      bottom: [4, 2, 2, 1],
    });
  });

  it('leaves out units whose first key is NaN, and does not count them', () => {
    expect(
      ranksOf([[Number.NaN, 5, 7, Number.NaN, 5]], ['', '', '', '', ''], 'competition'),
    ).toEqual({
      rank: [0, 2, 1, 0, 2],
      bottom: [0, 1, 3, 0, 1],
    });
  });

  it('compares keys lexicographically: a later key decides only equal earlier keys', () => {
    const keys = [
      [1, 1, 1, 0, 1],
      [80, 80, 80, 99, 70],
      [40, 30, 40, 50, 90],
    ];
    expect(ranksOf(keys, ['', '', '', '', ''], 'competition').rank).toEqual([1, 3, 1, 5, 4]);
    expect(ranksOf(keys, ['', '', '', '', ''], 'dense').rank).toEqual([1, 2, 1, 4, 3]);
  });

  it('ranks each group apart', () => {
    expect(ranksOf([[10, 9, 8, 10, 1]], ['a', 'b', 'a', 'b', 'a'], 'competition').rank).toEqual([
      1, 2, 2, 1, 3,
    ]);
  });

  it('handles non-integer, huge-range and negative keys on the compressed path', () => {
    const keys = [[0.1 + 0.2, 0.3, 1e12, -1e12, 1 / 3, 1 / 3, -0, 0]];
    const groups = Array(8).fill('');
    expect(ranksOf(keys, groups, 'competition')).toEqual(naiveRanks(keys, groups, 'competition'));
    // 0.1 + 0.2 is not 0.3: distinct values keep distinct ranks.
    expect(ranksOf(keys, groups, 'competition').rank.slice(0, 2)).toEqual([4, 5]);
  });

  it('treats decimals typed into a sheet exactly (n / 10^k)', () => {
    const keys = [[0.95, 0.9, 0.95, 1.005, 0.125, -2.5]];
    const groups = Array(6).fill('');
    expect(ranksOf(keys, groups, 'dense').rank).toEqual([2, 3, 2, 1, 4, 5]);
  });

  it('sorts groups whose span of keys is wide for their size, same ranks', () => {
    const n = 3000;
    const keys = [Array.from({ length: n }, (_, i) => (i * 7919) % 100_003)];
    const groups = Array.from({ length: n }, (_, i) => `g${i % 700}`);
    const fast = ranksOf(keys, groups, 'competition');
    expect(fast).toEqual(naiveRanks(keys, groups, 'competition'));
  });

  it('equals the definition on random keys, groups and ties (both modes)', () => {
    const arb = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        keys: fc.array(
          fc.array(
            fc.oneof(
              fc.integer({ min: -3, max: 3 }),
              fc.constantFrom(Number.NaN, 0.5, 1e9, -1e9, 2.25),
              fc.integer({ min: -1_000_000, max: 1_000_000 }),
            ),
            { minLength: n, maxLength: n },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        groups: fc.array(fc.constantFrom('', 'a', 'b', 'c'), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom('competition' as const, 'dense' as const),
        ({ keys, groups }, mode) => {
          // Only the first key may be NaN (it marks a unit left out).
          const clean = keys.map((k, c) => (c === 0 ? k : k.map((v) => (Number.isNaN(v) ? 0 : v))));
          expect(ranksOf(clean, groups, mode)).toEqual(naiveRanks(clean, groups, mode));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('equals the definition on large rounds that take every counting and radix path', () => {
    // A fast reference for big inputs: per group, sort the keys and count by definition.
    const reference = (keys: number[][], groups: number[], mode: 'competition' | 'dense') => {
      const n = groups.length;
      const tuples = Array.from({ length: n }, (_, i) => keys.map((k) => k[i]!));
      const tuple = (i: number) => tuples[i]!;
      const cmp = (a: number[], b: number[]) => {
        for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return b[k]! - a[k]!;
        return 0;
      };
      const byGroup = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(keys[0]![i]!)) continue;
        const members = byGroup.get(groups[i]!) ?? [];
        members.push(i);
        byGroup.set(groups[i]!, members);
      }
      const rank = new Array<number>(n).fill(0);
      for (const members of byGroup.values()) {
        members.sort((a, b) => cmp(tuple(a), tuple(b)));
        let distinct = 0;
        members.forEach((i, p) => {
          const first = p === 0 || cmp(tuple(members[p - 1]!), tuple(i)) !== 0;
          if (first) distinct++;
          rank[i] = first ? (mode === 'dense' ? distinct : p + 1) : rank[members[p - 1]!]!;
        });
      }
      return rank;
    };
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const n = 20_000;
    const cases: { keys: number[][]; groupCount: number }[] = [
      // Wide integer keys in many groups: multi-digit radix, best first.
      { keys: [Array.from({ length: n }, () => Math.floor(next() * 79_000))], groupCount: 500 },
      // Integers of a wide range: compacted by a radix numbering, then counted.
      { keys: [Array.from({ length: n }, () => Math.floor(next() * 1e8))], groupCount: 1 },
      // Beyond 2^31 and non-integers: compacted by a native sort.
      { keys: [Array.from({ length: n }, () => next() * 1e15)], groupCount: 3 },
      // Four columns whose product overflows: tuples numbered between radix passes; ties galore.
      {
        keys: [
          Array.from({ length: n }, () => (next() < 0.02 ? Number.NaN : Math.floor(next() * 2))),
          Array.from({ length: n }, () => Math.floor(next() * 9000)),
          Array.from({ length: n }, () => Math.floor(next() * 70_000)),
          Array.from({ length: n }, () => Math.floor(next() * 3) - 1),
        ],
        groupCount: 40,
      },
      // A product of ranges past 2^53: sorted column by column, not packed into one number.
      {
        keys: [0, 1, 2, 3].map(() =>
          Array.from({ length: n }, () => (next() < 0.6 ? 7 : Math.floor(next() * 70_000))),
        ),
        groupCount: 25,
      },
    ];
    for (const { keys, groupCount } of cases) {
      const groups = Array.from({ length: n }, () => Math.floor(next() * groupCount));
      for (const mode of ['competition', 'dense'] as const) {
        const got = rankByKeys(
          keys.map((k) => Float64Array.from(k)),
          groupBy(groups.map(String)),
          { mode },
        );
        expect([...got.rank]).toEqual(reference(keys, groups, mode));
        const lex = rankLexicographic(
          keys.map((k) => Float64Array.from(k)),
          groupBy(groups.map(String)),
          mode,
        );
        expect([...lex.rank]).toEqual([...got.rank]);
        expect([...lex.overall]).toEqual(reference(keys, new Array(n).fill(0), mode));
      }
    }
  });

  it('rankLexicographic equals the definition, bottom ranks included (random, both modes)', () => {
    const arb = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        keys: fc.array(
          fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3e9, max: 3e9 })), {
            minLength: n,
            maxLength: n,
          }),
          { minLength: 1, maxLength: 4 },
        ),
        left: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        groups: fc.array(fc.constantFrom('', 'a', 'b'), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom('competition' as const, 'dense' as const),
        ({ keys, left, groups }, mode) => {
          const withOut = keys.map((k, c) =>
            c === 0 ? k.map((v, i) => (left[i] ? Number.NaN : v)) : k,
          );
          const got = rankLexicographic(
            withOut.map((k) => Float64Array.from(k)),
            groupBy(groups),
            mode,
          );
          const want = naiveRanks(withOut, groups, mode);
          expect({ rank: [...got.rank], bottom: [...got.bottom] }).toEqual(want);
          expect([...got.overall]).toEqual(
            naiveRanks(
              withOut,
              groups.map(() => ''),
              mode,
            ).rank,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same ranks when keys break the bounds it was promised', () => {
    const key = Float64Array.of(5, 12, 7, 12, Number.NaN, -3);
    const grouping = groupBy(['a', 'a', 'b', 'b', 'a', 'a']);
    const plain = rankKey(key, grouping, { mode: 'competition' });
    const promised = rankKey(key, grouping, { mode: 'competition', bounds: [0, 10] });
    expect([...promised.rank]).toEqual([...plain.rank]);
    expect([...plain.rank]).toEqual([2, 1, 2, 1, 0, 3]);
    const single = rankKey(key, singleGroup(6), { mode: 'dense', bounds: [0, 10] });
    expect([...single.rank]).toEqual([3, 1, 2, 1, 0, 4]);
  });

  it('small groups over wide bounds (counted sparsely) equal the definition, one scratch reused', () => {
    // One scratch per size, shared by every run of that size.
    const scratches = new Map<number, RankScratch>();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            g: fc.integer({ min: 0, max: 5 }),
            v: fc.oneof(
              fc.integer({ min: 0, max: 400 }),
              fc.constantFrom(0, 100, 400, Number.NaN),
              // Now and then a key outside the bounds: the path falls back and must leave its
              // histogram clean for the next call.
              fc.constantFrom(-7, 401),
            ),
          }),
          { maxLength: 60, size: 'large' },
        ),
        fc.constantFrom('competition' as const, 'dense' as const),
        (given, mode) => {
          // Also listed group by group: the counting loops then index the units directly.
          for (const units of [given, [...given].sort((a, b) => a.g - b.g)]) {
            check(units, mode, 400);
            // A narrow span for the groups' sizes: counted by the plain histogram.
            check(
              units.map((u) => ({ g: u.g, v: u.v >= 0 ? u.v % 11 : u.v })),
              mode,
              10,
            );
          }
        },
      ),
      { numRuns: 400 },
    );
    function check(units: { g: number; v: number }[], mode: 'competition' | 'dense', top: number) {
      const n = units.length;
      const scratch = scratches.get(n) ?? new RankScratch(n);
      scratches.set(n, scratch);
      const groups = units.map((u) => `g${u.g}`);
      const key = Float64Array.from(units, (u) => u.v);
      const expected = naiveRanks([[...key]], groups, mode).rank;
      const got = rankKey(Float64Array.from(key), groupBy(groups), {
        mode,
        bounds: [0, top],
        scratch,
      });
      expect([...got.rank]).toEqual(expected);
      const total = new Float64Array(n);
      const scaled = Float64Array.from(key);
      const again = rankKey(scaled, groupBy(groups), {
        mode,
        bounds: [0, top],
        scratch,
        accumulate: { total, scale: 100 },
      });
      expect([...again.rank]).toEqual(expected);
      expect([...total]).toEqual([...key].map((v) => (Number.isNaN(v) ? 0 : v)));
      expect([...scaled]).toEqual([...key].map((v) => (Number.isNaN(v) ? 0 : v / 100)));
    }
  });

  it('accumulates scores into totals once, also when a late group breaks the bounds', () => {
    for (const labels of [
      ['a', 'a', 'b', 'b'],
      ['', '', '', ''],
    ]) {
      const key = Float64Array.of(150, Number.NaN, 90, 1200);
      const total = Float64Array.of(1, 1, 1, 1);
      const { rank } = rankKey(key, groupBy(labels), {
        mode: 'competition',
        bounds: [0, 1000],
        accumulate: { total, scale: 100 },
      });
      expect([...key]).toEqual([1.5, 0, 0.9, 12]);
      expect([...total]).toEqual([151, 1, 91, 1201]);
      expect([...rank]).toEqual(labels[0] === 'a' ? [1, 0, 2, 1] : [2, 0, 3, 1]);
    }
  });

  it('ranks an empty round and a single unit', () => {
    expect([
      ...rankByKeys([new Float64Array(0)], singleGroup(0), { mode: 'competition' }).rank,
    ]).toEqual([]);
    expect([...rankByKeys([Float64Array.of(3)], singleGroup(1), { mode: 'dense' }).rank]).toEqual([
      1,
    ]);
  });

  it('groups by label in order of first appearance', () => {
    const g = groupBy(['镇', '街道', '镇', '', '街道']);
    expect(g.names).toEqual(['镇', '街道', '']);
    expect([...g.of]).toEqual([0, 1, 0, 2, 1]);
    expect([...g.sizes]).toEqual([2, 2, 1]);
  });
});
