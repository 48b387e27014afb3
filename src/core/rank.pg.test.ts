// Cross-check on PostgreSQL: the engine's ranks equal rank() / dense_rank() over the same keys
// (not vetoed, total, tieBreak score), per group and overall, and for one indicator's 单项排名.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankRound } from './rank-round.ts';
import { parseRubric, type Rubric } from './rubric.ts';
import { type SheetRow, sheetFromRows } from './sheet.ts';

const url = process.env.TEST_DATABASE_URL;

function rubric(ranking: 'competition' | 'dense'): Rubric {
  const parsed = parseRubric(`title: pg cross-check
precision: 1
ranking: ${ranking}
tieBreak: [A2]
indicators:
  - { code: A1, name: a, points: 60, method: manual }
  - { code: A2, name: b, points: 40, method: manual }
  - { code: B1, name: c, kind: deduction, per: 0.5, cap: 3 }
  - { code: V1, name: d, kind: veto }
`);
  if (!parsed.ok) throw new Error('bad rubric');
  return parsed.rubric;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rowsFor(n: number, seed: number): SheetRow[] {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    code: `u${i}`,
    name: `u${i}`,
    group: pick(['街道', '镇', '乡']),
    values: {
      // Few distinct values: many ties on the total, some broken by A2, some not.
      A1: next() < 0.05 ? null : pick([30, 40, 45, 50, 55.5, 60]),
      A2: next() < 0.05 ? null : pick([10, 20, 25, 30]),
      B1: next() < 0.5 ? null : pick([0, 1, 3, 9]),
      V1: next() < 0.03 ? 1 : null,
    },
  }));
}

describe.skipIf(!url)('engine ranks equal PostgreSQL rank() / dense_rank()', () => {
  const client = new pg.Client({ connectionString: url });
  beforeAll(async () => {
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  for (const [n, seed] of [
    [50, 1],
    [2000, 2],
    [20_000, 3],
  ] as const) {
    it(`${n} units, many ties`, async () => {
      const rows = rowsFor(n, seed);
      const competition = rankRound(
        rubric('competition'),
        sheetFromRows(rubric('competition'), rows),
      );
      const dense = rankRound(rubric('dense'), sheetFromRows(rubric('dense'), rows));
      const a1 = competition.indicators.get('A1')!;
      const a2 = competition.indicators.get('A2')!;
      await client.query('drop table if exists pg_temp.round_keys');
      await client.query(
        'create temp table round_keys (code text primary key, grp text, total numeric, tb numeric, vetoed boolean, a1 numeric)',
      );
      await client.query(
        `insert into round_keys
         select * from unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[], $5::boolean[], $6::numeric[])`,
        [
          rows.map((r) => r.code),
          rows.map((r) => r.group),
          [...competition.totals].map(String),
          [...a2.scores].map(String),
          [...competition.vetoed].map((v) => v === 1),
          rows.map((r, i) => (r.values.A1 === null ? null : String(a1.scores[i]))),
        ],
      );
      const { rows: sql } = await client.query<{
        code: string;
        r: string;
        d: string;
        overall: string;
        overall_dense: string;
        a1_rank: string | null;
        a1_dense: string | null;
      }>(`
        select code,
          rank() over (partition by grp order by vetoed, total desc, tb desc) as r,
          dense_rank() over (partition by grp order by vetoed, total desc, tb desc) as d,
          rank() over (order by vetoed, total desc, tb desc) as overall,
          dense_rank() over (order by vetoed, total desc, tb desc) as overall_dense,
          case when a1 is null then null else rank() over (partition by grp, a1 is null order by a1 desc) end as a1_rank,
          case when a1 is null then null else dense_rank() over (partition by grp, a1 is null order by a1 desc) end as a1_dense
        from round_keys`);
      const byCode = new Map(sql.map((r) => [r.code, r]));
      let mismatches = 0;
      rows.forEach((row, i) => {
        const s = byCode.get(row.code)!;
        const want = [
          Number(s.r),
          Number(s.d),
          Number(s.overall),
          Number(s.overall_dense),
          s.a1_rank === null ? 0 : Number(s.a1_rank),
          s.a1_dense === null ? 0 : Number(s.a1_dense),
        ];
        const got = [
          competition.ranks[i],
          dense.ranks[i],
          competition.overallRanks[i],
          dense.overallRanks[i],
          competition.indicators.get('A1')!.ranks![i],
          dense.indicators.get('A1')!.ranks![i],
        ];
        if (want.join() !== got.join()) {
          mismatches++;
          if (mismatches < 5)
            expect({ code: row.code, got }).toEqual({ code: row.code, got: want });
        }
      });
      expect(mismatches).toBe(0);
      // The data really has ties, tie-breaks and vetoes to get right.
      expect(new Set(competition.totals).size).toBeLessThan(n);
      if (n >= 2000) {
        expect(competition.vetoed.includes(1)).toBe(true);
        const tieBroken = rows.some((_, i) =>
          rows.some(
            (__, j) =>
              competition.totals[i] === competition.totals[j] &&
              competition.grouping.of[i] === competition.grouping.of[j] &&
              competition.ranks[i] !== competition.ranks[j] &&
              j < 50,
          ),
        );
        expect(tieBroken).toBe(true);
      }
    });
  }
});
