import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { flagTallies } from '../db/result.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit } from '../db/unit.repository.ts';
import { IdQuery } from './ids.ts';

export const FlagQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  contest: IdQuery.optional(),
  unit: z.string().min(1).optional(),
  /** A series' contests only (the ten 党建 contests as one), and one period (2026-01). */
  series: z.coerce.number().int().positive().optional(),
  period: z.string().trim().min(4).max(10).optional(),
});
export type FlagQuery = z.infer<typeof FlagQuery>;

export interface FlagTally {
  unit: { id: number; code: string; name: string };
  red: number;
  yellow: number;
  contests: { id: number; title: string; category: string; red: number; yellow: number }[];
}

/** Flag tallies (今年拿了两面红旗): per unit, with the contests they came from; most red first. Public. */
export async function getFlagTallies(db: Kysely<Database>, query: FlagQuery) {
  const unit = query.unit ? await findUnit(db, query.unit) : undefined;
  if (query.unit && !unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${query.unit}`, {
      params: { unit: query.unit },
    });
  const rows = await flagTallies(db, {
    year: query.year,
    contestId: query.contest,
    unitId: unit?.id,
    seriesId: query.series,
    period: query.period,
  });
  const byUnit = new Map<number, FlagTally>();
  for (const r of rows) {
    const tally = byUnit.get(r.unitId) ?? {
      unit: { id: r.unitId, code: r.code, name: r.name },
      red: 0,
      yellow: 0,
      contests: [],
    };
    tally.red += r.red;
    tally.yellow += r.yellow;
    tally.contests.push({
      id: r.contestId,
      title: r.contest,
      category: r.category,
      red: r.red,
      yellow: r.yellow,
    });
    byUnit.set(r.unitId, tally);
  }
  const items = [...byUnit.values()].sort(
    (a, b) => b.red - a.red || a.yellow - b.yellow || a.unit.code.localeCompare(b.unit.code),
  );
  return { items, total: items.length };
}
