import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { readCell } from '../core/number-text.ts';
import { acceptsEntries, hasResults, ROUND_STATE_NAMES } from '../core/round-state.ts';
import type { Rubric } from '../core/rubric.ts';
import { checkValue } from '../core/sheet.ts';
import { type Contest, listParticipants } from '../db/contest.repository.ts';
import {
  type Entry,
  type EntryWrite,
  entriesOfUnits,
  listEntries,
  listEvidence,
  listVerifications,
  StaleEntryError,
  saveEntries as saveEntryRows,
} from '../db/entry.repository.ts';
import type { Round } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { computeRound, rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { MAX_ID, Ref } from './ids.ts';
import { checkLedgerSourced } from './ledger-feed.ts';
import {
  type EntryMode,
  entriesScope,
  mayWriteCell,
  type RoundAccess,
  roundAccess,
} from './policies/round.ts';
import { requireRound } from './rounds.ts';

export const EntryItem = z.object({
  unit: Ref,
  indicator: z.string().min(1).max(32),
  /** The value (for `manual`, the score); null clears it; a veto takes true/false or 1/0; text
   *  is read as typed ("85%", full-width digits, 是/否) by core/number-text. */
  value: z.union([z.number(), z.boolean(), z.null(), z.string().max(64)]),
  note: z.string().max(2000).nullable().optional(),
  /** The version read before editing; a save over a newer one is refused (409). */
  version: z.number().int().min(0).max(MAX_ID).optional(),
});
export type EntryItem = z.infer<typeof EntryItem>;
export const EntryBatch = z.array(EntryItem).min(1).max(100_000);

/** One refused item of a batch, named by its position, unit and indicator. */
export interface ItemProblem {
  index: number;
  unit: string;
  indicator: string;
  code: string;
  message: string;
}

interface Checked {
  writes: EntryWrite[];
  existing: Map<string, Entry>;
}

/**
 * Checks a batch against the round's participants, its rubric, the actor's permissions and the
 * versions read; every problem is collected and the whole batch refused if there is any.
 */
export async function checkItems(
  db: Kysely<Database>,
  round: Round,
  rubric: Rubric,
  access: RoundAccess,
  items: EntryItem[],
  mode: EntryMode,
): Promise<Checked> {
  if (round.derivation) {
    throw new DomainError('DERIVED_ROUND', '此期由各月成绩汇总而来，不能填报');
  }
  const participants = await listParticipants(db, round.contestId);
  const byRef = new Map<string, number>();
  for (const p of participants) {
    byRef.set(p.code, p.unitId);
    byRef.set(String(p.unitId), p.unitId);
  }
  const indicators = new Map(rubric.indicators.map((i) => [i.code, i]));
  const batchUnits = items.map((i) => byRef.get(String(i.unit))).filter((u) => u !== undefined);
  const existing = new Map(
    (await entriesOfUnits(db, round.id, batchUnits)).map((e) => [`${e.unitId}:${e.indicator}`, e]),
  );
  const problems: ItemProblem[] = [];
  const stale: ItemProblem[] = [];
  const writes: EntryWrite[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const unitText = String(item.unit);
    const bad = (code: string, message: string) =>
      problems.push({ index, unit: unitText, indicator: item.indicator, code, message });
    let unitId = byRef.get(unitText);
    if (unitId === undefined && typeof item.unit === 'number')
      unitId = byRef.get(String(item.unit));
    const indicator = indicators.get(item.indicator);
    if (unitId === undefined) bad('UNKNOWN_UNIT', `「${unitText}」不是本擂台赛的参赛单位`);
    if (!indicator) bad('UNKNOWN_INDICATOR', `评分标准中没有指标「${item.indicator}」`);
    if (unitId === undefined || !indicator) continue;
    const key = `${unitId}:${indicator.code}`;
    if (seen.has(key)) {
      bad('DUPLICATE_ITEM', '同一单位同一指标在本批中出现两次');
      continue;
    }
    seen.add(key);
    if (!mayWriteCell(access, indicator, unitId, mode, round.state)) {
      if (access.evaluates(indicator.code) && access.recused(unitId)) {
        bad('NOT_PERMITTED', `回避：不能为本单位评分，${indicator.code} 由组织单位评定`);
      } else {
        bad('NOT_PERMITTED', `无权填报此项`);
      }
      continue;
    }
    let value: number | null;
    if (typeof item.value === 'string') {
      // Text as typed ("85%", "０.８２", "是"): read the same way as the grid and the sheets.
      const reading = readCell(indicator, item.value);
      if (!reading.ok) {
        bad(reading.code, reading.message);
        continue;
      }
      value = reading.value;
    } else if (typeof item.value === 'boolean') {
      if (indicator.kind !== 'veto') {
        bad('NOT_A_NUMBER', '应填数字');
        continue;
      }
      value = item.value ? 1 : 0;
    } else value = item.value;
    if (value !== null) {
      const problem = checkValue(indicator, value);
      if (problem) {
        bad(problem.code, problem.message);
        continue;
      }
    }
    const old = existing.get(key);
    if (item.version !== undefined && item.version !== (old?.version ?? 0)) {
      stale.push({
        index,
        unit: unitText,
        indicator: indicator.code,
        code: 'STALE_VERSION',
        message: `他人已先保存了此项（第 ${old?.version ?? 0} 版），请刷新后再改`,
      });
      continue;
    }
    writes.push({ unitId, indicator: indicator.code, value, note: item.note ?? old?.note ?? null });
  }
  if (problems.length) {
    const onlyPermission = problems.every((p) => p.code === 'NOT_PERMITTED');
    throw new DomainError(
      onlyPermission ? 'FORBIDDEN' : 'INVALID_ENTRIES',
      `有 ${problems.length} 项不能保存，整批未保存`,
      { params: { count: problems.length }, problems: [...problems, ...stale] },
    );
  }
  if (stale.length) {
    throw new DomainError('CONFLICT', `有 ${stale.length} 项已被他人修改，整批未保存`, {
      params: { reason: 'staleEntries', count: stale.length },
      problems: stale,
    });
  }
  return { writes, existing };
}

/** Saves the checked writes; a concurrent save of the same entry turns into a 409. */
export async function writeEntries(ctx: AppContext, round: Round, checked: Checked): Promise<void> {
  try {
    await saveEntryRows(
      ctx.db,
      round.id,
      checked.writes,
      checked.existing,
      ctx.actor.userId,
      ctx.clock.now().toISOString(),
    );
  } catch (error) {
    if (error instanceof StaleEntryError) {
      throw new DomainError('CONFLICT', '此项刚被他人修改，整批未保存', {
        params: { reason: 'staleEntries' },
      });
    }
    throw error;
  }
}

/** Why a round takes no entries now, for PUT entries and sheet imports alike. */
export function roundClosed(round: Round): DomainError {
  const how =
    round.state === 'notice'
      ? '公示期间只能通过申诉修改'
      : round.state === 'published'
        ? '已发布的期次只能通过更正修改'
        : '期次尚未开始填报';
  return new DomainError('ROUND_CLOSED', `${ROUND_STATE_NAMES[round.state]}：${how}`, {
    params: { state: round.state, how },
    state: round.state,
  });
}

/** Saves a batch of entries (all or nothing); in review the results follow at once. */
export function saveEntries(ctx: AppContext, roundId: string, items: EntryItem[]) {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRound(tx.db, roundId);
    const contest = await requireContest(tx.db, round.contestId);
    if (!acceptsEntries(round.state)) throw roundClosed(round);
    const access = await roundAccess(tx, contest);
    const rubric = await rubricOfRound(tx.db, round);
    const checked = await checkItems(tx.db, round, rubric, access, items, 'direct');
    await checkLedgerSourced(tx, round.id, checked.writes, access.manage); // DESIGN §9
    await writeEntries(tx, round, checked);
    await audit(tx, {
      action: 'entries.save',
      entityType: 'round',
      entityId: round.id,
      unitId: contest.organizerUnitId,
      before: checked.writes
        .map((w) => checked.existing.get(`${w.unitId}:${w.indicator}`))
        .filter((e) => e !== undefined)
        .map((e) => ({ unit: e.unitId, indicator: e.indicator, value: e.value })),
      after: checked.writes.map((w) => ({
        unit: w.unitId,
        indicator: w.indicator,
        value: w.value,
      })),
    });
    if (hasResults(round.state)) await computeRound(tx.db, round, round.revision);
    return { saved: checked.writes.length };
  });
}

export interface EntryView {
  id: number;
  unit: string;
  unitId: number;
  indicator: string;
  value: number | null;
  note: string | null;
  version: number;
  enteredAt: string;
  editable: boolean;
}

/** The round's entries the actor may see: all for organizers, viewers and lead offices; a reporter's own unit's. */
export async function getEntries(ctx: AppContext, roundId: string) {
  const round = await requireRound(ctx.db, roundId);
  const contest: Contest = await requireContest(ctx.db, round.contestId);
  const access = await roundAccess(ctx, contest);
  const scope = entriesScope(access);
  const unitFilter = scope === 'all' || scope === null ? undefined : scope;
  if (scope === null) {
    throw new DomainError('FORBIDDEN', '没有权限查看此期填报');
  }
  const rubric = await rubricOfRound(ctx.db, round);
  const indicators = new Map(rubric.indicators.map((i) => [i.code, i]));
  const [entries, verifications, evidence] = await Promise.all([
    listEntries(ctx.db, round.id, unitFilter),
    listVerifications(ctx.db, round.id),
    listEvidence(ctx.db, round.id),
  ]);
  const codes = new Map(
    (await listParticipants(ctx.db, round.contestId)).map((p) => [p.unitId, p.code]),
  );
  const visible = new Set(entries.map((e) => e.id));
  const open = acceptsEntries(round.state);
  const editableIndicators = open
    ? rubric.indicators
        .filter(
          (i) =>
            access.manage ||
            access.evaluates(i.code) ||
            (access.reportsFor !== null &&
              mayWriteCell(access, i, access.reportsFor, 'direct', round.state)),
        )
        .map((i) => i.code)
    : [];
  const allUnits = access.manage || rubric.indicators.some((i) => access.evaluates(i.code));
  // 回避: a lead office that also competes does not score its own unit; the organizer does.
  const led = access.manage ? [] : rubric.indicators.filter((i) => access.evaluates(i.code));
  const recused = led.length
    ? [...codes].filter(([id]) => access.recused(id)).map(([, code]) => code)
    : [];
  return {
    /** The cells the actor may fill: these units × these indicators. */
    editable: {
      units: allUnits
        ? ('all' as const)
        : access.reportsFor !== null
          ? [codes.get(access.reportsFor) ?? '']
          : [],
      indicators: editableIndicators,
      /** Units whose cells of the indicators the actor leads go to the organizer (回避). */
      ...(recused.length
        ? { recused: { units: recused, indicators: led.map((i) => i.code) } }
        : {}),
    },
    items: entries.map(
      (e): EntryView => ({
        id: e.id,
        unit: codes.get(e.unitId) ?? String(e.unitId),
        unitId: e.unitId,
        indicator: e.indicator,
        value: e.value,
        note: e.note,
        version: e.version,
        enteredAt: e.enteredAt,
        editable:
          open &&
          indicators.has(e.indicator) &&
          mayWriteCell(access, indicators.get(e.indicator)!, e.unitId, 'direct', round.state),
      }),
    ),
    total: entries.length,
    verifications: verifications
      .filter((v) => visible.has(v.entry_id))
      .map((v) => ({
        id: v.id,
        entryId: v.entry_id,
        unit: codes.get(v.unit_id) ?? String(v.unit_id),
        indicator: v.indicator_code,
        kind: v.kind,
        checkedOn: v.checked_on,
        finding: v.finding,
        by: v.display_name ?? '系统',
        createdAt: v.created_at,
      })),
    evidence: evidence
      .filter((f) => visible.has(f.entry_id))
      .map((f) => ({
        id: f.id,
        entryId: f.entry_id,
        unit: codes.get(f.unit_id) ?? String(f.unit_id),
        indicator: f.indicator_code,
        filename: f.filename,
        contentType: f.content_type,
        size: f.size,
        uploadedAt: f.uploaded_at,
      })),
  };
}
