import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { CADENCE_NAMES, CADENCES, type Cadence } from '../core/period.ts';
import type { RoundState } from '../core/round-state.ts';
import { UNIT_KINDS, type UnitKind, type UnitRef } from '../core/units.ts';
import {
  type Contest,
  findContest,
  insertContest,
  listContests as listContestRows,
  listEvaluators,
  listParticipants,
  listRubricVersions,
  replaceEvaluators,
  replaceParticipants,
  updateContest,
} from '../db/contest.repository.ts';
import { listRounds } from '../db/round.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit, pathsOf, unitsByRule } from '../db/unit.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, isId, Ref } from './ids.ts';
import {
  type ContestAbilities,
  contestAbilities,
  requireContestManager,
} from './policies/contest.ts';
import { requireUser } from './policies/gate.ts';

// 分类设榜 by kind: streets apart from towns and townships, which compete together (a county has
// few townships; a group of one would win every flag).
const KIND_GROUP: Partial<Record<UnitKind, string>> = {
  street: '街道',
  town: '乡镇',
  township: '乡镇',
  village: '村',
  community: '社区',
  department: '部门',
};

const IndicatorCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/, '指标编码格式不正确');

export const ParticipantRule = z.object({
  under: Ref,
  kinds: z.array(z.enum(UNIT_KINDS)).min(1),
});

export const CreateContest = z.object({
  title: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(50),
  organizer: Ref,
  cadence: z.enum(CADENCES),
  /** More cadences of the same contest: weekly bulletins, monthly assessment, quarterly ranking. */
  extraCadences: z.array(z.enum(CADENCES)).optional(),
  /** Cadences whose rounds award flags (default: the main cadence); [] awards none. */
  flagCadences: z.array(z.enum(CADENCES)).optional(),
  /** Days of the notice (公示) window, default 3. */
  noticeDays: z.number().int().min(1).max(30).optional(),
  /** A county template (三级联动): towns make their own contests from it among their villages. */
  isTemplate: z.boolean().optional(),
  description: z.string().max(5000).optional(),
  participants: z.union([z.array(Ref).min(1), ParticipantRule]),
  /** 分类设榜: a group per unit, or `kind` to group by kind (街道 / 镇 / 乡 …). */
  groups: z
    .union([z.record(z.string(), z.string().trim().min(1).max(50)), z.literal('kind')])
    .optional(),
  /** The lead office (牵头责任科室) of each indicator; the organizer leads the others. */
  evaluators: z.record(IndicatorCode, Ref).optional(),
});
export type CreateContest = z.infer<typeof CreateContest>;

export const UpdateContest = CreateContest.omit({
  organizer: true,
  cadence: true,
  isTemplate: true,
})
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少需要修改一项');
export type UpdateContest = z.infer<typeof UpdateContest>;

export const ListContests = z.object({
  category: z.string().min(1).optional(),
  organizer: z.string().min(1).optional(),
  participant: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: CountQuery.default(0),
});
export type ListContests = z.infer<typeof ListContests>;

export interface ContestSummary extends Omit<Contest, 'organizerUnitId'> {
  organizer: UnitRef;
}

export interface ContestView extends ContestSummary {
  participants: { id: number; code: string; name: string; kind: string; group: string }[];
  groups: string[];
  evaluators: Record<string, UnitRef>;
  rubricVersions: { version: number; status: 'draft' | 'published'; publishedAt: string | null }[];
  rounds: {
    id: number;
    period: string;
    state: RoundState;
    revision: number;
    deadline: string | null;
  }[];
}

/** A contest as its reader gets it: with what the reader may do (policies/contest.ts). */
export type ContestForReader = ContestView & { may: ContestAbilities };

/** Adds the reader's abilities to a contest's view. */
export async function forReader(
  ctx: AppContext,
  contest: Contest,
  view: ContestView,
): Promise<ContestForReader> {
  return { ...view, may: await contestAbilities(ctx, contest) };
}

export async function requireContest(db: Kysely<Database>, id: number | string): Promise<Contest> {
  const contest = isId(String(id)) ? await findContest(db, Number(id)) : undefined;
  if (!contest)
    throw new DomainError('CONTEST_NOT_FOUND', `擂台赛不存在：${id}`, { params: { id } });
  return contest;
}

async function unitRefOf(db: Kysely<Database>, id: number): Promise<UnitRef> {
  const u = await findUnit(db, id);
  return { id: u!.id, code: u!.code, name: u!.name, kind: u!.kind };
}

export async function resolveUnit(db: Kysely<Database>, ref: string | number, field: string) {
  const unit = await findUnit(db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, { params: { unit: ref }, field });
  return unit;
}

/** Participants of a list or a rule, each checked to lie in the organizer's subtree. */
export async function resolveParticipants(
  db: Kysely<Database>,
  organizerId: number,
  spec: CreateContest['participants'],
  groups: CreateContest['groups'],
): Promise<{ unitId: number; group: string }[]> {
  let units: { id: number; code: string; kind: UnitKind }[];
  if (Array.isArray(spec)) {
    units = [];
    const problems: string[] = [];
    for (const ref of spec) {
      const unit = await findUnit(db, ref);
      if (!unit) problems.push(String(ref));
      else units.push(unit);
    }
    if (problems.length) {
      throw new DomainError('UNKNOWN_UNIT', `参赛单位不存在：${problems.join(', ')}`, {
        params: { unit: problems.join(', ') },
        field: 'participants',
        units: problems,
      });
    }
  } else {
    const under = await resolveUnit(db, spec.under, 'participants.under');
    units = await unitsByRule(db, under.id, spec.kinds);
    if (units.length === 0) {
      throw new DomainError('NO_PARTICIPANTS', '按此规则没有找到参赛单位', {
        params: { reason: 'ruleSelectsNone' },
        field: 'participants',
      });
    }
  }
  const ids = [...new Set(units.map((u) => u.id))];
  // A rule's units lie under `under`, so checking `under` checks them all.
  const checked = Array.isArray(spec)
    ? ids
    : [(await resolveUnit(db, spec.under, 'participants.under')).id];
  const paths = await pathsOf(db, checked);
  const outside = units.filter(
    (u) => checked.includes(u.id) && !(paths.get(u.id) ?? []).some((p) => p.id === organizerId),
  );
  if (outside.length) {
    throw new DomainError(
      'OUTSIDE_SUBTREE',
      `参赛单位必须是组织单位的下级：${outside.map((u) => u.code).join(', ')}`,
      { params: { units: outside.map((u) => u.code).join(', ') }, field: 'participants' },
    );
  }
  const byRef = new Map<string, string>();
  if (groups && groups !== 'kind') {
    for (const [ref, label] of Object.entries(groups)) {
      const unit = await findUnit(db, ref);
      if (!unit || !ids.includes(unit.id)) {
        throw new DomainError('UNKNOWN_UNIT', `分组中的单位不是参赛单位：${ref}`, {
          params: { reason: 'groupNotParticipant', unit: ref },
          field: 'groups',
        });
      }
      byRef.set(String(unit.id), label);
    }
  }
  const seen = new Set<number>();
  return units
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({
      unitId: u.id,
      group: groups === 'kind' ? (KIND_GROUP[u.kind] ?? '其他') : (byRef.get(String(u.id)) ?? ''),
    }));
}

async function resolveEvaluators(
  db: Kysely<Database>,
  evaluators: Record<string, string | number>,
) {
  const out: { indicatorCode: string; unitId: number }[] = [];
  for (const [code, ref] of Object.entries(evaluators)) {
    const unit = await resolveUnit(db, ref, `evaluators.${code}`);
    out.push({ indicatorCode: code, unitId: unit.id });
  }
  return out;
}

/** Flag cadences must be cadences the contest runs at (its main one or an extra one). */
function checkFlagCadences(
  cadence: Cadence,
  extra: Cadence[] | undefined,
  flagCadences: Cadence[],
): Cadence[] {
  const runs = new Set([cadence, ...(extra ?? [])]);
  const stray = flagCadences.find((c) => !runs.has(c));
  if (stray) {
    throw new DomainError(
      'VALIDATION',
      `flagCadences 中的「${CADENCE_NAMES[stray]}」不是本擂台赛的期次周期`,
      { params: { reason: 'flagCadence', stray }, field: 'flagCadences' },
    );
  }
  return [...new Set(flagCadences)];
}

/** Creates a contest of the organizer unit for participants in its subtree. */
export function createContest(ctx: AppContext, input: CreateContest): Promise<ContestForReader> {
  return inTransaction(ctx, async (tx) => {
    const organizer = await resolveUnit(tx.db, input.organizer, 'organizer');
    await requireContestManager(tx, organizer.id);
    const participants = await resolveParticipants(
      tx.db,
      organizer.id,
      input.participants,
      input.groups,
    );
    const evaluators = await resolveEvaluators(tx.db, input.evaluators ?? {});
    const contest = await insertContest(
      tx.db,
      {
        organizerUnitId: organizer.id,
        title: input.title,
        category: input.category,
        cadence: input.cadence,
        extraCadences: (input.extraCadences ?? []).filter((c) => c !== input.cadence),
        ...(input.flagCadences
          ? {
              flagCadences: checkFlagCadences(
                input.cadence,
                input.extraCadences,
                input.flagCadences,
              ),
            }
          : {}),
        ...(input.noticeDays !== undefined ? { noticeDays: input.noticeDays } : {}),
        isTemplate: input.isTemplate ?? false,
        templateId: null,
        description: input.description ?? null,
      },
      tx.clock.now().toISOString(),
    );
    await replaceParticipants(tx.db, contest.id, participants);
    await replaceEvaluators(tx.db, contest.id, evaluators);
    const view = await contestView(tx.db, contest);
    await audit(tx, {
      action: 'contest.create',
      entityType: 'contest',
      entityId: contest.id,
      unitId: organizer.id,
      after: { ...contest, participants: participants.length, evaluators: input.evaluators ?? {} },
    });
    return forReader(tx, contest, view);
  });
}

export function changeContest(
  ctx: AppContext,
  id: string,
  input: UpdateContest,
): Promise<ContestForReader> {
  return inTransaction(ctx, async (tx) => {
    const contest = await requireContest(tx.db, id);
    await requireContestManager(tx, contest.organizerUnitId);
    const before = await contestView(tx.db, contest);
    await updateContest(
      tx.db,
      contest.id,
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.flagCadences !== undefined
          ? {
              flagCadences: checkFlagCadences(
                contest.cadence,
                input.extraCadences ?? contest.extraCadences,
                input.flagCadences,
              ),
            }
          : {}),
        ...(input.noticeDays !== undefined ? { noticeDays: input.noticeDays } : {}),
      },
      tx.clock.now().toISOString(),
    );
    if (input.participants !== undefined || input.groups !== undefined) {
      const spec = input.participants ?? before.participants.map((p) => p.id);
      const participants = await resolveParticipants(
        tx.db,
        contest.organizerUnitId,
        spec,
        input.groups,
      );
      await replaceParticipants(tx.db, contest.id, participants);
    }
    if (input.evaluators !== undefined) {
      await replaceEvaluators(tx.db, contest.id, await resolveEvaluators(tx.db, input.evaluators));
    }
    const changed = (await findContest(tx.db, contest.id))!;
    const after = await contestView(tx.db, changed);
    await audit(tx, {
      action: 'contest.update',
      entityType: 'contest',
      entityId: contest.id,
      unitId: contest.organizerUnitId,
      before: { ...before, participants: before.participants.map((p) => `${p.code}:${p.group}`) },
      after: { ...after, participants: after.participants.map((p) => `${p.code}:${p.group}`) },
    });
    return forReader(tx, changed, after);
  });
}

async function summary(db: Kysely<Database>, contest: Contest): Promise<ContestSummary> {
  const { organizerUnitId, ...rest } = contest;
  return { ...rest, organizer: await unitRefOf(db, organizerUnitId) };
}

/** A contest with its participants, evaluators, rubric versions and rounds. Contests are public. */
export async function contestView(db: Kysely<Database>, contest: Contest): Promise<ContestView> {
  const [participants, evaluators, versions, rounds] = await Promise.all([
    listParticipants(db, contest.id),
    listEvaluators(db, contest.id),
    listRubricVersions(db, contest.id),
    listRounds(db, contest.id),
  ]);
  return {
    ...(await summary(db, contest)),
    participants: participants.map((p) => ({
      id: p.unitId,
      code: p.code,
      name: p.name,
      kind: p.kind,
      group: p.group,
    })),
    groups: [...new Set(participants.map((p) => p.group).filter(Boolean))],
    evaluators: Object.fromEntries(
      evaluators.map((e) => [
        e.indicator_code,
        { id: e.id, code: e.code, name: e.name, kind: e.kind as UnitKind },
      ]),
    ),
    rubricVersions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      publishedAt: v.publishedAt,
    })),
    rounds: rounds.map((r) => ({
      id: r.id,
      period: r.period,
      state: r.state,
      revision: r.revision,
      deadline: r.deadline,
    })),
  };
}

/** A contest; anonymous readers see only its published rubric versions and rounds. */
/** A contest for a signed-in user; the public reads `/public/contests/:id` (published parts only). */
export async function getContest(ctx: AppContext, id: string): Promise<ContestForReader> {
  requireUser(ctx);
  const contest = await requireContest(ctx.db, id);
  return forReader(ctx, contest, await contestView(ctx.db, contest));
}

/** The contest list for a signed-in user; the public reads `/public/contests`. */
export async function listContestsFor(ctx: AppContext, query: ListContests) {
  requireUser(ctx);
  return listContests(ctx.db, query);
}

export async function listContests(db: Kysely<Database>, query: ListContests) {
  const organizer = query.organizer
    ? await resolveUnit(db, query.organizer, 'organizer')
    : undefined;
  const participant = query.participant
    ? await resolveUnit(db, query.participant, 'participant')
    : undefined;
  const found = await listContestRows(db, {
    category: query.category,
    organizerUnitId: organizer?.id,
    participantUnitId: participant?.id,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await Promise.all(found.items.map((c) => summary(db, c))), total: found.total };
}
