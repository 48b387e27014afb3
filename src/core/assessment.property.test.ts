// Property tests (fast-check) of the assessment: it equals a slow, literal reading of DESIGN §8
// (classes, trimmed ratings, capped adjustments, veto, quotas) on random schemes; the lines add
// up to the total; results do not depend on the order of the units; a bonus never costs rank.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Adjustment,
  type AssessedUnit,
  assess,
  convertPlace,
  type Grades,
  gradeOrder,
  type RoundPlace,
  type Scheme,
} from './assessment.ts';
import { exactScaled } from './excel-round.ts';

const round = (x: number, p: number) => exactScaled(x, p) / 10 ** p + 0;

interface Case {
  scheme: Scheme;
  units: { code: string; name: string }[];
  places: Map<number, Map<string, RoundPlace[]>>;
  ratings: Map<string, Map<string, number[]>>;
  adjustments: Adjustment[];
}

const gradesArb: fc.Arbitrary<Grades> = fc.constantFrom(
  {
    top: [{ name: '优秀', percent: 20 }],
    bottom: [{ name: '较差', percent: 10 }],
    otherwise: '良好',
  },
  {
    top: [
      { name: '优秀', percent: 30 },
      { name: '良好', percent: 40 },
    ],
    bottom: [{ name: '较差', percent: 15 }],
    otherwise: '一般',
  },
  { top: [], bottom: [], otherwise: '合格' },
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    classSizes: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    classGrades: fc.array(fc.option(gradesArb, { nil: undefined }), { minLength: 3, maxLength: 3 }),
    grades: gradesArb,
    precision: fc.integer({ min: 0, max: 2 }),
    conversion: fc.constantFrom(
      { method: 'rank-linear' as const, first: 100, last: 60 },
      { method: 'relative-to-best' as const, points: 100 },
    ),
    ratingCount: fc.integer({ min: 0, max: 2 }),
    max: fc.constantFrom(10, 100),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 400, maxLength: 400 }),
    bonusCap: fc.option(fc.constantFrom(3, 5), { nil: undefined }),
    deductionCap: fc.option(fc.constantFrom(2, 6), { nil: undefined }),
  })
  .map((g): Case => {
    let k = 0;
    const next = (mod: number) => g.seed[k++ % g.seed.length]! % mod;
    const units: Case['units'] = [];
    const classes = g.classSizes.map((size, c) => {
      const codes = Array.from({ length: size }, (_, i) => `c${c}u${i}`);
      for (const code of codes) units.push({ code, name: code });
      return {
        code: `k${c}`,
        name: `类${c}`,
        units: codes,
        ...(g.classGrades[c] ? { grades: g.classGrades[c] } : {}),
      };
    });
    const scheme: Scheme = {
      components: [
        { contestId: 1, title: '甲', weight: 0.5, conversion: g.conversion, aggregate: 'mean' },
      ],
      ratings: Array.from({ length: g.ratingCount }, (_, i) => ({
        code: `R${i}`,
        name: `评价${i}`,
        weight: 0.25,
        max: g.max,
        raters: [],
      })),
      adjustments: {
        items: [
          { code: 'B', name: '加分', kind: 'bonus', cap: 4 },
          { code: 'D', name: '减分', kind: 'deduction' },
          { code: 'V', name: '否决', kind: 'veto' },
        ],
        ...(g.bonusCap !== undefined ? { bonusCap: g.bonusCap } : {}),
        ...(g.deductionCap !== undefined ? { deductionCap: g.deductionCap } : {}),
      },
      classes,
      flagPoints: { red: 1, yellow: -1 },
      grades: g.grades,
      precision: g.precision,
    };
    const places = new Map([[1, new Map<string, RoundPlace[]>()]]);
    for (const u of units) {
      const rounds = Array.from({ length: 1 + next(3) }, (_, m) => ({
        period: `2026-0${m + 1}`,
        rank: 1 + next(5),
        total: next(101),
        groupSize: 5,
        best: 100,
        flag: ([null, 'red', 'yellow'] as const)[next(3)]!,
      }));
      places.get(1)!.set(u.code, rounds);
    }
    const ratings = new Map<string, Map<string, number[]>>();
    for (const r of scheme.ratings!) {
      const m = new Map<string, number[]>();
      for (const u of units)
        m.set(
          u.code,
          Array.from({ length: next(8) }, () => next(g.max + 1)),
        );
      ratings.set(r.code, m);
    }
    const adjustments: Adjustment[] = [];
    for (const u of units) {
      for (let j = next(4); j > 0; j--) {
        const item = (['B', 'D', 'V', 'B', 'D'] as const)[next(5)]!;
        if (item === 'V' && next(3) !== 0) continue;
        adjustments.push({ unit: u.code, item, points: next(30) / 10, reason: 'r' });
      }
    }
    return { scheme, units, places, ratings, adjustments };
  });

/** DESIGN §8 read literally: sorts, filters and counts, nothing clever. */
function reference(c: Case): Map<string, { total: number; rank: number; grade: string }> {
  const { scheme } = c;
  const p = scheme.precision;
  const out = new Map<string, { total: number; rank: number; grade: string; vetoed: boolean }>();
  for (const cls of scheme.classes!) {
    const grades = cls.grades ?? scheme.grades;
    const order = gradeOrder(grades);
    const rows = cls.units.map((code) => {
      let total = 0;
      let red = 0;
      let yellow = 0;
      for (const comp of scheme.components) {
        const pts = (c.places.get(comp.contestId)!.get(code) ?? []).map((pl) => {
          if (pl.flag === 'red') red++;
          if (pl.flag === 'yellow') yellow++;
          return round(convertPlace(comp.conversion, pl), p);
        });
        const mean = pts.length ? pts.reduce((a, b) => a + b, 0) / pts.length : 0;
        total += round(round(mean, p) * comp.weight, p);
      }
      for (const r of scheme.ratings!) {
        const sorted = [...(c.ratings.get(r.code)!.get(code) ?? [])].sort((a, b) => a - b);
        const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
        const mean = kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : 0;
        total += round(round((mean * 100) / r.max, p) * r.weight, p);
      }
      total += round(red * scheme.flagPoints.red + yellow * scheme.flagPoints.yellow, p);
      let bonusItem = 0;
      let bonus = 0;
      let deduction = 0;
      let vetoed = false;
      for (const a of c.adjustments.filter((x) => x.unit === code)) {
        const pts = round(a.points, p);
        if (a.item === 'V') vetoed = true;
        if (a.item === 'B') {
          const counted = Math.min(
            pts,
            4 - bonusItem,
            (scheme.adjustments!.bonusCap ?? 1e9) - bonus,
          );
          bonusItem += Math.max(0, counted);
          bonus += Math.max(0, counted);
        }
        if (a.item === 'D') {
          const counted = Math.min(pts, (scheme.adjustments!.deductionCap ?? 1e9) - deduction);
          deduction += Math.max(0, counted);
        }
      }
      total += bonus - deduction;
      return { code, total: round(total, p), vetoed };
    });
    const better = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      (a.vetoed ? 0 : 1) > (b.vetoed ? 0 : 1) ||
      ((a.vetoed ? 0 : 1) === (b.vetoed ? 0 : 1) && a.total > b.total);
    const n = rows.length;
    const ranks = rows.map((r) => 1 + rows.filter((o) => better(o, r)).length);
    rows.forEach((r, i) => {
      const rank = ranks[i]!;
      const bottom = 1 + ranks.filter((x) => x > rank).length;
      let grade = grades.otherwise;
      let cum = 0;
      let found = false;
      for (const g of grades.top) {
        cum += g.percent;
        if (!found && rank <= Math.ceil((n * cum) / 100 - 1e-9)) {
          grade = g.name;
          found = true;
        }
      }
      cum = 0;
      for (const g of grades.bottom) {
        cum += g.percent;
        if (!found && bottom <= Math.ceil((n * cum) / 100 - 1e-9)) {
          grade = g.name;
          found = true;
        }
      }
      if (r.vetoed) grade = order.at(-1)!;
      out.set(r.code, { total: r.total, rank, grade, vetoed: r.vetoed });
    });
  }
  return out;
}

const compare = (result: AssessedUnit[]) =>
  new Map(result.map((u) => [u.code, { total: u.total, rank: u.rank, grade: u.grade }]));

describe('assess against a literal reading of DESIGN §8', () => {
  it('agrees with the reference on classes, ratings, adjustments, veto and quotas', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = assess(c.scheme, c.units, c.places, c.ratings, c.adjustments);
        const ref = reference(c);
        for (const u of result) {
          const r = ref.get(u.code)!;
          expect(u.rank).toBe(r.rank);
          expect(u.total).toBeCloseTo(r.total, 9);
          expect(u.grade).toBe(r.grade);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('explains every unit by lines that add up to its total', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const u of assess(c.scheme, c.units, c.places, c.ratings, c.adjustments)) {
          const sum = round(
            u.lines.reduce((s, l) => s + l.points, 0),
            c.scheme.precision,
          );
          expect(sum).toBe(u.total);
          expect(u.lines.filter((l) => l.kind === 'rating')).toHaveLength(c.scheme.ratings!.length);
          expect(u.lines.some((l) => l.kind === 'veto')).toBe(u.vetoed);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the units', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const a = compare(assess(c.scheme, c.units, c.places, c.ratings, c.adjustments));
        const b = compare(
          assess(c.scheme, [...c.units].reverse(), c.places, c.ratings, c.adjustments),
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('never lowers the rank of a unit that gets one more bonus', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const unit = c.units[pick % c.units.length]!.code;
        const before = assess(c.scheme, c.units, c.places, c.ratings, c.adjustments);
        const after = assess(c.scheme, c.units, c.places, c.ratings, [
          ...c.adjustments,
          { unit, item: 'B', points: 1, reason: '+' },
        ]);
        const rank = (r: AssessedUnit[]) => r.find((u) => u.code === unit)!.rank;
        expect(rank(after)).toBeLessThanOrEqual(rank(before));
      }),
      { numRuns: 100 },
    );
  });
});
