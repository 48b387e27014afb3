import { periodLabel } from '../core/period.ts';
import { ROUND_STATE_NAMES } from '../core/round-state.ts';
import { listAppeals } from '../db/appeal.repository.ts';
import { findContest, listContests } from '../db/contest.repository.ts';
import { unitHistory } from '../db/result.repository.ts';
import { roundsInStates } from '../db/round.repository.ts';
import { requireUser } from './authorize.ts';
import { rubricOfRound } from './compute-round.ts';
import type { AppContext } from './context.ts';
import { roundAccess, scoresCell } from './round-access.ts';

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
    let task: string | undefined;
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
