import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { checkValue } from '../core/sheet.ts';
import {
  type Appeal,
  decideAppeal,
  findAppeal,
  insertAppeal,
  listAppeals,
} from '../db/appeal.repository.ts';
import { listParticipants } from '../db/contest.repository.ts';
import { findEntryFor } from '../db/entry.repository.ts';
import type { Database } from '../db/schema.ts';
import { unitLabels } from '../db/unit.repository.ts';
import { computeRound, rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { writeEntries } from './entries.ts';
import { isId, Ref } from './ids.ts';
import { requireNoticeOpen } from './notice.ts';
import { notifyAppealDecided } from './notifications.ts';
import { requireContestReader } from './policies/contest.ts';
import { entriesScope, leadsIndicator, mayAppealFor, roundAccess } from './policies/round.ts';
import { requireRound } from './rounds.ts';

export const FileAppeal = z.object({
  unit: Ref,
  indicator: z.string().min(1).max(32),
  reason: z.string().trim().min(2, '请写明申诉理由').max(5000),
});
export type FileAppeal = z.infer<typeof FileAppeal>;

export const DecideAppeal = z
  .object({
    decision: z.enum(['upheld', 'rejected']),
    /** Upheld: the new value (for `manual`, the new score). */
    value: z.union([z.number(), z.boolean(), z.null()]).optional(),
    reason: z.string().trim().min(2, '请写明答复理由').max(5000),
  })
  .refine((d) => d.decision === 'rejected' || d.value !== undefined, {
    message: '支持申诉时须给出新的值',
    path: ['value'],
  });
export type DecideAppeal = z.infer<typeof DecideAppeal>;

async function participantId(ctx: AppContext, contestId: number, ref: string | number) {
  const p = (await listParticipants(ctx.db, contestId)).find(
    (x) => x.code === String(ref) || x.unitId === Number(ref),
  );
  if (!p)
    throw new DomainError('UNKNOWN_UNIT', `「${ref}」不是本擂台赛的参赛单位`, {
      params: { reason: 'notParticipant', unit: ref },
      field: 'unit',
    });
  return p;
}

/** A participant appeals an entry during the notice window (公示期). */
export function fileAppeal(ctx: AppContext, roundId: string, input: FileAppeal): Promise<Appeal> {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, roundId);
    const contest = await requireContest(tx.db, round.contestId);
    if (round.state !== 'notice') {
      throw new DomainError('ROUND_CLOSED', '只能在公示期内申诉', {
        params: { reason: 'appealsInNotice' },
        state: round.state,
      });
    }
    await requireNoticeOpen(tx, round);
    const unit = await participantId(tx, contest.id, input.unit);
    const access = await roundAccess(tx, contest);
    if (!mayAppealFor(access, unit.unitId)) {
      throw new DomainError('FORBIDDEN', '只能为本单位申诉', { params: { reason: 'ownUnitOnly' } });
    }
    const rubric = await rubricOfRound(tx.db, round);
    if (!rubric.indicators.some((i) => i.code === input.indicator)) {
      throw new DomainError('UNKNOWN_INDICATOR', `评分标准中没有指标「${input.indicator}」`, {
        params: { indicator: input.indicator },
        field: 'indicator',
      });
    }
    const open = (await listAppeals(tx.db, round.id, unit.unitId)).find(
      (a) => a.indicator === input.indicator && a.status === 'pending',
    );
    if (open)
      throw new DomainError('DUPLICATE_APPEAL', '此项已有待答复的申诉', { appeal: open.id });
    const entry = await findEntryFor(tx.db, round.id, unit.unitId, input.indicator);
    const appeal = await insertAppeal(
      tx.db,
      {
        roundId: round.id,
        unitId: unit.unitId,
        indicator: input.indicator,
        reason: input.reason,
        filedBy: tx.actor.userId,
        oldValue: entry?.value ?? null,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'appeal.file',
      entityType: 'appeal',
      entityId: appeal.id,
      unitId: unit.unitId,
      after: appeal,
    });
    return appeal;
  });
}

/** The lead office upholds (with the new value; results follow) or rejects with a reason. */
export function decide(ctx: AppContext, appealId: string, input: DecideAppeal): Promise<Appeal> {
  return inTransaction(ctx, async (tx) => {
    const found = isId(appealId) ? await findAppeal(tx.db, Number(appealId)) : undefined;
    if (!found)
      throw new DomainError('NOT_FOUND', `申诉不存在：${appealId}`, {
        params: { reason: 'appeal', id: appealId },
      });
    const round = await requireRound(tx.db, found.roundId);
    // Read again under the round's lock: a decision made meanwhile is seen, never made twice.
    const appeal = (await findAppeal(tx.db, found.id))!;
    const contest = await requireContest(tx.db, round.contestId);
    const access = await roundAccess(tx, contest);
    if (!leadsIndicator(access, appeal.indicator)) {
      throw new DomainError('FORBIDDEN', '只有该指标的牵头科室可以答复', {
        params: { reason: 'leadOfficeDecides' },
      });
    }
    if (access.recused(appeal.unitId)) {
      throw new DomainError('FORBIDDEN', '回避：不能答复本单位的申诉，由组织单位答复', {
        params: { reason: 'recusal' },
      });
    }
    if (appeal.status !== 'pending') throw new DomainError('APPEAL_DECIDED', '此申诉已答复');
    if (round.state !== 'notice')
      throw new DomainError('ROUND_CLOSED', '只能在公示期内答复申诉', { state: round.state });
    let newValue: number | null = null;
    if (input.decision === 'upheld') {
      const rubric = await rubricOfRound(tx.db, round);
      const indicator = rubric.indicators.find((i) => i.code === appeal.indicator)!;
      const v = input.value;
      newValue = typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
      const problem = newValue === null ? undefined : checkValue(indicator, newValue);
      if (problem)
        throw new DomainError('INVALID_ENTRIES', problem.message, {
          field: 'value',
          code: problem.code,
        });
      const old = await findEntryFor(tx.db, round.id, appeal.unitId, appeal.indicator);
      await writeEntries(tx, round, {
        writes: [
          {
            unitId: appeal.unitId,
            indicator: appeal.indicator,
            value: newValue,
            note: old?.note ?? null,
          },
        ],
        existing: new Map(old ? [[`${old.unitId}:${old.indicator}`, old]] : []),
      });
    }
    const decided = await decideAppeal(
      tx.db,
      appeal.id,
      { status: input.decision, newValue, reason: input.reason, decidedBy: tx.actor.userId },
      tx.clock.now().toISOString(),
    );
    if (input.decision === 'upheld') await computeRound(tx.db, round, round.revision);
    await notifyAppealDecided(tx, decided, round, contest);
    await audit(tx, {
      action: `appeal.${input.decision}`,
      entityType: 'appeal',
      entityId: appeal.id,
      unitId: appeal.unitId,
      before: appeal,
      after: decided,
    });
    return decided;
  });
}

/** A round's appeals: all for those who read the whole round, a participant's own otherwise. */
export async function getAppeals(ctx: AppContext, roundId: string): Promise<Appeal[]> {
  const round = await requireRound(ctx.db, roundId);
  const contest = await requireContest(ctx.db, round.contestId);
  const access = await roundAccess(ctx, contest);
  const scope = entriesScope(access);
  if (scope === 'all') return listAppeals(ctx.db, round.id);
  if (scope !== null) return listAppeals(ctx.db, round.id, scope);
  await requireContestReader(ctx, contest.organizerUnitId);
  return [];
}

/** Appeals as the API shows them: with the unit's code and name beside its id. */
export async function presentAppeals(db: Kysely<Database>, appeals: Appeal[]) {
  const byId = await unitLabels(
    db,
    appeals.map((a) => a.unitId),
  );
  return appeals.map((a) => {
    const unit = byId.get(a.unitId)!;
    return { ...a, unit: { code: unit.code, name: unit.name } };
  });
}
