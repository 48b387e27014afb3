// Reminders (DESIGN §7 notifications): the in-app notification centre and the events that feed
// it and the outgoing webhooks. A state change writes its notifications and its outbox event in
// its own transaction (so a rolled-back change notifies nobody); deadline and rectification
// reminders come from the scheduler's `reminders` job, once per (round, unit, kind).
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { EVENT_KINDS, type EventKind } from '../core/events.ts';
import { periodLabel } from '../core/period.ts';
import type { Appeal } from '../db/appeal.repository.ts';
import type { Contest } from '../db/contest.repository.ts';
import { findContest, listParticipants } from '../db/contest.repository.ts';
import { listEntries } from '../db/entry.repository.ts';
import {
  claimReminder,
  insertNotifications,
  insertOutboxEvent,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NewNotification,
  usersOfUnitWithRole,
} from '../db/notify.repository.ts';
import { listRectifications } from '../db/rectification.repository.ts';
import type { Round } from '../db/round.repository.ts';
import { roundsInStates } from '../db/round.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { rubricOfRound } from './compute-round.ts';
import type { AppContext } from './context.ts';
import { isId } from './ids.ts';
import { requireUser } from './policies/gate.ts';
import { selfReported } from './policies/round.ts';

export { EVENT_KINDS, type EventKind };

export const EVENT_KIND_NAMES: Record<EventKind, string> = {
  'deadline.3d': '填报截止前3天',
  'deadline.1d': '填报截止前1天',
  'deadline.overdue': '填报已逾期',
  'round.notice': '进入公示',
  'appeal.decided': '申诉已答复',
  'rectification.due': '整改到期',
};

const DAY = 86_400_000;

/**
 * Notifies users in the context's transaction and queues the event for webhooks. `data` is the
 * event's JSON payload as webhooks receive it.
 */
export async function emit(
  ctx: AppContext,
  kind: EventKind,
  userIds: readonly number[],
  n: Omit<NewNotification, 'kind'>,
  data: Record<string, unknown>,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await insertNotifications(ctx.db, userIds, { ...n, kind }, now);
  await insertOutboxEvent(ctx.db, kind, { ...data, title: n.title, body: n.body }, now);
}

/** A round entered 公示: every participant's reporters are told. Called in the transition's transaction. */
export async function notifyRoundNotice(
  ctx: AppContext,
  round: Round,
  contest: Contest,
  endsAt: string | undefined,
): Promise<void> {
  const participants = await listParticipants(ctx.db, contest.id);
  const users = await usersOfUnitWithRole(
    ctx.db,
    participants.map((p) => p.unitId),
    'reporter',
  );
  const label = periodLabel(round.period);
  const until = endsAt ? `，公示期至 ${endsAt.slice(0, 10)}，如有异议请在公示期内提出申诉` : '';
  await emit(
    ctx,
    'round.notice',
    users.map((u) => u.userId),
    {
      title: `${contest.title}（${label}）进入公示`,
      body: `${contest.title} ${label} 的初步结果已公示${until}。`,
      link: `/rounds/${round.id}/results`,
      entityType: 'round',
      entityId: round.id,
    },
    {
      round: { id: round.id, period: round.period },
      contest: { id: contest.id, title: contest.title },
      noticeEndsAt: endsAt ?? null,
      units: participants.map((p) => p.code),
    },
  );
}

/** An appeal answered: its appellant is told. Called in the decision's transaction. */
export async function notifyAppealDecided(
  ctx: AppContext,
  appeal: Appeal,
  round: Round,
  contest: Contest,
): Promise<void> {
  const unit = await findUnit(ctx.db, appeal.unitId);
  const verdict = appeal.status === 'upheld' ? '予以采纳' : '不予采纳';
  await emit(
    ctx,
    'appeal.decided',
    appeal.filedBy === null ? [] : [appeal.filedBy],
    {
      title: `申诉已答复：${contest.title} ${appeal.indicator}`,
      body: `${unit?.name ?? ''}就 ${contest.title}（${periodLabel(round.period)}）指标 ${appeal.indicator} 提出的申诉${verdict}。理由：${appeal.decisionReason ?? ''}`,
      link: `/rounds/${round.id}`,
      entityType: 'appeal',
      entityId: appeal.id,
    },
    {
      appeal: {
        id: appeal.id,
        indicator: appeal.indicator,
        status: appeal.status,
        newValue: appeal.newValue,
        reason: appeal.decisionReason,
      },
      round: { id: round.id, period: round.period },
      contest: { id: contest.id, title: contest.title },
      unit: unit ? { code: unit.code, name: unit.name } : null,
    },
  );
}

// --- The scheduler's reminders ----------------------------------------------------------------

/** Which deadline reminder is due at `now`, if any: the most urgent that applies. */
export function deadlineKind(deadline: string, now: Date): EventKind | undefined {
  const left = new Date(deadline).getTime() - now.getTime();
  if (Number.isNaN(left)) return undefined;
  if (left < 0) return 'deadline.overdue';
  if (left <= DAY) return 'deadline.1d';
  if (left <= 3 * DAY) return 'deadline.3d';
  return undefined;
}

/**
 * Deadline reminders: for every collecting round with a deadline within 3 days or past, every
 * participant that has not filled all its self-reported cells has its reporters reminded, once
 * per (round, unit, kind). Each round is its own transaction, so one bad round holds up nobody.
 */
export async function sendDeadlineReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  let sent = 0;
  for (const round of await roundsInStates(ctx.db, ['collecting'])) {
    if (!round.deadline) continue;
    const kind = deadlineKind(round.deadline, now);
    if (!kind) continue;
    sent += await ctx.db.transaction().execute(async (trx) => {
      const tx = { ...ctx, db: trx };
      const contest = (await findContest(trx, round.contestId))!;
      const rubric = await rubricOfRound(trx, round);
      const own = rubric.indicators.filter(selfReported).map((i) => i.code);
      if (own.length === 0) return 0;
      const filled = new Map<number, Set<string>>();
      for (const e of await listEntries(trx, round.id)) {
        if (e.value === null) continue;
        const set = filled.get(e.unitId) ?? new Set<string>();
        set.add(e.indicator);
        filled.set(e.unitId, set);
      }
      const label = periodLabel(round.period);
      const when =
        kind === 'deadline.overdue'
          ? `已超过填报截止时间（${round.deadline!.slice(0, 10)}）`
          : `将于 ${round.deadline!.slice(0, 10)} 截止填报`;
      let count = 0;
      for (const p of await listParticipants(trx, contest.id)) {
        const missing = own.filter((code) => !filled.get(p.unitId)?.has(code));
        if (missing.length === 0) continue;
        const key = { roundId: round.id, unitId: p.unitId, kind };
        if (!(await claimReminder(trx, key, now.toISOString()))) continue;
        const users = await usersOfUnitWithRole(trx, [p.unitId], 'reporter');
        await emit(
          tx,
          kind,
          users.map((u) => u.userId),
          {
            title: `${kind === 'deadline.overdue' ? '逾期未报' : '填报提醒'}：${contest.title}（${label}）`,
            body: `${p.name}：${contest.title} ${label} ${when}，尚有 ${missing.length} 项未填（${missing.join('、')}）。`,
            link: `/rounds/${round.id}`,
            entityType: 'round',
            entityId: round.id,
          },
          {
            round: { id: round.id, period: round.period, deadline: round.deadline },
            contest: { id: contest.id, title: contest.title },
            unit: { code: p.code, name: p.name },
            missing,
          },
        );
        count++;
      }
      return count;
    });
  }
  return sent;
}

/** Rectifications due within 3 days (or overdue) and not yet submitted: the unit's reporters are told once. */
export async function sendRectificationReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const soon = new Date(now.getTime() + 3 * DAY).toISOString();
  const rows = (await listRectifications(ctx.db, { state: 'open' })).filter(
    (r) => r.deadline <= soon,
  );
  let sent = 0;
  for (const r of rows) {
    sent += await ctx.db.transaction().execute(async (trx) => {
      const key = { roundId: r.roundId, unitId: r.unitId, kind: 'rectification.due' };
      if (!(await claimReminder(trx, key, now.toISOString()))) return 0;
      const contest = await findContest(trx, r.contestId);
      const unit = await findUnit(trx, r.unitId);
      const users = await usersOfUnitWithRole(trx, [r.unitId], 'reporter');
      const overdue = r.deadline < now.toISOString();
      await emit(
        { ...ctx, db: trx },
        'rectification.due',
        users.map((u) => u.userId),
        {
          title: `整改${overdue ? '已逾期' : '即将到期'}：${contest?.title ?? ''}（${periodLabel(r.period)}）`,
          body: `${unit?.name ?? ''}的整改须于 ${r.deadline.slice(0, 10)} 前提交表态和整改措施${overdue ? '，现已逾期' : ''}。`,
          link: '/workbench',
          entityType: 'rectification',
          entityId: r.id,
        },
        {
          rectification: { id: r.id, deadline: r.deadline, overdue },
          contest: contest ? { id: contest.id, title: contest.title } : null,
          unit: unit ? { code: unit.code, name: unit.name } : null,
          period: r.period,
        },
      );
      return 1;
    });
  }
  return sent;
}

// --- The notification centre ------------------------------------------------------------------

export const NotificationQuery = z.object({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export async function myNotifications(ctx: AppContext, q: NotificationQuery) {
  const actor = requireUser(ctx);
  return listNotifications(ctx.db, actor.userId!, {
    limit: q.limit,
    offset: q.offset,
    ...(q.unread ? { unread: true } : {}),
  });
}

export async function readNotification(ctx: AppContext, id: string) {
  const actor = requireUser(ctx);
  const found = isId(id)
    ? await markNotificationRead(ctx.db, actor.userId!, Number(id), ctx.clock.now().toISOString())
    : undefined;
  if (!found)
    throw new DomainError('NOT_FOUND', `通知不存在：${id}`, {
      params: { reason: 'notification', id },
    });
  return found;
}

export async function readAllNotifications(ctx: AppContext) {
  const actor = requireUser(ctx);
  const read = await markAllNotificationsRead(ctx.db, actor.userId!, ctx.clock.now().toISOString());
  return { read };
}
