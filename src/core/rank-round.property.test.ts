// Property tests (fast-check) of the engine: it equals a slow, literal reading of DESIGN §3 on
// random rubrics and sheets; results do not depend on row order; a bonus given to everyone keeps
// the ranks; raising a higher-is-better value never costs rank; flags satisfy their definitions.
import { availableParallelism } from 'node:os';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { installRankThreads } from '../io/rank-threads.ts';
import { exactScaled } from './excel-round.ts';
import { percentCount } from './flags.ts';
import {
  presentUnit,
  type RoundResult,
  rankHelper,
  rankRound,
  releaseRound,
  setRankHelper,
  type UnitResult,
} from './rank-round.ts';
import { type Indicator, type Rubric, validateRubric } from './rubric.ts';
import { type SheetRow, sheetFromRows } from './sheet.ts';

// Negative zero is zero (the engine never reports −0).
const round = (x: number, p: number) => exactScaled(x, p) / 10 ** p + 0;

// ---- generators ---------------------------------------------------------------------------

const points = fc.constantFrom(5, 7.5, 10, 20, 30);
const scored = (code: string): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    points.map((p) => ({ code, name: code, points: p, method: 'manual' })),
    fc.record({
      code: fc.constant(code),
      name: fc.constant(code),
      points,
      method: fc.constant('target'),
      target: fc.constantFrom(0.8, 2, 5, 10),
      better: fc.constantFrom('higher', 'lower'),
    }),
    fc.record({
      code: fc.constant(code),
      name: fc.constant(code),
      points,
      method: fc.constantFrom('relative', 'range'),
      better: fc.constantFrom('higher', 'lower'),
    }),
    fc.record({
      code: fc.constant(code),
      name: fc.constant(code),
      points: fc.constant(10),
      method: fc.constant('rank'),
      step: fc.constantFrom(1, 2.5, 3),
      floor: fc.constantFrom(0, 2),
      better: fc.constantFrom('higher', 'lower'),
    }),
    fc.constantFrom('higher', 'lower').map((better) => ({
      code,
      name: code,
      points: 10,
      method: 'bands',
      better,
      bands:
        better === 'higher'
          ? [
              [8, 10],
              [5, 6.5],
              [2, 3],
            ]
          : [
              [2, 10],
              [5, 6.5],
              [8, 3],
            ],
    })),
  );

const rubricArb: fc.Arbitrary<Rubric> = fc
  .record({
    scoredCount: fc.integer({ min: 1, max: 4 }),
    bonus: fc.boolean(),
    deduction: fc.boolean(),
    veto: fc.boolean(),
    precision: fc.integer({ min: 0, max: 3 }),
    ranking: fc.constantFrom('competition', 'dense'),
    tieBreakCount: fc.integer({ min: 0, max: 2 }),
    minGroup: fc.option(fc.integer({ min: 1, max: 6 })),
    red: fc.option(
      fc.record(
        {
          top: fc.integer({ min: 1, max: 4 }),
          topPercent: fc.constantFrom(10, 20, 33.3, 50),
          minScore: fc.constantFrom(5, 10.5, 20),
        },
        { requiredKeys: [] },
      ),
    ),
    yellow: fc.option(
      fc.record(
        {
          bottom: fc.integer({ min: 1, max: 4 }),
          bottomPercent: fc.constantFrom(10, 20, 25),
          below: fc.constantFrom(5, 10, 15.5),
        },
        { requiredKeys: [] },
      ),
    ),
  })
  .chain((shape) =>
    fc
      .tuple(...Array.from({ length: shape.scoredCount }, (_, k) => scored(`A${k + 1}`)))
      .map((indicators) => {
        const all: Record<string, unknown>[] = [...indicators];
        if (shape.bonus) all.push({ code: 'B1', name: 'bonus', kind: 'bonus', per: 1.5, cap: 4 });
        if (shape.deduction)
          all.push({ code: 'B2', name: 'deduction', kind: 'deduction', per: 0.25 });
        if (shape.veto) all.push({ code: 'V1', name: 'veto', kind: 'veto' });
        const flags: Record<string, unknown> = {};
        if (shape.red && Object.keys(shape.red).length > 0) flags.red = shape.red;
        if (shape.yellow && Object.keys(shape.yellow).length > 0) flags.yellow = shape.yellow;
        if (shape.minGroup !== null) flags.minGroup = shape.minGroup;
        const parsed = validateRubric({
          title: 'random',
          precision: shape.precision,
          ranking: shape.ranking,
          tieBreak: indicators.slice(0, shape.tieBreakCount).map((x) => x.code),
          indicators: all,
          flags,
        });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        return parsed.rubric;
      }),
  );

const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 2, arbitrary: fc.constantFrom(0.5, 1.25, 2.675, 3.3, 7.005, 9.99) },
  { weight: 1, arbitrary: fc.constant(null) },
);

function sheetArb(rubric: Rubric, size?: number): fc.Arbitrary<SheetRow[]> {
  return (size === undefined ? fc.integer({ min: 1, max: 24 }) : fc.constant(size)).chain((n) =>
    fc
      .tuple(
        fc.boolean(),
        fc.array(
          fc.record({
            group: fc.constantFrom('', '街道', '镇'),
            values: fc.tuple(...rubric.indicators.map((x) => valueFor(x))),
          }),
          { minLength: n, maxLength: n },
        ),
      )
      .map(([grouped, rows]) =>
        rows.map((r, i) => ({
          code: `u${i}`,
          name: `u${i}`,
          group: grouped ? r.group : '',
          values: Object.fromEntries(rubric.indicators.map((x, k) => [x.code, r.values[k]])),
        })),
      ),
  );
}

function valueFor(indicator: Indicator): fc.Arbitrary<number | null> {
  if (indicator.kind === 'veto') return fc.constantFrom(null, 0, 0, 0, 1);
  if (indicator.kind === 'scored' && indicator.method === 'manual') {
    return valueArb.map((v) => (v === null ? null : Math.min(v, indicator.points)));
  }
  return valueArb;
}

// ---- a literal, slow reading of DESIGN §3 --------------------------------------------------

interface Ref {
  total: number;
  rank: number;
  flag: 'red' | 'yellow' | null;
  vetoed: boolean;
  scores: Record<string, number | null>;
  ranks: Record<string, number | null>;
}

function reference(rubric: Rubric, rows: SheetRow[]): Ref[] {
  const p = rubric.precision;
  const value = (r: SheetRow, code: string) => {
    const v = r.values[code];
    return typeof v === 'number' ? v : null;
  };
  const peersOf = (i: number) => rows.filter((r) => (r.group ?? '') === (rows[i]!.group ?? ''));
  const scores = rows.map((row, i) => {
    const out: Record<string, number | null> = {};
    for (const x of rubric.indicators) {
      const v = value(row, x.code);
      if (x.kind === 'veto') out[x.code] = null;
      else if (x.kind !== 'scored') {
        out[x.code] =
          v === null
            ? 0
            : (x.kind === 'deduction' ? -1 : 1) * round(Math.min(v * x.per, x.cap ?? Infinity), p) +
              0;
      } else if (v === null) out[x.code] = 0;
      else {
        const present = peersOf(i)
          .map((r) => value(r, x.code))
          .filter((y): y is number => y !== null);
        const P = x.points;
        const lower = x.better === 'lower';
        const min = Math.min(...present);
        const max = Math.max(...present);
        let s: number;
        switch (x.method) {
          case 'manual':
            s = v;
            break;
          case 'target':
            s = lower
              ? v === 0
                ? P
                : P * Math.min(1, Math.max(0, x.target! / v))
              : P * Math.min(1, Math.max(0, v / x.target!));
            break;
          case 'relative':
            s = lower ? (v === 0 ? P : (P * min) / v) : max <= 0 ? 0 : (P * v) / max;
            break;
          case 'range':
            s =
              max === min
                ? P
                : lower
                  ? (P * (max - v)) / (max - min)
                  : (P * (v - min)) / (max - min);
            break;
          case 'rank': {
            const r = 1 + present.filter((y) => (lower ? y < v : y > v)).length;
            s = Math.max(x.floor ?? 0, P - x.step! * (r - 1));
            break;
          }
          case 'bands':
            s = x.bands!.find(([t]) => (lower ? v <= t : v >= t))?.[1] ?? 0;
            break;
        }
        out[x.code] = round(s, p);
      }
    }
    return out;
  });
  const vetoed = rows.map((r) =>
    rubric.indicators.some((x) => x.kind === 'veto' && value(r, x.code) === 1),
  );
  const totals = scores.map((s) =>
    round(
      Object.values(s).reduce<number>((a, b) => a + (b ?? 0), 0),
      p,
    ),
  );
  const key = (i: number) => [
    vetoed[i] ? 0 : 1,
    totals[i]!,
    ...rubric.tieBreak.map((c) => scores[i]![c]!),
  ];
  const better = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
    return false;
  };
  const sameGroup = (i: number, j: number) => (rows[i]!.group ?? '') === (rows[j]!.group ?? '');
  const rankAmong = (i: number, members: number[], keyOf: (j: number) => number[]) => {
    const above = members.filter((j) => better(keyOf(j), keyOf(i)));
    return (
      1 +
      (rubric.ranking === 'dense'
        ? new Set(above.map((j) => keyOf(j).join('|'))).size
        : above.length)
    );
  };
  const all = rows.map((_, i) => i);
  const ranks = all.map((i) =>
    rankAmong(
      i,
      all.filter((j) => sameGroup(i, j)),
      key,
    ),
  );
  return rows.map((row, i) => {
    const group = all.filter((j) => sameGroup(i, j));
    const n = group.length;
    const bottom = 1 + group.filter((j) => ranks[j]! > ranks[i]!).length;
    const { red, yellow, minGroup } = rubric.flags;
    // minGroup: a group of fewer than M units gets no flag but a vetoed unit's yellow.
    const flagsAllowed = minGroup === undefined || n >= minGroup;
    const isRed =
      flagsAllowed &&
      !!red &&
      (red.top === undefined || ranks[i]! <= red.top) &&
      (red.topPercent === undefined || ranks[i]! <= percentCount(n, red.topPercent)) &&
      (red.minScore === undefined || totals[i]! >= red.minScore);
    const isYellow =
      flagsAllowed &&
      !!yellow &&
      (yellow.bottom === undefined || bottom <= yellow.bottom) &&
      (yellow.bottomPercent === undefined || bottom <= percentCount(n, yellow.bottomPercent)) &&
      (yellow.below === undefined || totals[i]! < yellow.below);
    const indicatorRanks: Record<string, number | null> = {};
    for (const x of rubric.indicators) {
      if (x.kind !== 'scored' || value(row, x.code) === null) {
        indicatorRanks[x.code] = null;
        continue;
      }
      const members = group.filter((j) => value(rows[j]!, x.code) !== null);
      indicatorRanks[x.code] = rankAmong(i, members, (j) => [scores[j]![x.code]!]);
    }
    return {
      total: totals[i]!,
      rank: ranks[i]!,
      vetoed: vetoed[i]!,
      flag: vetoed[i] ? 'yellow' : isRed ? 'red' : isYellow ? 'yellow' : null,
      scores: scores[i]!,
      ranks: indicatorRanks,
    };
  });
}

function engine(rubric: Rubric, rows: SheetRow[]): UnitResult[] {
  const result = rankRound(rubric, sheetFromRows(rubric, rows));
  return rows.map((_, i) => presentUnit(result, i));
}

const roundArb = rubricArb.chain((rubric) => sheetArb(rubric).map((rows) => ({ rubric, rows })));

// ---- properties -----------------------------------------------------------------------------

describe('rankRound properties', () => {
  it('equals a literal reading of DESIGN §3 (scores, totals, ranks, 单项排名, flags)', () => {
    fc.assert(
      fc.property(roundArb, ({ rubric, rows }) => {
        const got = engine(rubric, rows);
        const want = reference(rubric, rows);
        got.forEach((u, i) => {
          const w = want[i]!;
          expect({ total: u.total, rank: u.rank, flag: u.flag, vetoed: u.vetoed }).toEqual({
            total: w.total,
            rank: w.rank,
            flag: w.flag,
            vetoed: w.vetoed,
          });
          for (const x of rubric.indicators) {
            expect([x.code, u.indicators[x.code]!.score, u.indicators[x.code]!.rank]).toEqual([
              x.code,
              w.scores[x.code],
              w.ranks[x.code],
            ]);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(
        roundArb.chain(({ rubric, rows }) =>
          fc
            .shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })
            .map((shuffled) => ({ rubric, rows, shuffled })),
        ),
        ({ rubric, rows, shuffled }) => {
          const byCode = (units: UnitResult[]) => Object.fromEntries(units.map((u) => [u.code, u]));
          expect(byCode(engine(rubric, shuffled))).toEqual(byCode(engine(rubric, rows)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the ranks when every unit gets the same bonus', () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 20 }), ({ rubric, rows }, bonus) => {
        const withBonus: Rubric = {
          ...rubric,
          indicators: [
            ...rubric.indicators,
            { kind: 'bonus', code: 'BX', name: 'same for all', per: 0.5 },
          ],
        };
        const given = rows.map((r) => ({ ...r, values: { ...r.values, BX: bonus } }));
        const before = engine(rubric, rows).map((u) => u.rank);
        const after = engine(withBonus, given).map((u) => u.rank);
        expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the rank of a unit that raises one higher-is-better value', () => {
    fc.assert(
      fc.property(
        roundArb.chain(({ rubric, rows }) =>
          fc
            .record({
              unit: fc.integer({ min: 0, max: rows.length - 1 }),
              indicator: fc.integer({ min: 0, max: rubric.indicators.length - 1 }),
              raise: fc.constantFrom(0.01, 0.5, 1, 3, 100),
            })
            .map((change) => ({ rubric, rows, ...change })),
        ),
        ({ rubric, rows, unit, indicator, raise }) => {
          const x = rubric.indicators[indicator]!;
          const old = rows[unit]!.values[x.code];
          fc.pre(x.kind === 'scored' && x.better === 'higher' && typeof old === 'number');
          // Under dense ranking a raise that lowers others' relative/range/rank scores can split
          // their ties into more distinct totals above the unit, so only there the dense rank may
          // grow; competition ranks count units and can only improve.
          fc.pre(
            rubric.ranking === 'competition' ||
              (x.kind === 'scored' && ['manual', 'target', 'bands'].includes(x.method)),
          );
          const next =
            x.kind === 'scored' && x.method === 'manual'
              ? Math.min(x.points, (old as number) + raise)
              : (old as number) + raise;
          const raised = rows.map((r, i) =>
            i === unit ? { ...r, values: { ...r.values, [x.code]: next } } : r,
          );
          const before = engine(rubric, rows)[unit]!;
          const after = engine(rubric, raised)[unit]!;
          expect(after.rank).toBeLessThanOrEqual(before.rank);
          expect(after.total).toBeGreaterThanOrEqual(before.total);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('awards flags exactly by their definitions', () => {
    fc.assert(
      fc.property(roundArb, ({ rubric, rows }) => {
        const result = rankRound(rubric, sheetFromRows(rubric, rows));
        const { red, yellow, minGroup } = rubric.flags;
        for (let i = 0; i < rows.length; i++) {
          const group = rows.map((_, j) => j).filter((j) => rows[j]!.group === rows[i]!.group);
          const n = group.length;
          const rank = result.ranks[i]!;
          const bottom = 1 + group.filter((j) => result.ranks[j]! > rank).length;
          const total = result.totals[i]!;
          const flag = presentUnit(result, i).flag;
          if (result.vetoed[i]) {
            expect(flag).toBe('yellow');
            continue;
          }
          const small = minGroup !== undefined && n < minGroup;
          const redOk =
            !small &&
            !!red &&
            rank <=
              Math.min(
                red.top ?? Infinity,
                red.topPercent === undefined
                  ? Infinity
                  : Math.ceil((n * red.topPercent) / 100 - 1e-9),
              ) &&
            total >= (red.minScore ?? -Infinity);
          const yellowOk =
            !small &&
            !!yellow &&
            bottom <=
              Math.min(
                yellow.bottom ?? Infinity,
                yellow.bottomPercent === undefined
                  ? Infinity
                  : Math.ceil((n * yellow.bottomPercent) / 100 - 1e-9),
              ) &&
            total < (yellow.below ?? Infinity);
          expect(flag).toBe(redOk ? 'red' : yellowOk ? 'yellow' : null);
          // Ties share the flag: a unit with the same rank in the group has the same flag.
          for (const j of group) {
            if (result.ranks[j] === rank && !result.vetoed[j] && result.totals[j] === total) {
              expect(presentUnit(result, j).flag).toBe(flag);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('minGroup: a group below it has no flag but vetoed yellows; raising it never adds a flag', () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 1, max: 8 }), ({ rubric, rows }, m) => {
        const without: Rubric = { ...rubric, flags: { ...rubric.flags, minGroup: undefined } };
        const withM: Rubric = { ...rubric, flags: { ...rubric.flags, minGroup: m } };
        const a = rankRound(without, sheetFromRows(without, rows));
        const b = rankRound(withM, sheetFromRows(withM, rows));
        for (let i = 0; i < rows.length; i++) {
          const size = rows.filter((r) => r.group === rows[i]!.group).length;
          const fa = presentUnit(a, i).flag;
          const fb = presentUnit(b, i).flag;
          // Ranks and totals are untouched by minGroup.
          expect(b.ranks[i]).toBe(a.ranks[i]);
          if (size >= m) expect(fb).toBe(fa);
          else expect(fb).toBe(b.vetoed[i] ? 'yellow' : null);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// ---- the helper thread ----------------------------------------------------------------------

/** Every column of a computed round, as plain arrays (NaN and −0 kept apart by toEqual). */
function columnsOf(result: RoundResult): Record<string, number[]> {
  const columns: Record<string, number[]> = {};
  for (const key of [
    'totals',
    'ranks',
    'overallRanks',
    'bottomRanks',
    'vetoed',
    'flags',
    'gapToNext',
    'gapToRed',
  ] as const) {
    columns[key] = Array.from(result[key]);
  }
  for (const [code, r] of result.indicators) {
    columns[`${code}.scores`] = Array.from(r.scores);
    if (r.ranks) columns[`${code}.ranks`] = Array.from(r.ranks);
  }
  return columns;
}

/** Every typed array of a result, its indicators' scores and ranks included. */
function arraysOf(result: RoundResult): (Float64Array | Int32Array | Uint8Array)[] {
  const { totals, ranks, overallRanks, bottomRanks, vetoed, flags, gapToNext, gapToRed } = result;
  const arrays = [totals, ranks, overallRanks, bottomRanks, vetoed, flags, gapToNext, gapToRed];
  for (const r of result.indicators.values()) arrays.push(r.scores, ...(r.ranks ? [r.ranks] : []));
  return arrays;
}

describe("rankRound on a released round's columns", () => {
  it('computes every column as into fresh memory, whatever the released round left there', () => {
    let reused = 0;
    fc.assert(
      fc.property(
        roundArb.chain((b) =>
          rubricArb.chain((rubric) =>
            sheetArb(rubric, b.rows.length).map((rows) => ({ a: { rubric, rows }, b })),
          ),
        ),
        ({ a, b }) => {
          const sheet = sheetFromRows(b.rubric, b.rows);
          // A round of another size released first: the pool then holds nothing of this size.
          const other = [...b.rows, { ...b.rows[0]!, code: 'other' }];
          releaseRound(rankRound(b.rubric, sheetFromRows(b.rubric, other)));
          const fresh = columnsOf(rankRound(b.rubric, sheet));
          const first = rankRound(a.rubric, sheetFromRows(a.rubric, a.rows));
          const poisoned = new Set(arraysOf(first).map((x) => x.buffer));
          for (const x of arraysOf(first)) x.fill(x instanceof Float64Array ? -123.5 : 99);
          releaseRound(first);
          const again = rankRound(b.rubric, sheet);
          if (arraysOf(again).some((x) => poisoned.has(x.buffer))) reused++;
          expect(columnsOf(again)).toEqual(fresh);
          // Released twice, or never computed here: nothing happens.
          releaseRound(first);
          releaseRound({ ...again });
        },
      ),
      { numRuns: 300 },
    );
    expect(reused).toBeGreaterThan(250);
  });
});

describe.skipIf(availableParallelism() < 2)('rankRound with the helper thread', () => {
  afterAll(() => setRankHelper(undefined));

  it('gives every column to the bit as one thread does, and the literal reading', () => {
    // Every board, however small, goes through the helper here; count the boards it really did.
    expect(installRankThreads(1)).toBe(true);
    const threads = rankHelper()!;
    let helped = 0;
    const counting = {
      minUnits: 1,
      start: (job: Parameters<typeof threads.start>[0]) => {
        const run = threads.start(job);
        if (!run) return undefined;
        return {
          ...run,
          wait: () => {
            const ok = run.wait();
            if (ok) helped++;
            return ok;
          },
        };
      },
    };
    fc.assert(
      fc.property(roundArb, ({ rubric, rows }) => {
        const sheet = sheetFromRows(rubric, rows);
        setRankHelper(counting);
        const two = rankRound(rubric, sheet);
        setRankHelper(undefined);
        const one = rankRound(rubric, sheet);
        expect(columnsOf(two)).toEqual(columnsOf(one));
        expect([...two.indicators.keys()]).toEqual(rubric.indicators.map((x) => x.code));
        const want = reference(rubric, rows);
        rows.forEach((_, i) => {
          const u = presentUnit(two, i);
          expect([u.total, u.rank, u.flag]).toEqual([want[i]!.total, want[i]!.rank, want[i]!.flag]);
        });
        // The next boards compute into these columns where their sizes agree.
        releaseRound(two);
        releaseRound(one);
      }),
      { numRuns: 200 },
    );
    expect(helped).toBeGreaterThan(20);
  });
});
