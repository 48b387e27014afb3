/**
 * Use cases of the project ledger (DESIGN §9): projects and their library states, task forces,
 * monthly investment, milestones, the service log, and each project's light (computed, never typed).
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  canMoveProject,
  computeLight,
  isDate,
  isLit,
  isMonth,
  LIGHT_NAMES,
  type Light,
  MILESTONE_KIND_NAMES,
  MILESTONE_KINDS,
  type MilestoneKind,
  milestoneOrderProblem,
  moveNeedsReason,
  nextProjectStates,
  PROJECT_KIND_NAMES,
  PROJECT_KINDS,
  PROJECT_STATE_NAMES,
  PROJECT_STATES,
  type ProjectKind,
  type ProjectState,
  percent,
} from '../core/ledger.ts';
import {
  findMilestone,
  findProject,
  findProjectByCode,
  findTaskforce,
  insertLog,
  insertMilestone,
  insertProject,
  insertTaskforce,
  investmentsOf,
  investmentTotals,
  ledgerState,
  lightHistory,
  listProjects,
  listTaskforces,
  logsOf,
  milestonesFor,
  milestonesOf,
  type ProjectListRow,
  type ProjectRow,
  problemsFor,
  setLight,
  updateMilestone,
  updateProject,
  upsertInvestment,
} from '../db/ledger.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { type FileStore, sniffType, storeFile } from '../io/file-store.ts';
import { audit, inTransaction, versionsOf } from './context.ts';
import { requireUser } from './policies/gate.ts';
import {
  forbidden,
  isPlanningOffice,
  type LedgerAccess,
  type LedgerContext,
  ledgerAccess,
  ledgerScope,
  officeId,
} from './policies/ledger.ts';
import { VersionedCache } from './versioned-cache.ts';

const Ref = z.union([z.string().min(1), z.number().int().positive()]);
const Amount = (field: string) =>
  z
    .number({ error: `${field}必须是数字（万元）` })
    .finite(`${field}必须是数字`)
    .min(0, `${field}不能为负数`);
const Day = (field: string) => z.string().refine(isDate, `${field}必须是日期 YYYY-MM-DD`);
const Text = (max: number) => z.string().trim().max(max);

export const ProjectInput = z.object({
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROJECT_KINDS),
  state: z.enum(['planning', 'reserve', 'active']).default('planning'),
  unit: Ref,
  owner: Text(200).optional(),
  location: Text(200).optional(),
  industry: Text(100).optional(),
  description: Text(4000).optional(),
  totalInvestment: Amount('总投资'),
  startYear: z.number().int().min(2000).max(2100),
  taskforce: z.number().int().positive().nullable().optional(),
  /** 增补: added to the year's list after it was set, with the reason. */
  supplementReason: Text(500).optional(),
});
export type ProjectInput = z.infer<typeof ProjectInput>;

/** Details the responsible unit keeps; the rest are plans (the planning office's). */
const DETAIL_FIELDS = ['name', 'owner', 'location', 'industry', 'description'] as const;

export const ProjectChanges = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  owner: Text(200).optional(),
  location: Text(200).optional(),
  industry: Text(100).optional(),
  description: Text(4000).optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  unit: Ref.optional(),
  totalInvestment: Amount('总投资').optional(),
  startYear: z.number().int().min(2000).max(2100).optional(),
  taskforce: z.number().int().positive().nullable().optional(),
  published: z.boolean().optional(),
  publishInvestment: z.boolean().optional(),
  /** Refused: the light is computed (DESIGN §9). Accepted here only to say so clearly. */
  light: z.unknown().optional(),
  state: z.unknown().optional(),
});
export type ProjectChanges = z.infer<typeof ProjectChanges>;

export const ProjectQuery = z.object({
  kind: z.enum(PROJECT_KINDS).optional(),
  unit: z.string().min(1).optional(),
  light: z.enum(['red', 'yellow', 'green']).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProjectQuery = z.infer<typeof ProjectQuery>;

export const ProjectTransition = z.object({
  to: z.enum(PROJECT_STATES),
  reason: Text(500).optional(),
});
export type ProjectTransition = z.infer<typeof ProjectTransition>;

export const InvestmentItem = z.object({
  month: z.string().refine(isMonth, '月份必须是 YYYY-MM'),
  planned: Amount('计划投资').optional(),
  completed: Amount('完成投资').optional(),
  /** Completed above 10× the month's plan is refused unless confirmed. */
  confirm: z.boolean().optional(),
});
export const InvestmentItems = z.array(InvestmentItem).min(1).max(120);
export type InvestmentItem = z.infer<typeof InvestmentItem>;

export const MilestoneInput = z.object({
  kind: z.enum(MILESTONE_KINDS),
  name: Text(100).optional(),
  planned: Day('计划日期'),
  actual: Day('实际日期').nullable().optional(),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const MilestoneChanges = z.object({
  planned: Day('计划日期').optional(),
  actual: Day('实际日期').nullable().optional(),
});
export type MilestoneChanges = z.infer<typeof MilestoneChanges>;

export const LOG_KINDS = ['daily', 'onsite', 'review'] as const;
export const LOG_KIND_NAMES: Record<(typeof LOG_KINDS)[number], string> = {
  daily: '日常跟踪',
  onsite: '现场服务',
  review: '定期研判',
};
export const LogInput = z.object({
  date: Day('日期'),
  who: z.string().trim().min(1).max(100),
  kind: z.enum(LOG_KINDS),
  text: z.string().trim().min(1).max(4000),
  /** SHA-256 of photos uploaded through POST /ledger/photos. */
  photos: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([]),
});
export type LogInput = z.infer<typeof LogInput>;

export const TaskforceInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** 挂点领导: the county post (e.g. 副县长), not a person. */
  leaderPost: z.string().trim().min(1).max(100),
  head: z.string().trim().min(1).max(100),
  department: Ref.nullable().optional(),
  members: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
});
export type TaskforceInput = z.infer<typeof TaskforceInput>;

// ---- helpers -------------------------------------------------------------------------------

export async function requireProject(ctx: LedgerContext, id: string | number) {
  const row = await findProject(ctx.db, id);
  if (!row)
    throw new DomainError('NOT_FOUND', `项目不存在：${id}`, { params: { reason: 'project', id } });
  return row;
}

async function requireUnitRef(ctx: LedgerContext, ref: string | number, field: string) {
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `${field}：单位「${ref}」不存在`, {
      params: { field, unit: ref },
      field,
    });
  return unit;
}

/** The project with the actor's abilities on it; 403 when the actor may not even read it. */
export async function projectFor(ctx: LedgerContext, id: string | number) {
  const project = await requireProject(ctx, id);
  const may = await ledgerAccess(ctx, project.unit_id);
  if (!may.read) throw forbidden('只能查看本单位的项目', 'unit');
  return { project, may };
}

function requireReport(may: LedgerAccess) {
  if (!may.report) {
    throw forbidden('只能修改本单位负责的项目', 'unit');
  }
}

const today = (ctx: LedgerContext) => ctx.clock.now().toISOString().slice(0, 10);

// ---- lights --------------------------------------------------------------------------------

/** Recomputes one project's current light (after any change that bears on it). */
export async function refreshLight(ctx: LedgerContext, project: ProjectRow): Promise<Light | null> {
  if (!isLit(project.state as ProjectState)) {
    await setLight(ctx.db, project.id, '', []);
    return null;
  }
  const day = today(ctx);
  const totals = (
    await investmentTotals(ctx.db, day.slice(0, 4), day.slice(0, 7), [project.id])
  ).get(project.id);
  const result = computeLight(
    {
      asOf: day,
      yearPlanned: totals?.yearPlanned ?? 0,
      ytdCompleted: totals?.ytdCompleted ?? 0,
      milestones: (await milestonesFor(ctx.db, [project.id])).map((m) => ({
        planned: m.planned_on,
        actual: m.actual_on,
      })),
      problems: (await problemsFor(ctx.db, [project.id])).map((p) => ({
        deadline: p.deadline,
        closedOn: p.closed_on,
      })),
    },
    ctx.ledger.thresholds,
  );
  await setLight(ctx.db, project.id, result.light, result.reasons);
  return result.light;
}

// ---- views ---------------------------------------------------------------------------------

export interface ProjectSummaryView {
  id: number;
  code: string;
  name: string;
  kind: ProjectKind;
  kindName: string;
  state: ProjectState;
  stateName: string;
  unit: { code: string; name: string };
  owner: string | null;
  location: string | null;
  industry: string | null;
  totalInvestment: number;
  startYear: number;
  light: Light | null;
  lightName: string | null;
  lightReasons: string[];
  published: boolean;
  publishInvestment: boolean;
}

function summary(row: ProjectListRow): ProjectSummaryView {
  const light = (row.light || null) as Light | null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as ProjectKind,
    kindName: PROJECT_KIND_NAMES[row.kind as ProjectKind] ?? row.kind,
    state: row.state as ProjectState,
    stateName: PROJECT_STATE_NAMES[row.state as ProjectState] ?? row.state,
    unit: { code: row.unit_code, name: row.unit_name },
    owner: row.owner,
    location: row.location,
    industry: row.industry,
    totalInvestment: row.total_investment,
    startYear: row.start_year,
    light,
    lightName: light ? LIGHT_NAMES[light] : null,
    lightReasons: row.light_reasons ? (JSON.parse(row.light_reasons) as string[]) : [],
    published: Boolean(row.published),
    publishInvestment: Boolean(row.publish_investment),
  };
}

/** Pages of the ledger list already read, by scope and filter, with the ledger version they saw. */
const lists = new VersionedCache<{ items: ProjectSummaryView[]; total: number }>(500);

/**
 * The ledger list (DESIGN §7: ?kind=&unit=&light=&state=), limited to what the actor may see. A
 * page is kept per scope and filter until the ledger's version moves (any change of a project, or
 * of a unit's code, name or parent, by any writer): a county's towns opening the same list read it once.
 */
export async function listProjectsView(ctx: LedgerContext, query: ProjectQuery) {
  // The version first: a page read after it is at least as new as the version it is kept under.
  // A request read it with its authentication; elsewhere one statement reads it with the office.
  const versions = versionsOf(ctx);
  const { version, officeId: office } = versions
    ? { version: versions.ledger, officeId: await officeId(ctx) }
    : await ledgerState(ctx.db, ctx.ledger.office);
  const scope = await ledgerScope(ctx, office);
  const filter = {
    kind: query.kind,
    light: query.light,
    state: query.state,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  };
  // Keyed by the unit as asked: a unit's code changing or the unit going moves the version.
  const key = JSON.stringify([scope, query.unit ?? null, filter]);
  return lists.get(ctx.db, version, key, async () => {
    const unitId = query.unit ? (await requireUnitRef(ctx, query.unit, 'unit')).id : undefined;
    const { rows, total } = await listProjects(ctx.db, scope, { ...filter, unitId });
    // Frozen: shared by every request the cache answers, and its JSON made once (server/plugins/serializer.ts).
    return Object.freeze({ items: rows.map(summary), total });
  });
}

async function withUnit(ctx: LedgerContext, row: ProjectRow) {
  const unit = await findUnit(ctx.db, row.unit_id);
  return { ...row, unit_code: unit?.code ?? '', unit_name: unit?.name ?? '' };
}

/** One project with everything the project page shows. */
export async function getProject(ctx: LedgerContext, id: string) {
  const { project, may } = await projectFor(ctx, id);
  const day = today(ctx);
  const year = day.slice(0, 4);
  const investments = await investmentsOf(ctx.db, project.id);
  const totals = (await investmentTotals(ctx.db, year, day.slice(0, 7), [project.id])).get(
    project.id,
  ) ?? {
    yearPlanned: 0,
    ytdPlanned: 0,
    ytdCompleted: 0,
    totalCompleted: 0,
  };
  const milestones = await milestonesOf(ctx.db, project.id);
  const logs = await logsOf(ctx.db, project.id);
  const taskforce = project.taskforce_id ? await taskforceView(ctx, project.taskforce_id) : null;
  const history = await lightHistory(ctx.db, project.id);
  return {
    ...summary(await withUnit(ctx, project)),
    description: project.description,
    stateReason: project.state_reason,
    supplementReason: project.supplement_reason,
    nextStates: nextProjectStates(project.state as ProjectState),
    taskforce,
    investments: investments.map((i) => ({
      month: i.month,
      planned: i.planned,
      completed: i.completed,
    })),
    totals: {
      year: Number(year),
      ...totals,
      ytdRate: percent(totals.ytdCompleted, totals.ytdPlanned),
      yearRate: percent(totals.ytdCompleted, totals.yearPlanned),
      sinceStartRate: percent(totals.totalCompleted, project.total_investment),
    },
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      name: m.name,
      planned: m.planned_on,
      actual: m.actual_on,
      daysLate:
        m.actual_on === null
          ? Math.max(0, Math.round((Date.parse(day) - Date.parse(m.planned_on)) / 86_400_000))
          : Math.max(
              0,
              Math.round((Date.parse(m.actual_on) - Date.parse(m.planned_on)) / 86_400_000),
            ),
    })),
    logs: logs.map((l) => ({
      id: l.id,
      date: l.on_date,
      who: l.who,
      kind: l.kind,
      kindName: LOG_KIND_NAMES[l.kind as keyof typeof LOG_KIND_NAMES] ?? l.kind,
      text: l.text,
      photos: JSON.parse(l.photos_json) as string[],
    })),
    lightHistory: history.map((h) => ({
      month: h.month,
      light: h.light,
      reasons: JSON.parse(h.reasons) as string[],
      ytdPlanned: h.ytd_planned,
      ytdCompleted: h.ytd_completed,
    })),
    may,
  };
}

async function taskforceView(ctx: LedgerContext, id: number) {
  const t = await findTaskforce(ctx.db, id);
  if (!t) return null;
  const dept = t.department_unit_id ? await findUnit(ctx.db, t.department_unit_id) : undefined;
  return {
    id: t.id,
    name: t.name,
    leaderPost: t.leader_post,
    head: t.head,
    department: dept ? { code: dept.code, name: dept.name } : null,
    members: JSON.parse(t.members_json) as string[],
  };
}

// ---- projects ------------------------------------------------------------------------------

/** The planning office (or an admin over the unit) puts a project on the ledger. */
export function createProject(ctx: LedgerContext, input: ProjectInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const unit = await requireUnitRef(tx, input.unit, 'unit');
    const may = await ledgerAccess(tx, unit.id);
    if (!may.plan) {
      throw forbidden('项目由计划部门（项目办）录入', 'unit');
    }
    if (await findProjectByCode(tx.db, input.code)) {
      throw new DomainError('DUPLICATE_CODE', `项目编号「${input.code}」已存在`, {
        params: { code: input.code },
        field: 'code',
      });
    }
    if (input.taskforce && !(await findTaskforce(tx.db, input.taskforce))) {
      throw new DomainError('VALIDATION', `专班不存在：${input.taskforce}`, {
        params: { reason: 'noTaskforce', taskforce: input.taskforce },
        field: 'taskforce',
      });
    }
    const row = await insertProject(
      tx.db,
      {
        code: input.code,
        name: input.name,
        kind: input.kind,
        state: input.state,
        unitId: unit.id,
        owner: input.owner ?? null,
        location: input.location ?? null,
        industry: input.industry ?? null,
        description: input.description ?? null,
        totalInvestment: input.totalInvestment,
        startYear: input.startYear,
        taskforceId: input.taskforce ?? null,
        supplementReason: input.supplementReason ?? null,
      },
      tx.clock.now().toISOString(),
    );
    await refreshLight(tx, row);
    await audit(tx, {
      action: input.supplementReason ? 'project.supplement' : 'project.create',
      entityType: 'project',
      entityId: row.id,
      unitId: unit.id,
      after: { ...input },
    });
    return getProject(tx, String(row.id));
  });
}

/** Changes a project: the unit its details, the planning office its plans; never the light. */
export function changeProject(ctx: LedgerContext, id: string, changes: ProjectChanges) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    if (changes.light !== undefined) {
      throw new DomainError('LIGHT_COMPUTED', '红黄绿灯由系统按规则计算，不能填写', {
        field: 'light',
      });
    }
    if (changes.state !== undefined) {
      throw new DomainError('VALIDATION', '项目状态请通过出入库操作变更', {
        params: { reason: 'stateByTransition' },
        field: 'state',
      });
    }
    const { project, may } = await projectFor(tx, id);
    requireReport(may);
    const planFields = Object.keys(changes).filter(
      (k) =>
        !(DETAIL_FIELDS as readonly string[]).includes(k) &&
        changes[k as keyof ProjectChanges] !== undefined,
    );
    if (
      planFields.length > 0 &&
      !(planFields.every((f) => f.startsWith('publish')) ? may.manage : may.plan)
    ) {
      throw forbidden(`「${planFields[0]}」由计划部门设定，责任单位不能修改`, planFields[0]);
    }
    const set: Partial<ProjectRow> = {};
    for (const f of DETAIL_FIELDS) if (changes[f] !== undefined) set[f] = changes[f] ?? null;
    if (changes.kind) set.kind = changes.kind;
    if (changes.unit !== undefined)
      set.unit_id = (await requireUnitRef(tx, changes.unit, 'unit')).id;
    if (changes.totalInvestment !== undefined) set.total_investment = changes.totalInvestment;
    if (changes.startYear !== undefined) set.start_year = changes.startYear;
    if (changes.taskforce !== undefined) {
      if (changes.taskforce !== null && !(await findTaskforce(tx.db, changes.taskforce))) {
        throw new DomainError('VALIDATION', `专班不存在`, {
          params: { reason: 'noTaskforce' },
          field: 'taskforce',
        });
      }
      set.taskforce_id = changes.taskforce;
    }
    if (changes.published !== undefined) set.published = changes.published ? 1 : 0;
    if (changes.publishInvestment !== undefined)
      set.publish_investment = changes.publishInvestment ? 1 : 0;
    await updateProject(tx.db, project.id, set, tx.clock.now().toISOString());
    const { light: _l, state: _s, ...logged } = changes;
    await audit(tx, {
      action: 'project.change',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      before: Object.fromEntries(Object.keys(set).map((k) => [k, project[k as keyof ProjectRow]])),
      after: logged,
    });
    return getProject(tx, String(project.id));
  });
}

/** Moves a project through the library (谋划 → 储备 → 实施 → 竣工/投产 → 出库; 退库, 停建 with reasons). */
export function transitionProject(ctx: LedgerContext, id: string, input: ProjectTransition) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const { project, may } = await projectFor(tx, id);
    if (!may.manage) throw forbidden('项目出入库由计划部门办理', 'to');
    const from = project.state as ProjectState;
    if (!canMoveProject(from, input.to)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `项目不能从「${PROJECT_STATE_NAMES[from]}」转为「${PROJECT_STATE_NAMES[input.to]}」`,
        {
          params: { reason: 'projectState', from, to: input.to },
          field: 'to',
          allowed: nextProjectStates(from),
        },
      );
    }
    if (moveNeedsReason(from, input.to) && !input.reason) {
      throw new DomainError('VALIDATION', `「${PROJECT_STATE_NAMES[input.to]}」须说明原因`, {
        params: { reason: 'reasonRequired', to: input.to },
        field: 'reason',
      });
    }
    await updateProject(
      tx.db,
      project.id,
      { state: input.to, state_reason: input.reason ?? null },
      tx.clock.now().toISOString(),
    );
    await refreshLight(tx, { ...project, state: input.to });
    await audit(tx, {
      action: 'project.transition',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      before: { state: from },
      after: { state: input.to, reason: input.reason ?? null },
    });
    return getProject(tx, String(project.id));
  });
}

// ---- investment ----------------------------------------------------------------------------

/**
 * Monthly investment: the plan by the planning office (read-only to the unit), completed by the
 * responsible unit. Every item is checked before anything is written.
 */
export function putInvestments(ctx: LedgerContext, id: string, items: InvestmentItem[]) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const { project, may } = await projectFor(tx, id);
    requireReport(may);
    const existing = new Map((await investmentsOf(tx.db, project.id)).map((i) => [i.month, i]));
    const seen = new Set<string>();
    for (const [n, item] of items.entries()) {
      if (seen.has(item.month)) {
        throw new DomainError('VALIDATION', `第${n + 1}项：${item.month}重复`, {
          params: { reason: 'duplicateMonth', item: n + 1, month: item.month },
          field: `[${n}].month`,
        });
      }
      seen.add(item.month);
      if (item.planned !== undefined && !may.plan) {
        throw forbidden(`第${n + 1}项：计划投资由计划部门下达，责任单位不能修改`, `[${n}].planned`);
      }
      if (item.completed !== undefined) {
        const plan = item.planned ?? existing.get(item.month)?.planned ?? 0;
        if (item.completed > 10 * plan && !item.confirm) {
          throw new DomainError(
            'NEEDS_CONFIRMATION',
            `第${n + 1}项：${item.month}完成投资${item.completed}万元超过当月计划（${plan}万元）的10倍，请核实后确认`,
            {
              params: { item: n + 1, month: item.month, completed: item.completed, plan },
              field: `[${n}].completed`,
            },
          );
        }
      }
    }
    const now = tx.clock.now().toISOString();
    for (const item of items) {
      await upsertInvestment(tx.db, project.id, item.month, item, now);
    }
    await refreshLight(tx, project);
    await audit(tx, {
      action: 'project.investment',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      before: items.map((i) => {
        const old = existing.get(i.month);
        return { month: i.month, planned: old?.planned ?? null, completed: old?.completed ?? null };
      }),
      after: items,
    });
    return getProject(tx, String(project.id));
  });
}

// ---- milestones ----------------------------------------------------------------------------

function checkOrder(
  list: { id?: number; kind: string; planned_on: string; actual_on: string | null }[],
  field: string,
) {
  const problem = milestoneOrderProblem(
    list.map((m) => ({
      kind: m.kind as MilestoneKind,
      planned: m.planned_on,
      actual: m.actual_on,
    })),
  );
  if (problem) {
    const what = problem.field === 'planned' ? '计划日期' : '实际日期';
    throw new DomainError(
      'MILESTONE_ORDER',
      `节点顺序有误：「${MILESTONE_KIND_NAMES[problem.kind]}」的${what}不能早于「${MILESTONE_KIND_NAMES[problem.after]}」`,
      {
        params: { kind: problem.kind, what, after: problem.after },
        field: problem.field === 'planned' ? `${field}planned` : `${field}actual`,
      },
    );
  }
}

/** Adds a milestone: its planned date is a plan (planning office); the unit may record it reached. */
export function addMilestone(ctx: LedgerContext, id: string, input: MilestoneInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const { project, may } = await projectFor(tx, id);
    if (!may.plan) throw forbidden('节点计划由计划部门设定', 'planned');
    const existing = await milestonesOf(tx.db, project.id);
    if (input.kind !== 'custom' && existing.some((m) => m.kind === input.kind)) {
      throw new DomainError('VALIDATION', `已有「${MILESTONE_KIND_NAMES[input.kind]}」节点`, {
        params: { reason: 'milestoneExists', kind: input.kind },
        field: 'kind',
      });
    }
    const actual = input.actual ?? null;
    if (actual !== null && actual > today(tx)) {
      throw new DomainError('VALIDATION', '实际日期不能晚于今天', {
        params: { reason: 'dateInFuture' },
        field: 'actual',
      });
    }
    checkOrder(
      [...existing, { kind: input.kind, planned_on: input.planned, actual_on: actual }],
      '',
    );
    const row = await insertMilestone(
      tx.db,
      {
        projectId: project.id,
        kind: input.kind,
        name: input.name || MILESTONE_KIND_NAMES[input.kind],
        planned: input.planned,
        actual,
      },
      tx.clock.now().toISOString(),
    );
    await refreshLight(tx, project);
    await audit(tx, {
      action: 'milestone.add',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      after: { milestone: row.id, ...input },
    });
    return getProject(tx, String(project.id));
  });
}

/** Records a milestone reached (the unit), or moves its plan (the planning office). */
export function changeMilestone(
  ctx: LedgerContext,
  milestoneId: number,
  changes: MilestoneChanges,
) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const m = await findMilestone(tx.db, milestoneId);
    if (!m)
      throw new DomainError('NOT_FOUND', `节点不存在：${milestoneId}`, {
        params: { reason: 'milestone', id: milestoneId },
      });
    const { project, may } = await projectFor(tx, m.project_id);
    requireReport(may);
    if (changes.planned !== undefined && !may.plan) {
      throw forbidden('节点计划日期由计划部门设定', 'planned');
    }
    if (changes.actual && changes.actual > today(tx)) {
      throw new DomainError('VALIDATION', '实际日期不能晚于今天', {
        params: { reason: 'dateInFuture' },
        field: 'actual',
      });
    }
    const next = {
      ...m,
      ...(changes.planned !== undefined ? { planned_on: changes.planned } : {}),
      ...(changes.actual !== undefined ? { actual_on: changes.actual } : {}),
    };
    const others = (await milestonesOf(tx.db, project.id)).filter((x) => x.id !== m.id);
    checkOrder([...others, next], '');
    await updateMilestone(
      tx.db,
      m.id,
      { planned_on: next.planned_on, actual_on: next.actual_on },
      tx.clock.now().toISOString(),
    );
    await refreshLight(tx, project);
    await audit(tx, {
      action: 'milestone.change',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      before: { milestone: m.id, planned: m.planned_on, actual: m.actual_on },
      after: { milestone: m.id, ...changes },
    });
    return getProject(tx, String(project.id));
  });
}

// ---- service log ---------------------------------------------------------------------------

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** Stores a photo of the service log in the evidence file store; returns its SHA-256. */
export async function uploadLedgerPhoto(
  ctx: LedgerContext & {
    dataDir: string;
    files?: FileStore | undefined;
    fileKey?: string | undefined;
  },
  file: { filename: string; bytes: Buffer },
) {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED', '请先登录');
  const type = sniffType(file.bytes, file.filename);
  if (!type?.startsWith('image/')) {
    throw new DomainError('UNSUPPORTED_FILE', '只接受图片（PNG、JPEG、GIF、WebP）', {
      params: { reason: 'imagesOnly' },
      field: 'file',
    });
  }
  const sha256 = await storeFile(ctx.files ?? ctx.dataDir, 'evidence', file.bytes, ctx.fileKey);
  return { sha256, contentType: type, size: file.bytes.length };
}

/** A service-log entry (日常跟踪, 现场服务, 定期研判) by the unit or the task force. */
export function addLog(ctx: LedgerContext, id: string, input: LogInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const { project, may } = await projectFor(tx, id);
    requireReport(may);
    if (input.date > today(tx)) {
      throw new DomainError('VALIDATION', '日期不能晚于今天', {
        params: { reason: 'dateInFuture' },
        field: 'date',
      });
    }
    const row = await insertLog(
      tx.db,
      {
        projectId: project.id,
        date: input.date,
        who: input.who,
        kind: input.kind,
        text: input.text,
        photos: input.photos,
        by: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'project.log',
      entityType: 'project',
      entityId: project.id,
      unitId: project.unit_id,
      after: { log: row.id, ...input },
    });
    return {
      id: row.id,
      date: row.on_date,
      who: row.who,
      kind: row.kind,
      text: row.text,
      photos: input.photos,
    };
  });
}

// ---- task forces ---------------------------------------------------------------------------

export async function listTaskforcesView(ctx: LedgerContext) {
  await ledgerScope(ctx);
  const rows = await listTaskforces(ctx.db);
  return {
    items: rows.map((t) => ({
      id: t.id,
      name: t.name,
      leaderPost: t.leader_post,
      head: t.head,
      department: t.department_code ? { code: t.department_code, name: t.department_name } : null,
      members: JSON.parse(t.members_json) as string[],
      projects: Number(t.projects ?? 0),
    })),
    total: rows.length,
  };
}

/** The planning office sets up a task force (专班). */
export function createTaskforce(ctx: LedgerContext, input: TaskforceInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const dept = input.department ? await requireUnitRef(tx, input.department, 'department') : null;
    if (!(await isOfficeOrAdmin(tx))) {
      throw forbidden('专班由计划部门组建', 'department');
    }
    const row = await insertTaskforce(
      tx.db,
      {
        name: input.name,
        leaderPost: input.leaderPost,
        head: input.head,
        departmentUnitId: dept?.id ?? null,
        members: input.members,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'taskforce.create',
      entityType: 'taskforce',
      entityId: row.id,
      unitId: dept?.id ?? null,
      after: input,
    });
    return (await taskforceView(tx, row.id))!;
  });
}

async function isOfficeOrAdmin(ctx: LedgerContext): Promise<boolean> {
  if (requireUser(ctx).kind === 'system') return true;
  return ctx.actor.roles.includes('admin') || (await isPlanningOffice(ctx));
}
