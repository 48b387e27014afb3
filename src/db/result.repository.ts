import type { Kysely } from 'kysely';
import type { FlagName } from '../core/flags.ts';
import type { IndicatorCell } from '../core/rank-round.ts';
import { fromDbBool, insertBatchSize, insertRows, toDbBool } from './dialect.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** A unit's stored result of one revision of a round. */
export interface StoredResult {
  unitId: number;
  group: string;
  total: number;
  rank: number;
  overallRank: number;
  flag: FlagName;
  vetoed: boolean;
  previousRank: number | null;
  rankChange: number | null;
  totalChange: number | null;
  gapToNext: number | null;
  gapToRed: number | null;
  missing: string[];
  indicators: Record<string, IndicatorCell>;
}

const RESULT_COLUMNS = [
  'round_id',
  'revision',
  'unit_id',
  'group_label',
  'total',
  'rank',
  'overall_rank',
  'flag',
  'vetoed',
  'previous_rank',
  'rank_change',
  'total_change',
  'gap_to_next',
  'gap_to_red',
  'detail_json',
] as const;

/**
 * Replaces the results of one revision of a round (COPY on PostgreSQL for large rounds). The
 * round's `computed_basis` is cleared: `computeRound` sets it again when it stored them.
 */
export async function saveResults(
  db: Db,
  roundId: number,
  revision: number,
  results: StoredResult[],
): Promise<void> {
  await db.updateTable('rounds').set({ computed_basis: null }).where('id', '=', roundId).execute();
  await db
    .deleteFrom('results')
    .where('round_id', '=', roundId)
    .where('revision', '=', revision)
    .execute();
  await insertRows(
    db,
    'results',
    RESULT_COLUMNS,
    results.map((r) => [
      roundId,
      revision,
      r.unitId,
      r.group,
      r.total,
      r.rank,
      r.overallRank,
      r.flag,
      toDbBool(r.vetoed),
      r.previousRank,
      r.rankChange,
      r.totalChange,
      r.gapToNext,
      r.gapToRed,
      JSON.stringify({ missing: r.missing, indicators: r.indicators }),
    ]),
  );
}

export interface ResultRow extends StoredResult {
  code: string;
  name: string;
}

/** The results of one revision, by group then rank then code. */
export async function listResults(db: Db, roundId: number, revision: number): Promise<ResultRow[]> {
  const rows = await db
    .selectFrom('results as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.code', 'u.name'])
    .where('r.round_id', '=', roundId)
    .where('r.revision', '=', revision)
    .orderBy('r.group_label')
    .orderBy('r.rank')
    .orderBy('u.code')
    .execute();
  return rows.map((r) => {
    const detail = JSON.parse(r.detail_json) as Pick<StoredResult, 'missing' | 'indicators'>;
    return {
      unitId: r.unit_id,
      code: r.code,
      name: r.name,
      group: r.group_label,
      total: r.total,
      rank: r.rank,
      overallRank: r.overall_rank,
      flag: (r.flag as FlagName) ?? null,
      vetoed: fromDbBool(r.vetoed),
      previousRank: r.previous_rank,
      rankChange: r.rank_change,
      totalChange: r.total_change,
      gapToNext: r.gap_to_next,
      gapToRed: r.gap_to_red,
      missing: detail.missing,
      indicators: detail.indicators,
    };
  });
}

/** A unit's results in published rounds (latest revision each), newest period first. */
export async function unitHistory(db: Db, unitId: number, contestId?: number) {
  let q = db
    .selectFrom('results as r')
    .innerJoin('rounds as o', (j) =>
      j.onRef('o.id', '=', 'r.round_id').onRef('o.revision', '=', 'r.revision'),
    )
    .select([
      'o.id as round_id',
      'o.contest_id',
      'o.period',
      'r.total',
      'r.rank',
      'r.flag',
      'r.rank_change',
      'r.group_label',
    ])
    .where('r.unit_id', '=', unitId)
    .where('o.state', '=', 'published');
  if (contestId !== undefined) q = q.where('o.contest_id', '=', contestId);
  return q.orderBy('o.period', 'desc').execute();
}

/** Replaces the flags awarded by a round (a correction re-awards them). */
export async function replaceFlags(
  db: Db,
  round: { id: number; contestId: number; period: string; year: number },
  flags: { unitId: number; color: 'red' | 'yellow' }[],
  now: string,
): Promise<void> {
  await db.deleteFrom('flags').where('round_id', '=', round.id).execute();
  const size = insertBatchSize(db, 7);
  for (let i = 0; i < flags.length; i += size) {
    await db
      .insertInto('flags')
      .values(
        flags.slice(i, i + size).map((f) => ({
          round_id: round.id,
          contest_id: round.contestId,
          unit_id: f.unitId,
          color: f.color,
          year: round.year,
          period: round.period,
          awarded_at: now,
        })),
      )
      .execute();
  }
}

export interface FlagFilter {
  year?: number | undefined;
  contestId?: number | undefined;
  unitId?: number | undefined;
  seriesId?: number | undefined;
  period?: string | undefined;
}

/** Red and yellow flags per unit and contest. */
export async function flagTallies(db: Db, f: FlagFilter) {
  let q = db
    .selectFrom('flags as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .innerJoin('contests as c', 'c.id', 'f.contest_id')
    .select((eb) => [
      'f.unit_id',
      'u.code',
      'u.name',
      'f.contest_id',
      'c.title',
      'c.category',
      'f.year',
      eb.fn.sum<number>(eb.case().when('f.color', '=', 'red').then(1).else(0).end()).as('red'),
      eb.fn
        .sum<number>(eb.case().when('f.color', '=', 'yellow').then(1).else(0).end())
        .as('yellow'),
    ]);
  if (f.year !== undefined) q = q.where('f.year', '=', f.year);
  if (f.contestId !== undefined) q = q.where('f.contest_id', '=', f.contestId);
  if (f.unitId !== undefined) q = q.where('f.unit_id', '=', f.unitId);
  if (f.period !== undefined) q = q.where('f.period', '=', f.period);
  if (f.seriesId !== undefined) {
    const seriesId = f.seriesId;
    q = q.where('f.contest_id', 'in', (eb) =>
      eb.selectFrom('series_contests').select('contest_id').where('series_id', '=', seriesId),
    );
  }
  const rows = await q
    .groupBy(['f.unit_id', 'u.code', 'u.name', 'f.contest_id', 'c.title', 'c.category', 'f.year'])
    .orderBy('u.code')
    .orderBy('f.contest_id')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    contestId: r.contest_id,
    contest: r.title,
    category: r.category,
    year: r.year,
    red: Number(r.red),
    yellow: Number(r.yellow),
  }));
}
