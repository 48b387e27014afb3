// The engine never yields a non-finite score or total (issue 12): on random rubrics of every
// method — uncapped bonuses included — and values drawn from the whole double range (1e308,
// ±1.7e308, ±Infinity), it either computes finite totals and scores or refuses the sheet with
// NON_FINITE_SCORE naming a unit; a sheet that passes checkSheet is always computed.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { installRankThreads } from '../io/rank-threads.ts';
import { DomainError } from './errors.ts';
import { rankRound, setRankHelper } from './rank-round.ts';
import { type Rubric, validateRubric } from './rubric.ts';
import { checkSheet, MAX_VALUE, type SheetRow, sheetFromRows } from './sheet.ts';

const INDICATORS: Record<string, unknown>[] = [
  { code: 'M', name: 'M', points: 30, method: 'manual' },
  { code: 'T', name: 'T', points: 20, method: 'target', target: 0.5 },
  { code: 'TL', name: 'TL', points: 20, method: 'target', target: 3, better: 'lower' },
  { code: 'R', name: 'R', points: 20, method: 'relative' },
  { code: 'RL', name: 'RL', points: 20, method: 'relative', better: 'lower' },
  { code: 'G', name: 'G', points: 20, method: 'range' },
  { code: 'GL', name: 'GL', points: 20, method: 'range', better: 'lower' },
  { code: 'K', name: 'K', points: 10, method: 'rank', step: 1 },
  {
    code: 'B',
    name: 'B',
    points: 10,
    method: 'bands',
    bands: [
      [5, 10],
      [1, 5],
    ],
  },
  { code: 'X', name: 'X', kind: 'bonus', per: 1000 },
  { code: 'D', name: 'D', kind: 'deduction', per: 2 },
  { code: 'V', name: 'V', kind: 'veto' },
];

const rubricArb: fc.Arbitrary<Rubric> = fc
  .subarray(INDICATORS, { minLength: 1 })
  .chain((indicators) => fc.constantFrom(0, 2, 6).map((precision) => ({ indicators, precision })))
  .map(({ indicators, precision }) => {
    const parsed = validateRubric({
      title: 't',
      precision,
      indicators,
      flags: { red: { top: 1 } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.rubric;
  });

const valueArb = fc.oneof(
  fc.constant(null),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.constantFrom(1e308, -1.7e308, 1.7e308, Number.MAX_VALUE, 1e15, 1e16, Infinity, -Infinity),
  fc.double({ noNaN: true }),
);

const roundArb = rubricArb.chain((rubric) =>
  fc
    .array(
      fc.record({
        values: fc.record(Object.fromEntries(rubric.indicators.map((i) => [i.code, valueArb]))),
        group: fc.constantFrom('', 'a'),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((rows) => ({
      rubric,
      rows: rows.map(
        (r, i): SheetRow => ({ code: `U${i}`, name: `U${i}`, group: r.group, values: r.values }),
      ),
    })),
);

describe('the engine never yields a non-finite score', () => {
  afterAll(() => setRankHelper(undefined));

  it('computes finite totals and scores, or refuses with NON_FINITE_SCORE', () => {
    fc.assert(
      fc.property(roundArb, ({ rubric, rows }) => {
        const sheet = sheetFromRows(rubric, rows);
        const clean = checkSheet(rubric, sheet).length === 0;
        let result: ReturnType<typeof rankRound>;
        try {
          result = rankRound(rubric, sheet);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('NON_FINITE_SCORE');
          expect(clean).toBe(false);
          return;
        }
        for (const total of result.totals) expect(Number.isFinite(total)).toBe(true);
        for (const { indicator, scores } of result.indicators.values()) {
          if (indicator.kind === 'veto') continue;
          for (const s of scores) expect(Number.isFinite(s)).toBe(true);
        }
        // A computed range indicator still spreads its points: the best present value scores P.
        const g = result.indicators.get('G');
        if (g && rows.length > 1) {
          const present = [...g.values].filter((v) => !Number.isNaN(v));
          if (
            present.length > 1 &&
            new Set(present).size > 1 &&
            new Set(rows.map((r) => r.group)).size === 1
          )
            expect(g.scores.reduce((a, b) => Math.max(a, b), 0)).toBe(20);
        }
      }),
      { numRuns: 400 },
    );
  });

  // Values are checked as each indicator comes to be scored (the helper thread's before it gets
  // them): the error must still name the first value past MAX_VALUE in the rubric's order.
  it.each([
    ['one thread', false],
    ['the helper thread', true],
  ])('names the first value that cannot be scored in the rubric order (%s)', (_, helper) => {
    if (helper && !installRankThreads(1)) return;
    try {
      fc.assert(
        fc.property(roundArb, ({ rubric, rows }) => {
          const sheet = sheetFromRows(rubric, rows);
          let first: string | undefined;
          for (const x of rubric.indicators) {
            if (first || x.kind === 'veto') continue;
            const column = sheet.values.get(x.code);
            const i = column ? column.findIndex((v) => Math.abs(v) > MAX_VALUE) : -1;
            if (i >= 0) first = `单位 ${sheet.codes[i]} 的指标 ${x.code} `;
          }
          let message: string | undefined;
          try {
            rankRound(rubric, sheet);
          } catch (error) {
            expect((error as DomainError).code).toBe('NON_FINITE_SCORE');
            message = (error as Error).message;
          }
          if (first) expect(message?.startsWith(first)).toBe(true);
          // The next board runs normally (a helper left busy would fail it).
          const clean = sheetFromRows(rubric, [{ code: 'A', name: 'A', group: '', values: {} }]);
          expect(rankRound(rubric, clean).size).toBe(1);
        }),
        { numRuns: 300 },
      );
    } finally {
      setRankHelper(undefined);
    }
  });

  it('refuses 1e308 on an uncapped bonus and ±1.7e308 on a range indicator, naming the unit', () => {
    const parsed = validateRubric({
      title: 't',
      indicators: [INDICATORS[5], INDICATORS[9]],
    });
    if (!parsed.ok) throw new Error('rubric');
    const bonus = sheetFromRows(parsed.rubric, [
      { code: 'A', name: 'A', values: { G: 1, X: 1e308 } },
      { code: 'B', name: 'B', values: { G: 2 } },
    ]);
    expect(checkSheet(parsed.rubric, bonus).map((p) => p.code)).toEqual(['TOO_LARGE']);
    expect(() => rankRound(parsed.rubric, bonus)).toThrow(/单位 A 的指标 X/);
    const range = sheetFromRows(parsed.rubric, [
      { code: 'A', name: 'A', values: { G: 1.7e308 } },
      { code: 'B', name: 'B', values: { G: -1.7e308 } },
      { code: 'C', name: 'C', values: { G: 5 } },
    ]);
    expect(checkSheet(parsed.rubric, range)).toHaveLength(2);
    expect(() => rankRound(parsed.rubric, range)).toThrow(DomainError);
    // At the bound itself everything is computed and finite.
    const edge = sheetFromRows(parsed.rubric, [
      { code: 'A', name: 'A', values: { G: MAX_VALUE, X: MAX_VALUE } },
      { code: 'B', name: 'B', values: { G: -MAX_VALUE } },
    ]);
    expect(checkSheet(parsed.rubric, edge)).toEqual([]);
    const result = rankRound(parsed.rubric, edge);
    expect([...result.totals].every(Number.isFinite)).toBe(true);
    expect(result.indicators.get('G')!.scores[0]).toBe(20);
  });

  it('bounds points and per in the rubric', () => {
    const parsed = validateRubric({
      title: 't',
      indicators: [
        { code: 'A', name: 'A', points: 1e308, method: 'manual' },
        { code: 'X', name: 'X', kind: 'bonus', per: 1e300 },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => p.field)).toEqual([
        'indicators[0].points',
        'indicators[1].per',
      ]);
  });
});
