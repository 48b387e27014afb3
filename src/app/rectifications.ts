// 整改闭环 (DESIGN §8): a yellow flag opens a rectification for its unit — a commitment (表态) and
// measures by a deadline, signed off by the organizer; a second yellow in a row in the same
// contest records an interview (约谈). Overdue ones are computed, never typed.
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { periodLabel } from '../core/period.ts';
import { listParticipants } from '../db/contest.repository.ts';
import {
  findRectification,
  findRectificationFor,
  hasYellowFlag,
  insertRectification,
  listRectifications,
  type Rectification,
  unitsWithRectification,
  updateRectification,
  yellowFlagUnits,
} from '../db/rectification.repository.ts';
import type { StoredResult } from '../db/result.repository.ts';
import { previousPublishedRound, type Round } from '../db/round.repository.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import {
  type RectificationAccess,
  rectificationAbilities,
  rectificationAccess,
  requireRectificationAnswerer,
  requireRectificationManager,
} from './policies/rectification.ts';
import { requireRound } from './rounds.ts';

/** Days a unit has for its commitment and measures after a yellow flag. */
export const RECTIFICATION_DAYS = 15;
const DAY = 24 * 60 * 60 * 1000;

const Ref = z.union([z.string().min(1), z.number().int().positive()]);

export const CreateRectification = z.object({
  round: z.coerce.number().int().positive(),
  unit: Ref,
  deadline: z.iso.date().optional(),
});
export type CreateRectification = z.infer<typeof CreateRectification>;

export const RectificationQuery = z.object({
  state: z.enum(['open', 'submitted', 'signed_off']).optional(),
  overdue: z.enum(['1', 'true']).optional(),
  contest: z.coerce.number().int().positive().optional(),
});
export type RectificationQuery = z.infer<typeof RectificationQuery>;

const text = (what: string) => z.string().trim().min(2, `请填写${what}`).max(5000);

export const RectificationAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), commitment: text('表态'), measures: text('整改措施') }),
  z.object({ action: z.literal('approve'), note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('return'), reason: text('退回理由') }),
  z.object({ action: z.literal('interview'), date: z.iso.date(), note: text('约谈情况') }),
]);
export type RectificationAction = z.infer<typeof RectificationAction>;

export const RECTIFICATION_STATE_NAMES = {
  open: '待整改',
  submitted: '待销号',
  signed_off: '已销号',
} as const;

/** Whether the unit's previous round of this contest (same cadence) also brought it a yellow. */
async function secondYellowInARow(ctx: AppContext, round: Round, unitId: number) {
  const previous = await previousPublishedRound(ctx.db, round.contestId, round.period);
  return previous ? hasYellowFlag(ctx.db, previous.id, unitId) : false;
}

async function open(
  ctx: AppContext,
  round: Round,
  unitId: number,
  deadline?: string,
  interviewRequired?: boolean,
) {
  const now = ctx.clock.now();
  const rect = await insertRectification(
    ctx.db,
    {
      contestId: round.contestId,
      roundId: round.id,
      unitId,
      period: round.period,
      deadline: deadline ?? new Date(now.getTime() + RECTIFICATION_DAYS * DAY).toISOString(),
      interviewRequired: interviewRequired ?? (await secondYellowInARow(ctx, round, unitId)),
    },
    now.toISOString(),
  );
  await audit(ctx, {
    action: 'rectification.open',
    entityType: 'rectification',
    entityId: rect.id,
    unitId,
    after: rect,
  });
  return rect;
}

/** On publishing: every yellow flag without a rectification gets one. */
export async function openRectifications(
  ctx: AppContext,
  round: Round,
  results: Pick<StoredResult, 'unitId' | 'flag'>[],
): Promise<void> {
  const yellow = results.filter((r) => r.flag === 'yellow');
  if (!yellow.length) return;
  // Two reads for the whole round, not two per unit: a national round has 30,000 yellow flags.
  const existing = await unitsWithRectification(ctx.db, round.id);
  const previous = await previousPublishedRound(ctx.db, round.contestId, round.period);
  const yellowBefore = previous ? await yellowFlagUnits(ctx.db, previous.id) : new Set<number>();
  for (const r of yellow) {
    if (existing.has(r.unitId)) continue;
    await open(ctx, round, r.unitId, undefined, yellowBefore.has(r.unitId));
  }
}

/** The organizer opens one by hand (e.g. with another deadline); only for a yellow flag. */
export function createRectification(ctx: AppContext, input: CreateRectification) {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, String(input.round));
    const contest = await requireContest(tx.db, round.contestId);
    await requireRectificationManager(tx, contest);
    const unit = (await listParticipants(tx.db, contest.id)).find(
      (p) => p.code === String(input.unit) || p.unitId === Number(input.unit),
    );
    if (!unit) {
      throw new DomainError('UNKNOWN_UNIT', `「${input.unit}」不是本擂台赛的参赛单位`, {
        params: { unit: input.unit },
        field: 'unit',
      });
    }
    if (round.state !== 'published' || !(await hasYellowFlag(tx.db, round.id, unit.unitId))) {
      throw new DomainError(
        'NO_YELLOW_FLAG',
        `${unit.name}在${periodLabel(round.period)}没有黄旗，不需整改`,
        { params: { unit: unit.name, period: round.period }, field: 'unit' },
      );
    }
    if (await findRectificationFor(tx.db, round.id, unit.unitId)) {
      throw new DomainError('CONFLICT', `${unit.name}本期已有整改`, {
        params: { reason: 'rectificationExists', unit: unit.name },
        field: 'unit',
      });
    }
    const deadline = input.deadline ? `${input.deadline}T15:59:59.000Z` : undefined;
    if (deadline && deadline <= tx.clock.now().toISOString()) {
      throw new DomainError('VALIDATION', '整改期限必须晚于今天', {
        params: { reason: 'deadlineFuture' },
        field: 'deadline',
      });
    }
    return present(tx, [await open(tx, round, unit.unitId, deadline)]).then((x) => x[0]!);
  });
}

/** Rectifications as the API presents them, each with what the reader may do (policies/rectification.ts). */
export async function present(
  ctx: AppContext,
  rows: Rectification[],
  access?: Map<number, RectificationAccess>,
) {
  const now = ctx.clock.now().toISOString();
  const may = access ?? (await rectificationAccess(ctx, rows));
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const contestIds = [...new Set(rows.map((r) => r.contestId))];
  const units = unitIds.length
    ? await ctx.db
        .selectFrom('units')
        .select(['id', 'code', 'name'])
        .where('id', 'in', unitIds)
        .execute()
    : [];
  const contests = contestIds.length
    ? await ctx.db
        .selectFrom('contests')
        .select(['id', 'title', 'category'])
        .where('id', 'in', contestIds)
        .execute()
    : [];
  const u = new Map(units.map((x) => [x.id, { id: x.id, code: x.code, name: x.name }]));
  const c = new Map(contests.map((x) => [x.id, x]));
  return rows.map((r) => ({
    ...r,
    unit: u.get(r.unitId)!,
    contest: c.get(r.contestId)!,
    periodLabel: periodLabel(r.period),
    stateName: RECTIFICATION_STATE_NAMES[r.state],
    overdue: r.state !== 'signed_off' && r.deadline < now,
    may: rectificationAbilities(may.get(r.id)!, r),
  }));
}

export async function listRectificationsFor(ctx: AppContext, query: RectificationQuery) {
  const rows = await listRectifications(ctx.db, {
    state: query.state,
    contestIds: query.contest ? [query.contest] : undefined,
    overdueAt: query.overdue ? ctx.clock.now().toISOString() : undefined,
  });
  const access = await rectificationAccess(ctx, rows);
  const items = await present(
    ctx,
    rows.filter((r) => access.get(r.id)!.read),
    access,
  );
  return { items, total: items.length };
}

/** submit (the unit), approve / return / interview (the organizer). */
export function actOnRectification(ctx: AppContext, id: string, input: RectificationAction) {
  return inTransaction(ctx, async (tx) => {
    const rect = /^\d+$/.test(id) ? await findRectification(tx.db, Number(id)) : undefined;
    if (!rect)
      throw new DomainError('NOT_FOUND', `整改不存在：${id}`, {
        params: { reason: 'rectification', id },
      });
    const contest = await requireContest(tx.db, rect.contestId);
    const now = tx.clock.now().toISOString();
    const wrongState = (expected: string) =>
      new DomainError(
        'RECTIFICATION_STATE',
        `此整改${RECTIFICATION_STATE_NAMES[rect.state]}，不能${expected}`,
        { params: { state: rect.state, expected }, field: 'action', state: rect.state },
      );
    let updated: Rectification;
    if (input.action === 'submit') {
      await requireRectificationAnswerer(tx, contest, rect);
      if (rect.state !== 'open') throw wrongState('提交');
      updated = await updateRectification(
        tx.db,
        rect.id,
        {
          state: 'submitted',
          commitment: input.commitment,
          measures: input.measures,
          submittedBy: tx.actor.userId,
          submittedAt: now,
          returnReason: null,
        },
        now,
      );
    } else {
      await requireRectificationManager(tx, contest);
      if (input.action === 'approve') {
        if (rect.state !== 'submitted') throw wrongState('销号');
        if (rect.interviewRequired && !rect.interviewOn) {
          throw new DomainError('RECTIFICATION_STATE', '连续两期黄旗须先记录约谈，才能销号', {
            params: { reason: 'interviewFirst' },
            field: 'action',
          });
        }
        updated = await updateRectification(
          tx.db,
          rect.id,
          { state: 'signed_off', signedOffBy: tx.actor.userId, signedOffAt: now },
          now,
        );
      } else if (input.action === 'return') {
        if (rect.state !== 'submitted') throw wrongState('退回');
        updated = await updateRectification(
          tx.db,
          rect.id,
          { state: 'open', returnReason: input.reason },
          now,
        );
      } else {
        if (!rect.interviewRequired) {
          throw new DomainError('RECTIFICATION_STATE', '只有连续两期黄旗才需约谈', {
            params: { reason: 'noInterviewDue' },
            field: 'action',
          });
        }
        updated = await updateRectification(
          tx.db,
          rect.id,
          { interviewOn: input.date, interviewNote: input.note },
          now,
        );
      }
    }
    await audit(tx, {
      action: `rectification.${input.action}`,
      entityType: 'rectification',
      entityId: rect.id,
      unitId: rect.unitId,
      before: { state: rect.state },
      after: { state: updated.state, ...input },
    });
    return (await present(tx, [updated]))[0]!;
  });
}
