// Hand-worked examples for every rule of DESIGN §3, each a readable table: the inputs left of
// `||`, the expected outputs right of it. An empty input cell is a missing value; `-` is null.
// Input columns: code, group, prev (previous round's `rank/total`), indicator codes.
// Output columns: total, rank, overallRank, flag, vetoed, missing (`;`-joined), gapToNext,
// gapToRed, previousRank, rankChange, totalChange, and <code>.value / .score / .rank.
import { describe, expect, it } from 'vitest';
import { percentCount } from './flags.ts';
import { presentUnitDetail, rankRound } from './rank-round.ts';
import { formatRubricProblem, parseRubric, type Rubric } from './rubric.ts';
import { type SheetRow, sheetFromRows } from './sheet.ts';

function rubricOf(yaml: string): Rubric {
  const parsed = parseRubric(`title: 手算示例\n${yaml.replace(/^\n/, '').replace(/^ {6}/gm, '')}`);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatRubricProblem).join('\n'));
  return parsed.rubric;
}

function cellsOf(line: string): string[] {
  return line.split('|').map((c) => c.trim());
}

function parseExpected(text: string): string | number | boolean | null | string[] {
  if (text === '-') return null;
  if (text === 'yes') return true;
  if (text === 'no') return false;
  if (/^[+-]?\d/.test(text)) return Number(text);
  return text;
}

/** Runs the table through rankRound and compares every expected cell. */
function check(yaml: string, table: string): void {
  const rubric = rubricOf(yaml);
  const lines = table
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const [headIn, headOut] = lines[0]!.split('||').map(cellsOf) as [string[], string[]];
  const rows: SheetRow[] = [];
  const previous = new Map<string, { rank: number; total: number }>();
  const expected: Record<string, unknown>[] = [];
  for (const line of lines.slice(1)) {
    const [inCells, outCells] = line.split('||').map(cellsOf) as [string[], string[]];
    const row: SheetRow = { code: '', name: '', values: {} };
    headIn.forEach((h, k) => {
      const text = inCells[k] ?? '';
      if (h === 'code') row.code = row.name = text;
      else if (h === 'group') row.group = text;
      else if (h === 'prev') {
        if (text !== '' && text !== '-') {
          const [rank, total] = text.split('/').map(Number) as [number, number];
          previous.set(row.code, { rank, total });
        }
      } else row.values[h] = text === '' ? null : text === 'true' ? true : Number(text);
    });
    rows.push(row);
    const want: Record<string, unknown> = { code: row.code };
    headOut.forEach((h, k) => {
      const text = outCells[k] ?? '';
      want[h] = h === 'missing' ? (text === '-' ? [] : text.split(';')) : parseExpected(text);
    });
    expected.push(want);
  }
  const result = rankRound(rubric, sheetFromRows(rubric, rows), { previous });
  const actual = rows.map((_, i) => {
    const unit = presentUnitDetail(result, i);
    const got: Record<string, unknown> = { code: unit.code };
    for (const h of headOut) {
      const [code, field] = h.split('.') as [string, 'value' | 'score' | 'rank' | undefined];
      got[h] = field
        ? unit.indicators[code]![field]
        : (unit as unknown as Record<string, unknown>)[h];
    }
    return got;
  });
  expect(actual).toEqual(expected);
}

describe('methods (DESIGN §3)', () => {
  it('manual: the score is the value, Excel-rounded', () => {
    check(
      `indicators:
        - { code: A1, name: 人工评分, points: 20, method: manual }`,
      `
      code | A1     || A1.score | A1.rank | total | rank
      u1   | 18.5   || 18.5     | 2       | 18.5  | 2
      u2   | 12.345 || 12.35    | 3       | 12.35 | 3
      u3   | 0      || 0        | 4       | 0     | 4
      u4   | 20     || 20       | 1       | 20    | 1
      `,
    );
  });

  it('target: P × clamp(value / target, 0, 1)', () => {
    // 0.6/0.8 = 0.7499999999999999 in binary; ×30 = 22.499999999999996 — Excel shows 22.5.
    check(
      `indicators:
        - { code: A2, name: 占比, points: 30, method: target, target: 0.8 }`,
      `
      code | A2  || A2.score | A2.rank | rank
      u1   | 0.8 || 30       | 1       | 1
      u2   | 1   || 30       | 1       | 1
      u3   | 0.4 || 15       | 5       | 5
      u4   | 0   || 0        | 6       | 6
      u5   | 0.6 || 22.5     | 4       | 4
      u6   | 0.7 || 26.25    | 3       | 3
      `,
    );
  });

  it('target, lower is better: P × clamp(target / value, 0, 1); value 0 scores P', () => {
    check(
      `indicators:
        - { code: A1, name: 信访件数, points: 10, method: target, target: 2, better: lower }`,
      `
      code | A1 || A1.score | A1.rank
      u1   | 0  || 10       | 1
      u2   | 1  || 10       | 1
      u3   | 2  || 10       | 1
      u4   | 4  || 5        | 5
      u5   | 8  || 2.5      | 6
      u6   | 3  || 6.67     | 4
      `,
    );
  });

  it('relative: P × value / best, best the highest present value; missing scores 0, has no rank', () => {
    check(
      `indicators:
        - { code: A3, name: 后备干部人数, points: 20, method: relative }`,
      `
      code | A3 || A3.value | A3.score | A3.rank | total | rank | missing
      u1   | 50 || 50       | 20       | 1       | 20    | 1    | -
      u2   | 25 || 25       | 10       | 3       | 10    | 3    | -
      u3   | 0  || 0        | 0        | 4       | 0     | 4    | -
      u4   | 33 || 33       | 13.2     | 2       | 13.2  | 2    | -
      u5   |    || -        | 0        | -       | 0     | 4    | A3
      `,
    );
  });

  it('relative: best ≤ 0 scores 0 for everyone', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 20, method: relative }`,
      `
      code | A1 || A1.score | A1.rank | rank
      u1   | 0  || 0        | 1       | 1
      u2   | 0  || 0        | 1       | 1
      u3   |    || 0        | -       | 1
      `,
    );
  });

  it('relative, lower is better: P × best / value, best the lowest; value 0 scores P', () => {
    check(
      `indicators:
        - { code: A6, name: 信访件数, points: 10, method: relative, better: lower }
        - { code: A7, name: 事故数, points: 10, method: relative, better: lower }`,
      `
      code | A6 | A7 || A6.score | A7.score | A6.rank | A7.rank
      u1   | 2  | 0  || 10       | 10       | 1       | 1
      u2   | 4  | 4  || 5        | 0        | 3       | 3
      u3   | 5  |    || 4        | 0        | 4       | -
      u4   | 3  | 0  || 6.67     | 10       | 2       | 1
      `,
    );
  });

  it('range: P × (value − min) / (max − min); lower: (max − value); all equal scores P', () => {
    check(
      `indicators:
        - { code: A1, name: 满意度, points: 20, method: range }
        - { code: A2, name: 问题数, points: 10, method: range, better: lower }
        - { code: A3, name: 统一值, points: 5, method: range }
        - { code: A4, name: 仅一家, points: 5, method: range }`,
      `
      code | A1 | A2 | A3 | A4 || A1.score | A2.score | A3.score | A4.score | total
      u1   | 90 | 1  | 7  |    || 20       | 10       | 5        | 0        | 35
      u2   | 70 | 3  | 7  |    || 0        | 5        | 5        | 0        | 10
      u3   | 80 | 5  | 7  | -3 || 10       | 0        | 5        | 5        | 20
      u4   | 85 | 2  | 7  |    || 15       | 7.5      | 5        | 0        | 27.5
      u5   |    | 1  | 7  |    || 0        | 10       | 5        | 0        | 15
      `,
    );
  });

  it('range: a missing value takes no part in min and max', () => {
    check(
      `indicators:
        - { code: A1, name: 满意度, points: 20, method: range }
        - { code: A2, name: 人工, points: 10, method: manual }`,
      `
      code | A1  | A2 || A1.score | A1.rank | A2.rank | total | rank | missing
      u1   |     |    || 0        | -       | -       | 0     | 2    | A1;A2
      u2   | 10  | 0  || 0        | 2       | 2       | 0     | 2    | -
      u3   | 20  | 5  || 20       | 1       | 1       | 25    | 1    | -
      `,
    );
  });

  it('rank: P − step × (r − 1), not below floor; r the competition rank of the value', () => {
    check(
      `indicators:
        - { code: A3, name: 投资额, points: 10, method: rank, step: 3, floor: 2 }
        - { code: A4, name: 问题数, points: 10, method: rank, step: 3, better: lower }`,
      `
      code | A3  | A4 || A3.score | A3.rank | A4.score | A4.rank
      t1   | 500 | 1  || 4        | 3       | 10       | 1
      t2   | 800 | 2  || 10       | 1       | 7        | 2
      t3   | 800 | 2  || 10       | 1       | 7        | 2
      t4   | 300 | 5  || 2        | 4       | 1        | 4
      t5   | 100 |    || 2        | 4       | 0        | -
      `,
    );
  });

  it('rank: r stays the competition rank under dense ranking (only 单项排名 is dense)', () => {
    check(
      `ranking: dense
      indicators:
        - { code: A1, name: 投资额, points: 10, method: rank, step: 3 }`,
      `
      code | A1  || A1.score | A1.rank | rank
      u1   | 800 || 10       | 1       | 1
      u2   | 800 || 10       | 1       | 1
      u3   | 500 || 4        | 2       | 2
      `,
    );
  });

  it('bands: the first band whose threshold the value reaches (≥; lower ≤); none scores 0', () => {
    check(
      `indicators:
        - { code: A7, name: 覆盖率, points: 10, method: bands, bands: [[0.95, 10], [0.9, 8], [0.8, 5]] }
        - { code: A8, name: 投诉数, points: 10, method: bands, better: lower, bands: [[2, 10], [5, 6]] }`,
      `
      code | A7   | A8 || A7.score | A8.score | A7.rank | A8.rank
      u1   | 0.97 | 1  || 10       | 10       | 1       | 1
      u2   | 0.95 | 2  || 10       | 10       | 1       | 1
      u3   | 0.9  | 3  || 8        | 6        | 3       | 4
      u4   | 0.85 | 5  || 5        | 6        | 4       | 4
      u5   | 0.8  | 6  || 5        | 0        | 4       | 6
      u6   | 0.5  | -1 || 0        | 10       | 6       | 1
      `,
    );
  });

  it('bonus and deduction: value × per, at most cap, signed; empty is none (not missing)', () => {
    check(
      `indicators:
        - { code: A1, name: 基础分, points: 50, method: manual }
        - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
        - { code: B2, name: 获上级肯定, kind: bonus, per: 1, cap: 5 }
        - { code: B3, name: 不封顶加分, kind: bonus, per: 0.5 }`,
      `
      code | A1 | B1 | B2 | B3 || B1.value | B1.score | B2.score | B3.score | B1.rank | total | rank | missing
      u1   | 50 | 0  | 2  |    || 0        | 0        | 2        | 0        | -       | 52    | 2    | -
      u2   | 50 | 3  | 9  |    || 3        | -6       | 5        | 0        | -       | 49    | 4    | -
      u3   | 50 | 7  |    | 30 || 7        | -10      | 0        | 15       | -       | 55    | 1    | -
      u4   | 50 | 5  |    |    || 5        | -10      | 0        | 0        | -       | 40    | 5    | -
      u5   | 50 |    |    |    || -        | 0        | 0        | 0        | -       | 50    | 3    | -
      u6   | 0  | 7  |    |    || 7        | -10      | 0        | 0        | -       | -10   | 6    | -
      `,
    );
  });

  it('veto: ranks after all others (ties among vetoed shared), keeps its total, always yellow, never red', () => {
    check(
      `indicators:
        - { code: A1, name: 综合, points: 100, method: manual }
        - { code: V1, name: 重大事故, kind: veto }
      flags:
        red: { top: 1 }
        yellow: { bottom: 1 }`,
      `
      code | A1 | V1   || total | rank | vetoed | flag   | A1.rank | V1.value | V1.score | V1.rank | gapToNext | gapToRed
      u1   | 95 |      || 95    | 1    | no     | red    | 3       | -        | -        | -       | -         | 0
      u2   | 99 | 1    || 99    | 3    | yes    | yellow | 1       | 1        | -        | -       | -         | -
      u3   | 80 | 0    || 80    | 2    | no     | -      | 4       | 0        | -        | -       | 15        | 15
      u4   | 99 | true || 99    | 3    | yes    | yellow | 1       | 1        | -        | -       | -         | -
      u5   | 50 | 1    || 50    | 5    | yes    | yellow | 5       | 1        | -        | -       | -         | -
      `,
    );
  });
});

describe('rounding: Excel ROUND on every score, the total the rounded sum of rounded scores', () => {
  it('1.015 → 1.02, 1.005 → 1.01, 2.675 → 2.68', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 10, method: manual }`,
      `
      code | A1    || A1.score | total | rank
      u1   | 1.015 || 1.02     | 1.02  | 2
      u2   | 1.005 || 1.01     | 1.01  | 3
      u3   | 2.675 || 2.68     | 2.68  | 1
      `,
    );
  });

  it('precision 0: 0.5 → 1, 1.5 → 2, 2.5 → 3 (half away from zero), and rounding can make ties', () => {
    check(
      `precision: 0
      indicators:
        - { code: A1, name: x, points: 10, method: manual }`,
      `
      code | A1  || A1.score | A1.rank | total | rank
      u1   | 0.5 || 1        | 4       | 1     | 4
      u2   | 1.5 || 2        | 2       | 2     | 2
      u3   | 2.5 || 3        | 1       | 3     | 1
      u4   | 2.4 || 2        | 2       | 2     | 2
      `,
    );
  });

  it('negative scores round away from zero too (−0.25 → −0.3), 3.15 → 3.2 as in example 05', () => {
    check(
      `precision: 1
      indicators:
        - { code: A1, name: 工作实绩, points: 7, method: relative }
        - { code: B1, name: 扣分, kind: deduction, per: 0.25 }`,
      `
      code | A1  | B1 || A1.score | B1.score | total
      u1   | 45  | 1  || 3.2      | -0.3     | 2.9
      u2   | 100 | 3  || 7        | -0.8     | 6.2
      `,
    );
  });

  it('the total sums the rounded scores: 0.5 + 0.5 → 1 + 1 = 2; 3 × 3.33 = 9.99, not 10', () => {
    check(
      `precision: 0
      indicators:
        - { code: A1, name: x, points: 10, method: manual }
        - { code: A2, name: y, points: 10, method: manual }`,
      `
      code | A1  | A2  || total
      u1   | 0.5 | 0.5 || 2
      u2   | 0.4 | 0.4 || 0
      `,
    );
    check(
      `indicators:
        - { code: A1, name: x, points: 10, method: relative }
        - { code: A2, name: y, points: 10, method: relative }
        - { code: A3, name: z, points: 10, method: relative }`,
      `
      code | A1 | A2 | A3 || A1.score | total
      u1   | 1  | 1  | 1  || 3.33     | 9.99
      u2   | 3  | 3  | 3  || 10       | 30
      `,
    );
  });
});

describe('ranks', () => {
  const rubric = (ranking: string) => `ranking: ${ranking}
      indicators:
        - { code: A1, name: x, points: 100, method: manual }`;
  it('competition: 1 + units strictly better (1,2,2,4)', () => {
    check(
      rubric('competition'),
      `
      code | A1 || rank | A1.rank
      u1   | 90 || 1    | 1
      u2   | 80 || 2    | 2
      u3   | 80 || 2    | 2
      u4   | 70 || 4    | 4
      `,
    );
  });

  it('dense: 1 + distinct better keys (1,2,2,3)', () => {
    check(
      rubric('dense'),
      `
      code | A1 || rank | A1.rank
      u1   | 90 || 1    | 1
      u2   | 80 || 2    | 2
      u3   | 80 || 2    | 2
      u4   | 70 || 3    | 3
      `,
    );
  });

  it('tieBreak: equal totals ordered by the named scores; still-equal keys share a rank', () => {
    check(
      `tieBreak: [A2]
      indicators:
        - { code: A1, name: x, points: 50, method: manual }
        - { code: A2, name: y, points: 50, method: manual }`,
      `
      code | A1 | A2 || total | rank | gapToNext
      t1   | 40 | 40 || 80    | 2    | 0
      t2   | 50 | 30 || 80    | 4    | 0
      t3   | 30 | 50 || 80    | 1    | -
      t4   | 45 | 35 || 80    | 3    | 0
      t5   | 30 | 30 || 60    | 5    | 20
      t6   | 30 | 30 || 60    | 5    | 20
      `,
    );
  });

  it('tieBreak with two codes compares them in order; a missing value counts as its score 0', () => {
    check(
      `tieBreak: [A2, A1]
      indicators:
        - { code: A1, name: x, points: 50, method: manual }
        - { code: A2, name: y, points: 50, method: manual }
        - { code: A3, name: z, points: 50, method: manual }`,
      `
      code | A1 | A2 | A3 || total | rank
      u1   | 30 | 30 | 20 || 80    | 4
      u2   | 40 | 30 | 10 || 80    | 2
      u3   | 40 | 30 | 10 || 80    | 2
      u4   | 20 | 40 | 20 || 80    | 1
      u5   |    | 10 | 50 || 60    | 5
      u6   | 0  | 10 | 50 || 60    | 5
      `,
    );
  });

  it('groups: each ranked apart (best, flags and ranks per group), with the overall place beside', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 10, method: relative }
      flags:
        red: { top: 1 }
        yellow: { bottom: 1 }`,
      `
      code | group | A1  || A1.score | A1.rank | total | rank | overallRank | flag   | gapToNext | gapToRed
      u1   | 街道  | 100 || 10       | 1       | 10    | 1    | 1           | red    | -         | 0
      u2   | 街道  | 50  || 5        | 2       | 5     | 2    | 3           | yellow | 5         | 5
      u3   | 镇    | 20  || 10       | 1       | 10    | 1    | 1           | red    | -         | 0
      u4   | 镇    | 10  || 5        | 2       | 5     | 2    | 3           | -      | 5         | 5
      u5   | 镇    | 4   || 2        | 3       | 2     | 3    | 5           | yellow | 3         | 8
      `,
    );
  });
});

describe('flags: per group, ties at the edge all included', () => {
  const rubric = (flags: string, extra = '') => `${extra}indicators:
        - { code: A1, name: x, points: 100, method: manual }
      flags:
${flags}`;

  it('red top 2 with a tie at the edge: three reds', () => {
    check(
      rubric('        red: { top: 2 }'),
      `
      code | A1 || rank | flag
      u1   | 95 || 1    | red
      u2   | 90 || 2    | red
      u3   | 90 || 2    | red
      u4   | 80 || 4    | -
      u5   | 70 || 5    | -
      `,
    );
  });

  it('topPercent: rank ≤ ceil(n × p / 100): n = 8, 20% → 2, tie included', () => {
    check(
      rubric('        red: { topPercent: 20 }'),
      `
      code | A1 || rank | flag
      u1   | 93 || 1    | red
      u2   | 81 || 2    | red
      u3   | 81 || 2    | red
      u4   | 77 || 4    | -
      u5   | 70 || 5    | -
      u6   | 64 || 6    | -
      u7   | 60 || 7    | -
      u8   | 50 || 8    | -
      `,
    );
  });

  it('topPercent: n = 5, 20% → exactly 1', () => {
    check(
      rubric('        red: { topPercent: 20 }'),
      `
      code | A1 || flag
      u1   | 90 || red
      u2   | 80 || -
      u3   | 70 || -
      u4   | 60 || -
      u5   | 50 || -
      `,
    );
  });

  it('n counts vetoed units: n = 6, 20% → ceil(1.2) = 2', () => {
    check(
      rubric('        red: { topPercent: 20 }', '').replace(
        'method: manual }',
        'method: manual }\n  - { code: V1, name: v, kind: veto }',
      ),
      `
      code | A1 | V1 || rank | flag
      u1   | 90 |    || 1    | red
      u2   | 85 |    || 2    | red
      u3   | 80 |    || 3    | -
      u4   | 70 |    || 4    | -
      u5   | 60 |    || 5    | -
      u6   | 99 | 1  || 6    | yellow
      `,
    );
  });

  it('minScore alone: total ≥ minScore', () => {
    check(
      rubric('        red: { minScore: 80 }'),
      `
      code | A1    || flag | gapToRed
      u1   | 90    || red  | 0
      u2   | 80    || red  | 0
      u3   | 79.99 || -    | 0.01
      `,
    );
  });

  it('top and minScore: both must hold', () => {
    check(
      rubric('        red: { top: 3, minScore: 85 }'),
      `
      code | A1 || rank | flag | gapToRed
      u1   | 95 || 1    | red  | 0
      u2   | 90 || 2    | red  | 0
      u3   | 84 || 3    | -    | 6
      u4   | 80 || 4    | -    | 10
      `,
    );
  });

  it('bottom 1 with a tie at the bottom: both yellow (bottom rank = 1 + units ranked below)', () => {
    check(
      rubric('        yellow: { bottom: 1 }'),
      `
      code | A1 || rank | flag
      u1   | 90 || 1    | -
      u2   | 80 || 2    | -
      u3   | 70 || 3    | -
      u4   | 60 || 4    | yellow
      u5   | 60 || 4    | yellow
      `,
    );
  });

  it('bottomPercent: n = 8, 20% → 2; the tie at the edge included', () => {
    check(
      rubric('        yellow: { bottomPercent: 20 }'),
      `
      code | A1 || rank | flag
      u1   | 93 || 1    | -
      u2   | 81 || 2    | -
      u3   | 81 || 2    | -
      u4   | 77 || 4    | -
      u5   | 70 || 5    | -
      u6   | 64 || 6    | yellow
      u7   | 64 || 6    | yellow
      u8   | 50 || 8    | yellow
      `,
    );
  });

  it('below alone: total < below', () => {
    check(
      rubric('        yellow: { below: 60 }'),
      `
      code | A1    || flag
      u1   | 70    || -
      u2   | 60    || -
      u3   | 59.99 || yellow
      `,
    );
  });

  it('bottom and below: both must hold', () => {
    check(
      rubric('        yellow: { bottom: 2, below: 70 }'),
      `
      code | A1 || flag
      u1   | 90 || -
      u2   | 75 || -
      u3   | 72 || -
      u4   | 65 || yellow
      `,
    );
  });

  it('a unit qualifying for both gets red; all tied: all red', () => {
    check(
      rubric('        red: { top: 1 }\n        yellow: { bottom: 2 }'),
      `
      code | A1 || flag
      u1   | 90 || red
      u2   | 80 || yellow
      `,
    );
    check(
      rubric('        red: { top: 1 }\n        yellow: { bottom: 1 }'),
      `
      code | A1 || rank | flag
      u1   | 80 || 1    | red
      u2   | 80 || 1    | red
      u3   | 80 || 1    | red
      `,
    );
  });

  it('dense ranks: top 2 takes every unit ranked 1 or 2; the bottom rank counts units', () => {
    check(
      rubric('        red: { top: 2 }', 'ranking: dense\n'),
      `
      code | A1 || rank | flag
      u1   | 90 || 1    | red
      u2   | 80 || 2    | red
      u3   | 80 || 2    | red
      u4   | 70 || 3    | -
      `,
    );
    check(
      rubric('        yellow: { bottom: 2 }', 'ranking: dense\n'),
      `
      code | A1 || rank | flag
      u1   | 90 || 1    | -
      u2   | 80 || 2    | yellow
      u3   | 80 || 2    | yellow
      u4   | 70 || 3    | yellow
      `,
    );
  });

  it('a vetoed unit gets yellow even when the rubric has no yellow rule (DESIGN §3: "always")', () => {
    const yaml = `indicators:
        - { code: A1, name: x, points: 100, method: manual }
        - { code: V1, name: v, kind: veto }`;
    check(
      `${yaml}\n      flags:\n        red: { top: 1 }`,
      `
      code | A1 | V1 || rank | flag   | gapToRed
      u1   | 99 | 1  || 2    | yellow | -
      u2   | 50 |    || 1    | red    | 0
      `,
    );
    check(
      yaml,
      `
      code | A1 | V1 || rank | flag   | gapToRed
      u1   | 99 | 1  || 2    | yellow | -
      u2   | 50 |    || 1    | -      | -
      `,
    );
  });

  it('ceil(n × p / 100) ignores binary noise in n × p', () => {
    expect(percentCount(7, 100 / 7)).toBe(1);
    expect(percentCount(10, 30)).toBe(3);
    expect(percentCount(3, 33.33)).toBe(1);
    expect(percentCount(3, 34)).toBe(2);
    expect(percentCount(18, 33.3333333333)).toBe(6);
    expect(percentCount(1, 0.1)).toBe(1);
  });
});

describe('movement and gaps (for the server)', () => {
  it('movement: previous rank − rank (positive = up), total change; null when new', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 100, method: manual }`,
      `
      code | prev    | A1   || rank | previousRank | rankChange | totalChange
      u1   | 3/75    | 90   || 1    | 3            | 2          | 15
      u2   | 1/95    | 80   || 2    | 1            | -1         | -15
      u3   |         | 70.5 || 3    | -            | -          | -
      u4   | 4/60.25 | 60   || 4    | 4            | 0          | -0.25
      `,
    );
  });

  it('gaps: to the next better rank (its total − own), to the red line (lowest red total)', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 100, method: manual }
      flags:
        red: { top: 1 }`,
      `
      code | A1 || rank | flag | gapToNext | gapToRed
      u1   | 90 || 1    | red  | -         | 0
      u2   | 85 || 2    | -    | 5         | 5
      u3   | 85 || 2    | -    | 5         | 5
      u4   | 70 || 4    | -    | 15        | 20
      `,
    );
  });

  it('gaps: minScore is the line when it keeps every unit from red', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 100, method: manual }
      flags:
        red: { top: 1, minScore: 95 }`,
      `
      code | A1 || flag | gapToRed
      u1   | 90 || -    | 5
      u2   | 80 || -    | 15
      `,
    );
  });

  it('gaps: a minScore finer than the precision rounds the line up to the next total', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 100, method: manual }
      flags:
        red: { minScore: 89.995 }`,
      `
      code | A1    || flag | gapToRed
      u1   | 89.99 || -    | 0.01
      u2   | 90    || red  | 0
      `,
    );
  });

  it('gaps: no red rule, no line', () => {
    check(
      `indicators:
        - { code: A1, name: x, points: 100, method: manual }
      flags:
        yellow: { bottom: 1 }`,
      `
      code | A1 || gapToNext | gapToRed | flag
      u1   | 90 || -         | -        | -
      u2   | 80 || 10        | -        | yellow
      `,
    );
  });
});

describe('rankRound edge cases', () => {
  it('computes an empty round', () => {
    const rubric = rubricOf(`indicators:
        - { code: A1, name: x, points: 100, method: manual }`);
    const result = rankRound(rubric, sheetFromRows(rubric, []));
    expect(result.size).toBe(0);
  });

  it('treats an indicator absent from the sheet as empty for every unit', () => {
    const rubric = rubricOf(`indicators:
        - { code: A1, name: x, points: 100, method: manual }
        - { code: B1, name: b, kind: bonus, per: 1 }`);
    const sheet = { codes: ['u1'], names: ['u1'], groups: [''], values: new Map() };
    const unit = presentUnitDetail(rankRound(rubric, sheet), 0);
    expect(unit).toMatchObject({ total: 0, rank: 1, missing: ['A1'] });
    expect(unit.indicators.B1).toEqual({ value: null, score: 0, rank: null });
  });

  it('keeps a result intact when the next round of the same size reuses the scratch buffers', () => {
    const rubric = rubricOf(`tieBreak: [A1]
      indicators:
        - { code: A1, name: x, points: 100, method: rank, step: 1.5, better: lower }
        - { code: A2, name: y, points: 100, method: manual }`);
    const rows = (offset: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        code: `u${i}`,
        name: `u${i}`,
        group: i % 3 === 0 ? 'a' : 'b',
        values: { A1: (i * 7 + offset) % 11, A2: (i * 13 + offset) % 17 },
      }));
    const first = rankRound(rubric, sheetFromRows(rubric, rows(0)));
    const before = JSON.stringify(rows(0).map((_, i) => presentUnitDetail(first, i)));
    rankRound(rubric, sheetFromRows(rubric, rows(5)));
    expect(JSON.stringify(rows(0).map((_, i) => presentUnitDetail(first, i)))).toBe(before);
  });

  it('refuses columns of unequal length', () => {
    const rubric = rubricOf(`indicators:
        - { code: A1, name: x, points: 100, method: manual }`);
    const sheet = {
      codes: ['u1', 'u2'],
      names: ['u1', 'u2'],
      groups: ['', ''],
      values: new Map([['A1', Float64Array.of(1)]]),
    };
    expect(() => rankRound(rubric, sheet)).toThrow(RangeError);
  });
});

describe('scores outside [0, P] on a board of several groups', () => {
  it('ranks each group as if it were alone (the bounds the scoring found do not hold)', () => {
    const rubric = rubricOf(`
      precision: 2
      indicators:
        - { code: M, name: M, points: 10, method: manual }
        - { code: R, name: R, points: 10, method: relative }
    `);
    const rows: SheetRow[] = [
      ['a1', 'a', 5, 5],
      ['a2', 'a', 3, 3],
      ['a3', 'a', 8, 8],
      ['b1', 'b', 4, 4],
      ['b2', 'b', 2, -2],
      ['b3', 'b', 6, 6],
      ['b4', 'b', 12, null],
    ].map(([code, group, m, r]) => ({
      code: code as string,
      name: code as string,
      group: group as string,
      values: { M: m as number, R: r as number | null },
    }));
    const whole = rankRound(rubric, sheetFromRows(rubric, rows));
    for (const group of ['a', 'b']) {
      const part = rows.filter((r) => r.group === group);
      const alone = rankRound(rubric, sheetFromRows(rubric, part));
      part.forEach((row, j) => {
        const i = rows.indexOf(row);
        for (const code of ['M', 'R']) {
          expect(whole.indicators.get(code)!.scores[i]).toBe(alone.indicators.get(code)!.scores[j]);
          expect(whole.indicators.get(code)!.ranks![i]).toBe(alone.indicators.get(code)!.ranks![j]);
        }
        expect([whole.totals[i], whole.ranks[i]]).toEqual([alone.totals[j], alone.ranks[j]]);
      });
    }
    // b2's relative score is negative, b4's manual one above P: both still ranked.
    expect(whole.indicators.get('R')!.scores[4]).toBe(-3.33);
    expect(whole.indicators.get('M')!.scores[6]).toBe(12);
    expect([...whole.indicators.get('M')!.ranks!.slice(3)]).toEqual([3, 4, 2, 1]);
  });
});
