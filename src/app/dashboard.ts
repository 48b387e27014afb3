// The leader's and organizer's landing page (DESIGN §7): the county this month in one call —
// reporting progress per contest (grouped by series), overdue units, this month's red and yellow
// flags, the assessment standing, open appeals and open/overdue rectifications — all within the
// contests the actor may read.
import { DomainError } from '../core/errors.ts';
import { periodFirstMonth, periodLabel } from '../core/period.ts';
import { can } from '../core/permissions.ts';
import { ROUND_STATE_NAMES } from '../core/round-state.ts';
import { listAppeals } from '../db/appeal.repository.ts';
import { listContests, listParticipants } from '../db/contest.repository.ts';
import { listEntries } from '../db/entry.repository.ts';
import { listRounds } from '../db/round.repository.ts';
import { seriesOfContests } from '../db/series.repository.ts';
import { pathsOf } from '../db/unit.repository.ts';
import { assessmentResults, listAssessments } from './assessments.ts';
import { rubricOfRound } from './compute-round.ts';
import type { AppContext } from './context.ts';
import { type MonthQuery, monthOf } from './me.ts';
import { requireUser } from './policies/gate.ts';
import { selfReported } from './policies/round.ts';
import { listRectificationsFor } from './rectifications.ts';

const DAY = 86_400_000;

export async function dashboard(ctx: AppContext, query: MonthQuery) {
  const actor = requireUser(ctx);
  const month = monthOf(ctx, query.period);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const principal = { userId: actor.userId ?? 0, unitId: actor.unitId ?? 0, roles: actor.roles };
  if (
    actor.kind !== 'system' &&
    !actor.roles.some((r) => r === 'admin' || r === 'organizer' || r === 'viewer')
  ) {
    throw new DomainError('FORBIDDEN', '工作台概览供领导和组织单位查看', {
      params: { reason: 'dashboardLeaders' },
    });
  }
  const all = (await listContests(ctx.db, { limit: 10_000, offset: 0 })).items.filter(
    (c) => !c.isTemplate,
  );
  const paths = await pathsOf(ctx.db, [...new Set(all.map((c) => c.organizerUnitId))]);
  const contests = all.filter(
    (c) =>
      actor.kind === 'system' ||
      can(principal, 'contest.read', {
        unitPath: (paths.get(c.organizerUnitId) ?? []).map((u) => u.id),
      }),
  );
  const series = await seriesOfContests(
    ctx.db,
    contests.map((c) => c.id),
  );
  const progress = [];
  const overdue = [];
  const appeals = [];
  const flagUnits: { contest: string; unit: string; color: string; periodLabel: string }[] = [];
  for (const contest of contests) {
    const rounds = (await listRounds(ctx.db, contest.id)).filter(
      (r) => r.state !== 'draft' && periodFirstMonth(r.period) === month,
    );
    // The contest's main round of the month (its month, or the quarter/year starting in it).
    const round = rounds.find((r) => r.period === month) ?? rounds.at(-1);
    if (!round) continue;
    const participants = await listParticipants(ctx.db, contest.id);
    const rubric = await rubricOfRound(ctx.db, round);
    const own = rubric.indicators.filter(selfReported).map((i) => i.code);
    const filled = new Map<number, Set<string>>();
    for (const e of await listEntries(ctx.db, round.id)) {
      if (e.value === null) continue;
      const set = filled.get(e.unitId) ?? new Set<string>();
      set.add(e.indicator);
      filled.set(e.unitId, set);
    }
    const done = participants.filter((p) => own.every((c) => filled.get(p.unitId)?.has(c)));
    const late = round.state === 'collecting' && round.deadline !== null && round.deadline < nowIso;
    if (late) {
      for (const p of participants) {
        if (done.includes(p)) continue;
        overdue.push({
          contest: { id: contest.id, title: contest.title },
          round: { id: round.id, periodLabel: periodLabel(round.period) },
          unit: { id: p.unitId, code: p.code, name: p.name },
          days: Math.max(1, Math.ceil((now.getTime() - Date.parse(round.deadline!)) / DAY)),
        });
      }
    }
    const flagRows = await ctx.db
      .selectFrom('flags as f')
      .innerJoin('units as u', 'u.id', 'f.unit_id')
      .select(['f.color', 'u.name'])
      .where('f.round_id', '=', round.id)
      .orderBy('f.color')
      .orderBy('u.code')
      .execute();
    for (const f of flagRows) {
      flagUnits.push({
        contest: contest.title,
        unit: f.name,
        color: f.color,
        periodLabel: periodLabel(round.period),
      });
    }
    if (round.state === 'notice') {
      const names = new Map(participants.map((p) => [p.unitId, p.name]));
      for (const a of await listAppeals(ctx.db, round.id)) {
        if (a.status !== 'pending') continue;
        appeals.push({
          id: a.id,
          contest: { id: contest.id, title: contest.title },
          round: { id: round.id, periodLabel: periodLabel(round.period) },
          unit: names.get(a.unitId) ?? '',
          indicator: a.indicator,
          filedAt: a.filedAt,
        });
      }
    }
    const s = series.get(contest.id);
    progress.push({
      contest: { id: contest.id, title: contest.title, category: contest.category },
      series: s ? { id: s.id, title: s.title } : null,
      round: {
        id: round.id,
        period: round.period,
        periodLabel: periodLabel(round.period),
        state: round.state,
        stateName: ROUND_STATE_NAMES[round.state],
        deadline: round.deadline,
        overdue: late,
      },
      units: participants.length,
      reported: done.length,
      red: flagRows.filter((f) => f.color === 'red').length,
      yellow: flagRows.filter((f) => f.color === 'yellow').length,
    });
  }
  const rects = (await listRectificationsFor(ctx, {})).items.filter(
    (r) => r.state !== 'signed_off',
  );
  // The assessment standing: this year's (or the latest) assessment the actor may read.
  const year = Number(month.slice(0, 4));
  const assessments = (await listAssessments(ctx)).items;
  const current = assessments.find((a) => a.year === year) ?? assessments[0];
  let assessment = null;
  if (current) {
    const results = await assessmentResults(ctx, String(current.id));
    const grades: Record<string, number> = {};
    for (const u of results.items) grades[u.grade] = (grades[u.grade] ?? 0) + 1;
    assessment = {
      id: current.id,
      title: current.title,
      year: current.year,
      state: current.state,
      units: results.items.length,
      grades,
      top: [...results.items]
        .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code))
        .slice(0, 10)
        .map((u) => ({
          code: u.code,
          name: u.name,
          className: u.className,
          total: u.total,
          rank: u.rank,
          grade: u.grade,
        })),
    };
  }
  return {
    period: month,
    periodLabel: periodLabel(month),
    totals: {
      contests: progress.length,
      units: progress.reduce((n, p) => n + p.units, 0),
      reported: progress.reduce((n, p) => n + p.reported, 0),
      overdueUnits: overdue.length,
      red: flagUnits.filter((f) => f.color === 'red').length,
      yellow: flagUnits.filter((f) => f.color === 'yellow').length,
      openAppeals: appeals.length,
      openRectifications: rects.length,
      overdueRectifications: rects.filter((r) => r.overdue).length,
    },
    progress,
    overdue: overdue.slice(0, 200),
    flags: flagUnits,
    appeals,
    rectifications: rects.slice(0, 100).map((r) => ({
      id: r.id,
      contest: { id: r.contest.id, title: r.contest.title },
      unit: r.unit.name,
      periodLabel: r.periodLabel,
      stateName: r.stateName,
      deadline: r.deadline,
      overdue: r.overdue,
    })),
    assessment,
  };
}
