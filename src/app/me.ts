import { z } from 'zod';
import { periodFirstMonth, periodLabel } from '../core/period.ts';
import { ROUND_STATE_NAMES } from '../core/round-state.ts';
import { listAppeals } from '../db/appeal.repository.ts';
import { findContest, listContests, listParticipants } from '../db/contest.repository.ts';
import { listEntries } from '../db/entry.repository.ts';
import { unitHistory } from '../db/result.repository.ts';
import { roundsInStates } from '../db/round.repository.ts';
import { rubricOfRound } from './compute-round.ts';
import type { AppContext } from './context.ts';
import { requireUser } from './policies/gate.ts';
import { roundAccess, scoresCell, selfReported } from './policies/round.ts';
import { listRectificationsFor } from './rectifications.ts';

/** My unit's latest published place in every contest it takes part in, with movement. */
export async function myPositions(ctx: AppContext) {
  const actor = requireUser(ctx);
  if (actor.unitId === null) return { items: [], total: 0 };
  const contests = await listContests(ctx.db, {
    participantUnitId: actor.unitId,
    limit: 1000,
    offset: 0,
  });
  const history = await unitHistory(ctx.db, actor.unitId);
  const items = contests.items.map((c) => {
    const mine = history.filter((h) => h.contest_id === c.id);
    const latest = mine[0];
    return {
      contest: { id: c.id, title: c.title, category: c.category, cadence: c.cadence },
      latest: latest
        ? {
            roundId: latest.round_id,
            period: latest.period,
            periodLabel: periodLabel(latest.period),
            total: latest.total,
            rank: latest.rank,
            group: latest.group_label,
            flag: latest.flag,
            rankChange: latest.rank_change,
          }
        : null,
      history: mine
        .slice(0, 12)
        .map((h) => ({ period: h.period, rank: h.rank, total: h.total, flag: h.flag })),
    };
  });
  return { items, total: items.length };
}

/** Rounds waiting for the user: to fill in, to score or review, to answer appeals, to move on. */
export async function myTasks(ctx: AppContext) {
  requireUser(ctx);
  const rounds = await roundsInStates(ctx.db, ['draft', 'collecting', 'reviewing', 'notice']);
  const items = [];
  for (const round of rounds) {
    const contest = (await findContest(ctx.db, round.contestId))!;
    const access = await roundAccess(ctx, contest);
    const rubric = await rubricOfRound(ctx.db, round);
    const leads = rubric.indicators.filter((i) => access.evaluates(i.code)).map((i) => i.code);
    const pending =
      round.state === 'notice'
        ? (await listAppeals(ctx.db, round.id)).filter((a) => a.status === 'pending')
        : [];
    let task: 'report' | 'score' | 'appeals' | 'advance' | undefined;
    if (access.reportsFor !== null && round.state === 'collecting') task = 'report';
    else if (leads.length && (round.state === 'collecting' || round.state === 'reviewing'))
      task = 'score';
    else if (
      round.state === 'notice' &&
      pending.some((a) => access.manage || scoresCell(access, a.indicator, a.unitId))
    )
      task = 'appeals';
    else if (access.manage) task = 'advance';
    if (!task) continue;
    items.push({
      task,
      round: {
        id: round.id,
        period: round.period,
        periodLabel: periodLabel(round.period),
        state: round.state,
        stateName: ROUND_STATE_NAMES[round.state],
        deadline: round.deadline,
      },
      contest: { id: contest.id, title: contest.title, category: contest.category },
      indicators: leads,
      pendingAppeals: pending.length,
    });
  }
  return { items, total: items.length };
}

export const MonthQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应如 2026-11')
    .optional(),
});
export type MonthQuery = z.infer<typeof MonthQuery>;

/** The month asked for, or the clock's month (China time, where the county works). */
export function monthOf(ctx: AppContext, period: string | undefined): string {
  if (period) return period;
  const china = new Date(ctx.clock.now().getTime() + 8 * 3_600_000);
  return china.toISOString().slice(0, 7);
}

export interface MonthFill {
  task: 'report' | 'score';
  round: {
    id: number;
    period: string;
    periodLabel: string;
    state: string;
    stateName: string;
    deadline: string | null;
    overdue: boolean;
    carriedOver: boolean;
  };
  contest: { id: number; title: string; category: string };
  units: number;
  indicators: string[];
  cells: number;
  filled: number;
}

/**
 * Everything the signed-in user must fill, score or decide in a month, across contests: rounds
 * collecting where the user reports, indicators the user's unit scores as lead office, appeals
 * the user decides, rectifications to submit or sign off, rounds to move on.
 */
export async function myMonth(ctx: AppContext, query: MonthQuery) {
  const actor = requireUser(ctx);
  const month = monthOf(ctx, query.period);
  const now = ctx.clock.now().toISOString();
  const fill: MonthFill[] = [];
  const appeals: {
    id: number;
    round: { id: number; periodLabel: string };
    contest: { id: number; title: string };
    unit: { id: number; name: string };
    indicator: string;
    reason: string;
    filedAt: string;
  }[] = [];
  const advance: {
    round: {
      id: number;
      periodLabel: string;
      state: string;
      stateName: string;
      deadline: string | null;
    };
    contest: { id: number; title: string };
  }[] = [];
  const rounds = (await roundsInStates(ctx.db, ['collecting', 'reviewing', 'notice'])).filter(
    (r) => periodFirstMonth(r.period) <= month,
  );
  for (const round of rounds) {
    const contest = (await findContest(ctx.db, round.contestId))!;
    const access = await roundAccess(ctx, contest);
    const rubric = await rubricOfRound(ctx.db, round);
    const roundRef = {
      id: round.id,
      period: round.period,
      periodLabel: periodLabel(round.period),
      state: round.state,
      stateName: ROUND_STATE_NAMES[round.state],
      deadline: round.deadline,
      overdue: round.state === 'collecting' && round.deadline !== null && round.deadline < now,
      carriedOver: periodFirstMonth(round.period) < month,
    };
    const contestRef = { id: contest.id, title: contest.title, category: contest.category };
    const participants = await listParticipants(ctx.db, contest.id);
    const entries = await listEntries(ctx.db, round.id);
    const has = new Set(
      entries.filter((e) => e.value !== null).map((e) => `${e.unitId}:${e.indicator}`),
    );
    const count = (unitIds: number[], codes: string[]) => {
      let n = 0;
      for (const u of unitIds) for (const c of codes) if (has.has(`${u}:${c}`)) n++;
      return n;
    };
    if (access.reportsFor !== null && round.state === 'collecting') {
      const own = rubric.indicators.filter(selfReported).map((i) => i.code);
      if (own.length) {
        fill.push({
          task: 'report',
          round: roundRef,
          contest: contestRef,
          units: 1,
          indicators: own,
          cells: own.length,
          filled: count([access.reportsFor], own),
        });
      }
    }
    const led = access.manage
      ? []
      : rubric.indicators.filter((i) => access.evaluates(i.code)).map((i) => i.code);
    if (led.length && (round.state === 'collecting' || round.state === 'reviewing')) {
      const units = participants.map((p) => p.unitId).filter((id) => !access.recused(id));
      fill.push({
        task: 'score',
        round: roundRef,
        contest: contestRef,
        units: units.length,
        indicators: led,
        cells: units.length * led.length,
        filled: count(units, led),
      });
    }
    if (round.state === 'notice') {
      const names = new Map(participants.map((p) => [p.unitId, p.name]));
      for (const a of await listAppeals(ctx.db, round.id)) {
        if (a.status !== 'pending' || !scoresCell(access, a.indicator, a.unitId)) continue;
        appeals.push({
          id: a.id,
          round: { id: round.id, periodLabel: roundRef.periodLabel },
          contest: { id: contest.id, title: contest.title },
          unit: { id: a.unitId, name: names.get(a.unitId) ?? '' },
          indicator: a.indicator,
          reason: a.reason,
          filedAt: a.filedAt,
        });
      }
    }
    if (access.manage) {
      advance.push({
        round: {
          id: round.id,
          periodLabel: roundRef.periodLabel,
          state: round.state,
          stateName: roundRef.stateName,
          deadline: round.deadline,
        },
        contest: { id: contest.id, title: contest.title },
      });
    }
  }
  const rects = (await listRectificationsFor(ctx, {})).items;
  const rectifications = [];
  for (const r of rects) {
    // The unit's own to answer; the contest's to sign off (policies/rectification.ts).
    const task =
      r.may.submit && r.unitId === actor.unitId
        ? ('submit' as const)
        : r.may.decide
          ? ('signoff' as const)
          : undefined;
    if (!task) continue;
    rectifications.push({
      id: r.id,
      task,
      contest: { id: r.contest.id, title: r.contest.title },
      unit: r.unit,
      periodLabel: r.periodLabel,
      state: r.state,
      stateName: r.stateName,
      deadline: r.deadline,
      overdue: r.overdue,
    });
  }
  return {
    period: month,
    periodLabel: periodLabel(month),
    fill,
    appeals,
    rectifications,
    advance,
    /** Cells of `fill` still empty, over all contests. */
    open: fill.reduce((n, f) => n + f.cells - f.filled, 0),
  };
}
