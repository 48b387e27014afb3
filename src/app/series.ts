// Series (DESIGN §7, §8): a named set of contests run together — the ten 党建 contests, the 22
// boards. One step opens or moves every member's round of a period, all or nothing, with a
// preview that runs the very same step in a transaction and rolls it back; flag tallies per
// series, period and year in one call; one 通报 and one workbook per series and period.
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { CADENCES, periodCadence, periodLabel, periodYear } from '../core/period.ts';
import { ROUND_STATE_NAMES, ROUND_STATES, type RoundState } from '../core/round-state.ts';
import { type Contest, findContest } from '../db/contest.repository.ts';
import { noticesOf } from '../db/notice.repository.ts';
import { findRoundByPeriod } from '../db/round.repository.ts';
import {
  findSeries,
  insertSeries,
  listSeries,
  type Series,
  seriesFlags,
} from '../db/series.repository.ts';
import { resolveUnit } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import {
  contestAbilities,
  requireContestManager,
  requireContestReader,
} from './policies/contest.ts';
import { requireUser } from './policies/gate.ts';
import { openRound, transitionRound } from './rounds.ts';

const Ref = z.union([z.string().min(1), z.number().int().positive()]);
const Period = z.string().trim().min(4).max(10);

export const CreateSeries = z.object({
  title: z.string().trim().min(1).max(200),
  organizer: Ref,
  /** 发文机关 on the masthead: 中共沂水县委组织部. */
  office: z.string().trim().min(2).max(100),
  /** The 发文字号's office part: 沂组通. */
  docPrefix: z.string().trim().min(1).max(20),
  copyTo: z.string().trim().max(500).optional(),
  printedBy: z.string().trim().max(100).optional(),
  contests: z.array(z.coerce.number().int().positive()).min(1).max(100),
});
export type CreateSeries = z.infer<typeof CreateSeries>;

export const SeriesPeriodQuery = z.object({
  period: Period.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const SeriesOpen = z.object({
  period: Period,
  deadline: z.iso.date().optional(),
  /** Preview: report what would change and change nothing. */
  dryRun: z.boolean().optional(),
});
export type SeriesOpen = z.infer<typeof SeriesOpen>;

export const SeriesTransition = z.object({
  period: Period,
  to: z.enum(ROUND_STATES),
  /** Publishing before a notice ends needs a reason (DESIGN §2). */
  reason: z.string().trim().max(1000).optional(),
  dryRun: z.boolean().optional(),
});
export type SeriesTransition = z.infer<typeof SeriesTransition>;

export async function requireSeries(ctx: AppContext, id: string): Promise<Series> {
  const series = /^\d+$/.test(id) ? await findSeries(ctx.db, Number(id)) : undefined;
  if (!series) throw new DomainError('SERIES_NOT_FOUND', `系列不存在：${id}`, { params: { id } });
  return series;
}

async function members(ctx: AppContext, series: Series): Promise<Contest[]> {
  const out: Contest[] = [];
  for (const id of series.contestIds) {
    const c = await findContest(ctx.db, id);
    if (c) out.push(c);
  }
  return out;
}

const runsAt = (c: Contest, period: string) =>
  [c.cadence, ...c.extraCadences].includes(periodCadence(period));

export function createSeries(ctx: AppContext, input: CreateSeries) {
  return inTransaction(ctx, async (tx) => {
    const organizer = await resolveUnit(tx.db, input.organizer, 'organizer');
    await requireContestManager(tx, organizer.id);
    const ids = [...new Set(input.contests)];
    for (const [k, id] of ids.entries()) {
      const c = await findContest(tx.db, id);
      if (!c) {
        throw new DomainError('CONTEST_NOT_FOUND', `contests[${k}]：擂台赛 ${id} 不存在`, {
          params: { k, id },
          field: `contests[${k}]`,
        });
      }
      await requireContestManager(tx, c.organizerUnitId);
    }
    const series = await insertSeries(
      tx.db,
      {
        organizerUnitId: organizer.id,
        title: input.title,
        office: input.office,
        docPrefix: input.docPrefix,
        copyTo: input.copyTo ?? null,
        printedBy: input.printedBy ?? null,
        contestIds: ids,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'series.create',
      entityType: 'series',
      entityId: series.id,
      unitId: organizer.id,
      after: series,
    });
    return seriesView(tx, series, {});
  });
}

/** Series whose organizer the reader may read (organizers, admins, leaders in scope). */
export async function listSeriesFor(ctx: AppContext) {
  requireUser(ctx);
  const items = [];
  for (const s of await listSeries(ctx.db)) {
    try {
      await requireContestReader(ctx, s.organizerUnitId);
    } catch {
      continue;
    }
    items.push(await summary(ctx, s));
  }
  return { items, total: items.length };
}

async function summary(ctx: AppContext, s: Series) {
  const organizer = await ctx.db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('id', '=', s.organizerUnitId)
    .executeTakeFirstOrThrow();
  const { organizerUnitId: _, ...rest } = s;
  return { ...rest, organizer };
}

export interface UnitTally {
  unit: { id: number; code: string; name: string };
  red: number;
  yellow: number;
  contests: { id: number; title: string; color: 'red' | 'yellow'; period: string }[];
}

/**
 * Flags of the series in a period or a year: per unit, and how many units got a red or a
 * yellow (首轮打擂：红旗乡镇6个，黄旗乡镇2个).
 */
export async function seriesTallies(
  ctx: AppContext,
  series: Series,
  f: { period?: string | undefined; year?: number | undefined },
) {
  const titles = new Map<number, string>();
  for (const c of await members(ctx, series)) titles.set(c.id, c.title);
  const flags = await seriesFlags(ctx.db, series.id, f);
  const byUnit = new Map<number, UnitTally>();
  for (const fl of flags) {
    const t = byUnit.get(fl.unitId) ?? {
      unit: { id: fl.unitId, code: fl.code, name: fl.name },
      red: 0,
      yellow: 0,
      contests: [],
    };
    t[fl.color] += 1;
    t.contests.push({
      id: fl.contestId,
      title: titles.get(fl.contestId) ?? '',
      color: fl.color,
      period: fl.period,
    });
    byUnit.set(fl.unitId, t);
  }
  const units = [...byUnit.values()].sort(
    (a, b) => b.red - a.red || a.yellow - b.yellow || a.unit.code.localeCompare(b.unit.code),
  );
  return {
    ...(f.period !== undefined ? { period: f.period, periodLabel: periodLabel(f.period) } : {}),
    ...(f.year !== undefined ? { year: f.year } : {}),
    red: flags.filter((x) => x.color === 'red').length,
    yellow: flags.filter((x) => x.color === 'yellow').length,
    redUnits: units.filter((u) => u.red > 0).length,
    yellowUnits: units.filter((u) => u.yellow > 0).length,
    units,
  };
}

/** The series with its member contests, their rounds of the period, and the tallies. */
async function seriesView(
  ctx: AppContext,
  series: Series,
  query: { period?: string | undefined; year?: number | undefined },
) {
  const contests = await members(ctx, series);
  const period = query.period;
  const rounds = period
    ? await Promise.all(contests.map((c) => findRoundByPeriod(ctx.db, c.id, period)))
    : [];
  const notices = await noticesOf(
    ctx.db,
    rounds.filter((r) => r !== undefined).map((r) => r.id),
  );
  const year = query.year ?? (period ? periodYear(period) : undefined);
  return {
    ...(await summary(ctx, series)),
    contests: contests.map((c, k) => {
      const r = rounds[k];
      const notice = r ? notices.get(r.id) : undefined;
      return {
        id: c.id,
        title: c.title,
        category: c.category,
        cadence: c.cadence,
        runsAtPeriod: period ? runsAt(c, period) : null,
        round: r
          ? {
              id: r.id,
              period: r.period,
              state: r.state,
              stateName: ROUND_STATE_NAMES[r.state],
              deadline: r.deadline,
              revision: r.revision,
              noticeEndsAt: notice?.endsAt ?? null,
            }
          : null,
      };
    }),
    tallies: {
      ...(period ? { period: await seriesTallies(ctx, series, { period }) } : {}),
      ...(year !== undefined ? { year: await seriesTallies(ctx, series, { year }) } : {}),
    },
    /** What the reader may do: run the series' bulk steps (its organizer's managers). */
    may: {
      manage: (
        await contestAbilities(ctx, { organizerUnitId: series.organizerUnitId, isTemplate: false })
      ).manage,
    },
  };
}

export async function getSeries(
  ctx: AppContext,
  id: string,
  query: { period?: string | undefined; year?: number | undefined },
) {
  const series = await requireSeries(ctx, id);
  await requireContestReader(ctx, series.organizerUnitId);
  return seriesView(ctx, series, query);
}

/** One contest's line in a bulk step's preview or outcome. */
export interface BulkLine {
  contest: { id: number; title: string };
  roundId: number | null;
  from: RoundState | null;
  to: RoundState | null;
  /** `open`, `move`, `skip` (nothing to do) or `refused`. */
  action: 'open' | 'move' | 'skip' | 'refused';
  message: string;
  /** After publishing (or in the preview of it): the flags the round awards. */
  flags?: { red: string[]; yellow: string[] };
}

class Rollback extends Error {
  constructor(readonly lines: BulkLine[]) {
    super('dry run');
  }
}

/**
 * Runs a bulk step over the series' contests in one transaction: every line is tried, and if
 * any is refused nothing is kept (NOT_ALL_READY names each). A dry run rolls back on success.
 */
async function bulk(
  ctx: AppContext,
  dryRun: boolean,
  step: (tx: AppContext, contest: Contest) => Promise<BulkLine>,
  series: Series,
  what: string,
) {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      const lines: BulkLine[] = [];
      for (const contest of await members(tx, series)) lines.push(await step(tx, contest));
      const refused = lines.filter((l) => l.action === 'refused');
      if (refused.length) {
        throw new DomainError(
          'NOT_ALL_READY',
          `${refused.length} 个擂台赛不能${what}，全部未执行：${refused.map((l) => `「${l.contest.title}」${l.message}`).join('；')}`,
          {
            params: {
              count: refused.length,
              what,
              refused: refused.map((l) => `「${l.contest.title}」${l.message}`).join('；'),
            },
            lines,
          },
        );
      }
      if (dryRun) throw new Rollback(lines);
      await audit(tx, {
        action: `series.${what === '开擂' ? 'open' : 'transition'}`,
        entityType: 'series',
        entityId: series.id,
        unitId: series.organizerUnitId,
        after: lines.map((l) => ({ contest: l.contest.id, action: l.action, to: l.to })),
      });
      return { dryRun: false, lines, changed: lines.filter((l) => l.action !== 'skip').length };
    });
  } catch (e) {
    if (e instanceof Rollback) {
      return {
        dryRun: true,
        lines: e.lines,
        changed: e.lines.filter((l) => l.action !== 'skip').length,
      };
    }
    throw e;
  }
}

const message = (e: unknown) => (e instanceof DomainError ? e.message : String(e));

/** Opens the period's round of every member contest that runs at that cadence. */
export async function openSeriesRounds(ctx: AppContext, id: string, input: SeriesOpen) {
  const series = await requireSeries(ctx, id);
  await requireContestManager(ctx, series.organizerUnitId);
  return bulk(
    ctx,
    input.dryRun ?? false,
    async (tx, contest) => {
      const base = { contest: { id: contest.id, title: contest.title }, from: null };
      if (!runsAt(contest, input.period)) {
        return {
          ...base,
          roundId: null,
          to: null,
          action: 'skip',
          message: `不按${CADENCES.includes(periodCadence(input.period)) ? periodLabel(input.period) : input.period}的周期开擂`,
        };
      }
      const existing = await findRoundByPeriod(tx.db, contest.id, input.period);
      if (existing) {
        return {
          ...base,
          roundId: existing.id,
          from: existing.state,
          to: existing.state,
          action: 'skip',
          message: `已开擂（${ROUND_STATE_NAMES[existing.state]}）`,
        };
      }
      try {
        const round = await openRound(tx, String(contest.id), {
          period: input.period,
          ...(input.deadline ? { deadline: input.deadline } : {}),
        });
        const moved = await transitionRound(tx, String(round.id), 'collecting');
        return {
          ...base,
          roundId: moved.id,
          to: moved.state,
          action: 'open',
          message: `开擂，进入填报${input.deadline ? `，截止${input.deadline}` : ''}`,
        };
      } catch (e) {
        return { ...base, roundId: null, to: null, action: 'refused', message: message(e) };
      }
    },
    series,
    '开擂',
  );
}

/** Moves every member's round of the period to `to`; rounds already there are left alone. */
export async function transitionSeries(ctx: AppContext, id: string, input: SeriesTransition) {
  const series = await requireSeries(ctx, id);
  await requireContestManager(ctx, series.organizerUnitId);
  return bulk(
    ctx,
    input.dryRun ?? false,
    async (tx, contest) => {
      const base = { contest: { id: contest.id, title: contest.title } };
      const round = await findRoundByPeriod(tx.db, contest.id, input.period);
      if (!round) {
        return runsAt(contest, input.period)
          ? {
              ...base,
              roundId: null,
              from: null,
              to: null,
              action: 'refused',
              message: `${periodLabel(input.period)}尚未开擂`,
            }
          : {
              ...base,
              roundId: null,
              from: null,
              to: null,
              action: 'skip',
              message: '本期不开擂',
            };
      }
      if (round.state === input.to) {
        return {
          ...base,
          roundId: round.id,
          from: round.state,
          to: round.state,
          action: 'skip',
          message: `已是「${ROUND_STATE_NAMES[round.state]}」`,
        };
      }
      try {
        const moved = await transitionRound(tx, String(round.id), input.to, input.reason);
        const line: BulkLine = {
          ...base,
          roundId: round.id,
          from: round.state,
          to: moved.state,
          action: 'move',
          message: `「${ROUND_STATE_NAMES[round.state]}」→「${ROUND_STATE_NAMES[moved.state]}」`,
        };
        if (input.to === 'published') line.flags = await flagsOf(tx, round.id);
        return line;
      } catch (e) {
        return {
          ...base,
          roundId: round.id,
          from: round.state,
          to: null,
          action: 'refused',
          message: message(e),
        };
      }
    },
    series,
    `转到「${ROUND_STATE_NAMES[input.to]}」`,
  );
}

async function flagsOf(ctx: AppContext, roundId: number) {
  const rows = await ctx.db
    .selectFrom('flags as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['u.name', 'f.color'])
    .where('f.round_id', '=', roundId)
    .orderBy('u.code')
    .execute();
  return {
    red: rows.filter((r) => r.color === 'red').map((r) => r.name),
    yellow: rows.filter((r) => r.color === 'yellow').map((r) => r.name),
  };
}
