import { describe, expect, it } from 'vitest';
import { assess, checkScheme, convertPlace, type RoundPlace, type Scheme } from './assessment.ts';

const place = (
  period: string,
  rank: number,
  total: number,
  flag: RoundPlace['flag'] = null,
): RoundPlace => ({
  period,
  rank,
  total,
  groupSize: 5,
  best: 95,
  flag,
});

describe('convertPlace', () => {
  it.each([
    [{ method: 'rank-linear', first: 100, last: 60 } as const, place('2026-01', 1, 90), 100],
    [{ method: 'rank-linear', first: 100, last: 60 } as const, place('2026-01', 5, 50), 60],
    [{ method: 'rank-linear', first: 100, last: 60 } as const, place('2026-01', 2, 80), 90],
    [{ method: 'relative-to-best', points: 100 } as const, place('2026-01', 3, 76), 80],
    [{ method: 'total' } as const, place('2026-01', 3, 76.5), 76.5],
  ])('%o of %o → %d', (conversion, p, expected) => {
    expect(convertPlace(conversion, p)).toBeCloseTo(expected, 10);
  });
});

describe('assess', () => {
  // Worked by hand. Contest 1 (weight 0.6, rank-linear 100→60 over 5 places, mean):
  //   t1 ranks 1, 2 → 100, 90 → mean 95 → 57.00; t2 ranks 2, 1 → 90, 100 → 95 → 57.00;
  //   t3 ranks 5, 5 → 60, 60 → 60 → 36.00.
  // Contest 2 (weight 0.4, total, latest): t1 80 → 32.00; t2 70 → 28.00; t3 90 → 36.00.
  // Flags: red +2, yellow −1. t1 has 1 red (+2), t2 1 red (+2), t3 2 yellow (−2).
  // Totals: t1 57 + 32 + 2 = 91; t2 57 + 28 + 2 = 87; t3 36 + 36 − 2 = 70.
  // Grades of 3 units: 优秀 ceil(3 × 33 %) = 1 place, 较差 ceil(3 × 30 %) = 1 place from the bottom.
  const scheme: Scheme = {
    components: [
      {
        contestId: 1,
        title: '甲',
        weight: 0.6,
        conversion: { method: 'rank-linear', first: 100, last: 60 },
        aggregate: 'mean',
      },
      {
        contestId: 2,
        title: '乙',
        weight: 0.4,
        conversion: { method: 'total' },
        aggregate: 'latest',
      },
    ],
    flagPoints: { red: 2, yellow: -1 },
    grades: {
      top: [{ name: '优秀', percent: 33 }],
      bottom: [{ name: '较差', percent: 30 }],
      otherwise: '良好',
    },
    precision: 2,
  };
  const places = new Map([
    [
      1,
      new Map([
        ['t1', [place('2026-01', 1, 95, 'red'), place('2026-02', 2, 90)]],
        ['t2', [place('2026-01', 2, 90), place('2026-02', 1, 95, 'red')]],
        ['t3', [place('2026-01', 5, 40, 'yellow'), place('2026-02', 5, 40, 'yellow')]],
      ]),
    ],
    [
      2,
      new Map([
        ['t1', [place('2026-01', 2, 60), place('2026-02', 2, 80)]],
        ['t2', [place('2026-02', 3, 70)]],
        ['t3', [place('2026-02', 1, 90)]],
      ]),
    ],
  ]);
  const units = [
    { code: 't3', name: '丙镇' },
    { code: 't1', name: '甲镇' },
    { code: 't2', name: '乙镇' },
  ];

  it('explains every contribution and ranks the totals', () => {
    const result = assess(scheme, units, places);
    expect(result.map((u) => [u.code, u.total, u.rank, u.grade])).toEqual([
      ['t1', 91, 1, '优秀'],
      ['t2', 87, 2, '良好'],
      ['t3', 70, 3, '较差'],
    ]);
    const t1 = result[0]!;
    expect(t1.components.map((c) => [c.points, c.contribution])).toEqual([
      [95, 57],
      [80, 32],
    ]);
    expect(t1.components[0]!.rounds.map((r) => r.points)).toEqual([100, 90]);
    expect([t1.red, t1.yellow, t1.flagPoints]).toEqual([1, 0, 2]);
  });

  it('gives tied units the same rank and the better grade', () => {
    const tie = new Map([
      [
        1,
        new Map([
          ['t1', [place('2026-01', 1, 90)]],
          ['t2', [place('2026-01', 1, 90)]],
          ['t3', [place('2026-01', 5, 10)]],
        ]),
      ],
    ]);
    const result = assess(
      { ...scheme, components: [scheme.components[0]!], flagPoints: { red: 0, yellow: 0 } },
      units,
      tie,
    );
    expect(result.map((u) => [u.code, u.rank, u.grade])).toEqual([
      ['t1', 1, '优秀'],
      ['t2', 1, '优秀'],
      ['t3', 3, '较差'],
    ]);
  });

  it('scores a unit without rounds 0 in that component', () => {
    const result = assess(scheme, [...units, { code: 't4', name: '丁镇' }], places);
    expect(result.find((u) => u.code === 't4')).toMatchObject({ total: 0, rank: 4 });
  });
});

describe('classes, ratings, adjustments and veto (DESIGN §8)', () => {
  // Two streets and three towns ranked apart; one contest (relative to the group's best, weight
  // 0.6), 领导评价 (weight 0.4, 0..10), a bonus item capped at 2, a deduction, a veto at most 一般.
  const grades = {
    top: [{ name: '优秀', percent: 34 }],
    bottom: [{ name: '较差', percent: 30 }],
    otherwise: '一般',
  };
  const scheme: Scheme = {
    components: [
      {
        contestId: 1,
        title: '甲',
        weight: 0.6,
        conversion: { method: 'relative-to-best', points: 100 },
        aggregate: 'mean',
      },
    ],
    ratings: [{ code: 'LD', name: '领导评价', weight: 0.4, max: 10, raters: [] }],
    adjustments: {
      items: [
        { code: 'B1', name: '获省级表彰', kind: 'bonus', cap: 2 },
        { code: 'D1', name: '被通报批评', kind: 'deduction' },
        { code: 'V1', name: '安全生产事故', kind: 'veto', grade: '一般' },
      ],
    },
    classes: [
      { code: 'street', name: '街道', units: ['s1', 's2'], grades },
      {
        code: 'town',
        name: '乡镇',
        units: ['t1', 't2', 't3'],
        grades: { ...grades, top: [{ name: '优秀', percent: 33 }] },
      },
    ],
    weightTotal: 1,
    flagPoints: { red: 0, yellow: 0 },
    grades,
    precision: 2,
  };
  const at = (total: number, best: number): RoundPlace[] => [
    { period: '2026-01', rank: 1, total, groupSize: 2, best, flag: null },
  ];
  const places = new Map([
    [
      1,
      new Map([
        ['s1', at(96, 96)],
        ['s2', at(95, 96)],
        ['t1', at(90, 90)],
        ['t2', at(81, 90)],
        ['t3', at(72, 90)],
      ]),
    ],
  ]);
  const ratings = new Map([
    [
      'LD',
      new Map([
        ['s1', [9, 9, 8, 10, 2]], // five: drop 10 and 2 → mean 26/3 = 8.6667 → 86.67
        ['s2', [9, 8]], // two: mean 8.5 → 85
        ['t1', [10]],
        ['t2', [10]],
        ['t3', [10]],
      ]),
    ],
  ]);
  const adjustments = [
    { unit: 's2', item: 'B1', points: 1.5, reason: '获省级表彰' },
    { unit: 's2', item: 'B1', points: 1, reason: '再获表彰' }, // only 0.5 counts: cap 2
    { unit: 't1', item: 'V1', points: 0, reason: '发生较大安全事故' },
    { unit: 't2', item: 'D1', points: 3, reason: '被市委通报' },
  ];

  it('ranks and grades each class apart, trims five ratings, caps and vetoes', () => {
    const r = assess(
      scheme,
      ['s1', 's2', 't1', 't2', 't3'].map((code) => ({ code, name: code })),
      places,
      ratings,
      adjustments,
    );
    const row = (code: string) => r.find((u) => u.code === code)!;
    // s1: 100 × 0.6 = 60 + 86.67 × 0.4 = 34.67 → 94.67. s2: 98.96 × 0.6 = 59.38 + 34 + 2 = 95.38.
    expect(row('s1').ratings[0]).toMatchObject({ count: 5, dropped: [10, 2], points: 86.67 });
    expect([row('s1').total, row('s2').total]).toEqual([94.67, 95.38]);
    expect(row('s2').lines.map((l) => [l.kind, l.points])).toEqual([
      ['contest', 59.38],
      ['rating', 34],
      ['flags', 0],
      ['adjustment', 1.5],
      ['adjustment', 1],
      ['cap', -0.5],
    ]);
    expect(r.map((u) => [u.code, u.class, u.rank, u.grade])).toEqual([
      ['s2', 'street', 1, '优秀'],
      ['s1', 'street', 2, '较差'],
      // t2: 54 + 40 − 3 = 91; t3: 48 + 40 = 88. 优秀 is ceil(3 × 33 %) = 1 place in this class.
      // t1 has the most points (60 + 40 = 100) but is vetoed: ranked last, at most 一般 (较差 by quota).
      ['t2', 'town', 1, '优秀'],
      ['t3', 'town', 2, '一般'],
      ['t1', 'town', 3, '较差'],
    ]);
    expect(row('t1')).toMatchObject({ total: 100, vetoed: true });
    expect(row('t2').lines.at(-1)).toMatchObject({ kind: 'adjustment', points: -3 });
  });

  it('caps a vetoed unit at the scheme grade even when its quota grade is better', () => {
    const one = { ...scheme, classes: [{ code: 'town', name: '乡镇', units: ['t1'] }] };
    const r = assess(one, [{ code: 't1', name: 't1' }], places, ratings, adjustments);
    expect(r[0]).toMatchObject({ rank: 1, grade: '一般', vetoed: true });
  });

  it('names the field of a bad scheme', () => {
    const codes = ['s1', 's2', 't1', 't2', 't3'];
    expect(checkScheme(scheme, codes)).toEqual([]);
    expect(checkScheme({ ...scheme, weightTotal: 100 }, codes).map((i) => i.field)).toEqual([
      'weightTotal',
    ]);
    const over = { ...grades, top: [{ name: '优秀', percent: 80 }] };
    expect(
      checkScheme(
        { ...scheme, classes: [{ ...scheme.classes![0]!, grades: over }, scheme.classes![1]!] },
        codes,
      ).map((i) => i.field),
    ).toEqual(['classes[0].grades']);
    expect(checkScheme(scheme, [...codes, 'x1']).map((i) => i.field)).toEqual(['classes']);
  });
});
