/**
 * Ledger → contests (DESIGN §9) and party points → contests (§10): when a round opens, every
 * indicator whose rubric `source` names a ledger measure is filled for each participant from the
 * ledger figures of the projects it is responsible for, and every one naming a points measure
 * (`points.member_average`, `points.star_household_share`) from its village's branch and
 * households; both are marked sourced in `ledger_entry_sources` (only the organizer may change
 * such a cell, with a note).
 */
import { DomainError } from '../core/errors.ts';
import {
  LEDGER_MEASURE_NAMES,
  type LedgerMeasure,
  ledgerMeasureOf,
  monthEnd,
} from '../core/ledger.ts';
import {
  POINTS_MEASURE_NAMES,
  type PointsMeasure,
  parsePointsPeriod,
  pointsMeasureOf,
} from '../core/points.ts';
import type { Rubric } from '../core/rubric.ts';
import { listParticipants } from '../db/contest.repository.ts';
import { saveEntries as writeEntryRows } from '../db/entry.repository.ts';
import { starShares } from '../db/households.repository.ts';
import {
  entrySourcesOf,
  insertEntrySources,
  unitInvestment,
  unitLights,
  unitProblemsClosed,
  unitStarts,
} from '../db/ledger.repository.ts';
import { type AppContext, audit } from './context.ts';
import { villageAverage } from './points.ts';

/** The month whose ledger figures a period reads: a month itself, a quarter's or a year's last month. */
export function ledgerMonthOf(period: string): string | null {
  if (/^\d{4}-\d{2}$/.test(period)) return period;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  if (/^\d{4}$/.test(period)) return `${period}-12`;
  return null;
}

/** One measure for every responsible unit, in percent (one decimal); absent when nothing is due. */
export async function ledgerFigures(
  ctx: AppContext,
  measure: LedgerMeasure,
  month: string,
): Promise<Map<number, number>> {
  const day = monthEnd(month);
  const rows =
    measure === 'investment_rate'
      ? (await unitInvestment(ctx.db, month.slice(0, 4), month)).map((r) => ({
          unit_id: r.unit_id,
          due: Number(r.planned),
          on_time: Number(r.completed),
        }))
      : measure === 'started_on_time'
        ? await unitStarts(ctx.db, day)
        : measure === 'problems_closed_on_time'
          ? await unitProblemsClosed(ctx.db, day)
          : await unitLights(ctx.db, month);
  const out = new Map<number, number>();
  for (const r of rows) {
    const due = Number(r.due);
    if (due > 0) out.set(r.unit_id, Math.round((Number(r.on_time) / due) * 1000) / 10);
  }
  return out;
}

/**
 * A points measure for each participant over the round's period: the mean total of the village
 * branch's active members (points), or the share of its registered households holding a filed
 * star rating for the period's year (0–1, three decimals). Absent where there is no branch or no
 * household.
 */
export async function pointsFigures(
  ctx: AppContext,
  measure: PointsMeasure,
  period: string,
  unitIds: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const p = parsePointsPeriod(period);
  if (!p) return out;
  for (const unitId of unitIds) {
    if (measure === 'member_average') {
      const v = await villageAverage(ctx, unitId, period);
      if (v !== null) out.set(unitId, v);
    } else {
      const [row] = await starShares(ctx.db, unitId, p.year);
      if (row && row.households > 0)
        out.set(unitId, Math.round((row.starred / row.households) * 1000) / 1000);
    }
  }
  return out;
}

/** Fills a newly opened round's sourced cells (ledger and points); returns how many were filled. */
export async function fillLedgerSources(
  ctx: AppContext,
  round: { id: number; contestId: number; period: string },
  rubric: Rubric,
): Promise<number> {
  const sourced = rubric.indicators.flatMap((i) => {
    const measure = i.kind === 'scored' ? ledgerMeasureOf(i.source) : null;
    return measure ? [{ code: i.code, measure }] : [];
  });
  const fromPoints = rubric.indicators.flatMap((i) => {
    const measure = i.kind === 'scored' ? pointsMeasureOf(i.source) : null;
    return measure ? [{ code: i.code, measure }] : [];
  });
  const month = ledgerMonthOf(round.period);
  if (sourced.length + fromPoints.length === 0) return 0;
  const participants = await listParticipants(ctx.db, round.contestId);
  const now = ctx.clock.now().toISOString();
  const writes = [];
  const marks = [];
  for (const { code, measure } of month ? sourced : []) {
    const figures = await ledgerFigures(ctx, measure, month!);
    const note = `来自项目台账：${LEDGER_MEASURE_NAMES[measure]}（截至${month}）`;
    for (const p of participants) {
      const value = figures.get(p.unitId);
      if (value === undefined) continue;
      writes.push({ unitId: p.unitId, indicator: code, value, note });
      marks.push({ roundId: round.id, unitId: p.unitId, indicator: code, measure, value, note });
    }
  }
  for (const { code, measure } of fromPoints) {
    const figures = await pointsFigures(
      ctx,
      measure,
      round.period,
      participants.map((p) => p.unitId),
    );
    const note = `来自党员积分：${POINTS_MEASURE_NAMES[measure]}（${round.period}）`;
    for (const p of participants) {
      const value = figures.get(p.unitId);
      if (value === undefined) continue;
      writes.push({ unitId: p.unitId, indicator: code, value, note });
      marks.push({
        roundId: round.id,
        unitId: p.unitId,
        indicator: code,
        measure: `points.${measure}`,
        value,
        note,
      });
    }
  }
  if (marks.length === 0 && sourced.length === 0) return 0;
  await writeEntryRows(ctx.db, round.id, writes, new Map(), null, now);
  await insertEntrySources(ctx.db, marks);
  await audit(ctx, {
    action: fromPoints.length > 0 && sourced.length === 0 ? 'feed.points' : 'feed.ledger',
    entityType: 'round',
    entityId: round.id,
    unitId: null,
    after: {
      period: round.period,
      indicators: [
        ...sourced,
        ...fromPoints.map((x) => ({ ...x, measure: `points.${x.measure}` })),
      ],
      cells: marks.length,
    },
  });
  return marks.length;
}

/**
 * Guards a save of a round's entries: a ledger-sourced cell is changed only by the organizer and
 * with a note saying why. `canManage` says whether the actor runs the contest.
 */
export async function checkLedgerSourced(
  ctx: AppContext,
  roundId: number,
  items: { unitId: number; indicator: string; note?: string | null | undefined }[],
  canManage: boolean,
): Promise<void> {
  const sources = await entrySourcesOf(ctx.db, roundId);
  if (sources.length === 0) return;
  const sourced = new Map(sources.map((s) => [`${s.unit_id}:${s.indicator_code}`, s.note]));
  const feedOf = new Map(
    sources.map((s) => [
      `${s.unit_id}:${s.indicator_code}`,
      s.measure.startsWith('points.') ? '党员积分' : '项目台账',
    ]),
  );
  for (const [n, item] of items.entries()) {
    const key = `${item.unitId}:${item.indicator}`;
    if (!sourced.has(key)) continue;
    if (!canManage) {
      throw new DomainError(
        'FORBIDDEN',
        `第${n + 1}项：${item.indicator}取自${feedOf.get(key)}，只有组织单位可以修改`,
        {
          params: { reason: 'fedIndicator', item: n + 1, indicator: item.indicator },
          field: `[${n}].value`,
        },
      );
    }
    // The cell still carries the ledger's own note unless the organizer wrote one.
    if (!item.note?.trim() || item.note === sourced.get(key)) {
      throw new DomainError('VALIDATION', `第${n + 1}项：修改${feedOf.get(key)}数据须填写说明`, {
        params: { reason: 'noteRequired', item: n + 1 },
        field: `[${n}].note`,
      });
    }
  }
}
