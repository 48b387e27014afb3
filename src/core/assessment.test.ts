import { describe, expect, it } from 'vitest';
import { assess, convertPlace, type RoundPlace, type Scheme } from './assessment.ts';

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
