/**
 * The yearly comprehensive assessment (综合绩效考核, DESIGN §2): each component contest's rounds
 * converted to points, aggregated over the year, weighted; points per flag; ranked by the
 * engine's ranking; graded by quotas. Every unit gets its explanation: what each component and
 * each flag contributed, so a town can see why it stands where it does.
 */
import { excelRound, pow10 } from './excel-round.ts';
import { percentCount } from './flags.ts';
import { rankByKeys, singleGroup } from './rank.ts';

export type Conversion =
  /** Rank 1 gets `first`, the last place `last`, the places between in equal steps. */
  | { method: 'rank-linear'; first: number; last: number }
  /** `points` × total / the best total of the round (0 when the best is ≤ 0). */
  | { method: 'relative-to-best'; points: number }
  /** The round's total as it is. */
  | { method: 'total' };

export type Aggregate = 'mean' | 'sum' | 'latest';

export interface Component {
  contestId: number;
  title: string;
  weight: number;
  conversion: Conversion;
  aggregate: Aggregate;
}

export interface Grade {
  name: string;
  percent: number;
}

export interface Scheme {
  components: Component[];
  /** Points per flag won in the component contests during the year (yellow is usually negative). */
  flagPoints: { red: number; yellow: number };
  /** From the top (优秀 20 %, 良好 …) and from the bottom (较差 10 %); the rest get `otherwise`. */
  grades: { top: Grade[]; bottom: Grade[]; otherwise: string };
  precision: number;
}

/** A unit's place in one published round of a component contest. */
export interface RoundPlace {
  period: string;
  rank: number;
  total: number;
  /** Units ranked in the unit's group, and the group's best total. */
  groupSize: number;
  best: number;
  flag: 'red' | 'yellow' | null;
}

export interface ComponentExplanation {
  contestId: number;
  title: string;
  weight: number;
  rounds: {
    period: string;
    rank: number;
    total: number;
    points: number;
    flag: 'red' | 'yellow' | null;
  }[];
  /** The rounds' points aggregated (before the weight). */
  points: number;
  /** points × weight: what the component adds to the total. */
  contribution: number;
}

export interface AssessedUnit {
  code: string;
  name: string;
  total: number;
  rank: number;
  grade: string;
  red: number;
  yellow: number;
  flagPoints: number;
  components: ComponentExplanation[];
}

/** One round's result as points, by the component's conversion. */
export function convertPlace(conversion: Conversion, place: RoundPlace): number {
  switch (conversion.method) {
    case 'rank-linear':
      return place.groupSize <= 1
        ? conversion.first
        : conversion.first -
            ((conversion.first - conversion.last) * (place.rank - 1)) / (place.groupSize - 1);
    case 'relative-to-best':
      return place.best > 0 ? (conversion.points * place.total) / place.best : 0;
    case 'total':
      return place.total;
  }
}

function aggregate(how: Aggregate, values: number[]): number {
  if (values.length === 0) return 0;
  if (how === 'latest') return values.at(-1)!;
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}

/**
 * Assesses the units: `places.get(contestId).get(unitCode)` lists the unit's published rounds
 * of that contest in the year, in period order. Points are rounded the way Excel rounds at each
 * step the office would show (round points, contributions, total).
 */
export function assess(
  scheme: Scheme,
  units: readonly { code: string; name: string }[],
  places: ReadonlyMap<number, ReadonlyMap<string, readonly RoundPlace[]>>,
): AssessedUnit[] {
  const p = scheme.precision;
  const assessed = units.map((unit) => {
    let red = 0;
    let yellow = 0;
    const components = scheme.components.map((c): ComponentExplanation => {
      const mine = places.get(c.contestId)?.get(unit.code) ?? [];
      const rounds = mine.map((place) => {
        if (place.flag === 'red') red += 1;
        if (place.flag === 'yellow') yellow += 1;
        return {
          period: place.period,
          rank: place.rank,
          total: place.total,
          points: excelRound(convertPlace(c.conversion, place), p),
          flag: place.flag,
        };
      });
      const points = excelRound(
        aggregate(
          c.aggregate,
          rounds.map((r) => r.points),
        ),
        p,
      );
      return {
        contestId: c.contestId,
        title: c.title,
        weight: c.weight,
        rounds,
        points,
        contribution: excelRound(points * c.weight, p),
      };
    });
    const flagPoints = excelRound(
      red * scheme.flagPoints.red + yellow * scheme.flagPoints.yellow,
      p,
    );
    const total = excelRound(components.reduce((s, c) => s + c.contribution, 0) + flagPoints, p);
    return {
      code: unit.code,
      name: unit.name,
      total,
      rank: 0,
      grade: scheme.grades.otherwise,
      red,
      yellow,
      flagPoints,
      components,
    };
  });
  // Ranked like a round (DESIGN §3, competition): totals are integers once scaled by 10^precision.
  const scale = pow10(p);
  const key = Float64Array.from(assessed, (a) => Math.round(a.total * scale));
  const { rank, bottom } = rankByKeys([key], singleGroup(assessed.length), {
    mode: 'competition',
    bottom: true,
    integer: true,
  });
  const n = assessed.length;
  assessed.forEach((a, i) => {
    a.rank = rank[i]!;
  });
  // Quotas count places as flags do: ties at an edge all get the better grade.
  const gradeOf = (i: number): string => {
    let cumulative = 0;
    for (const g of scheme.grades.top) {
      cumulative += g.percent;
      if (rank[i]! <= percentCount(n, cumulative)) return g.name;
    }
    cumulative = 0;
    for (const g of scheme.grades.bottom) {
      cumulative += g.percent;
      if (bottom![i]! <= percentCount(n, cumulative)) return g.name;
    }
    return scheme.grades.otherwise;
  };
  assessed.forEach((a, i) => {
    a.grade = gradeOf(i);
  });
  return assessed.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
}
