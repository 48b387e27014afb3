/**
 * The problem list (问题清单) of the ledger and its closed loop (DESIGN §9):
 * raised → 交办 (owner unit, deadline) → 提醒 → 督办 → replied → confirmed → 销号.
 * Overdue is computed from the deadline and today, never typed; every step is audited.
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  daysBetween,
  isDate,
  isOwnerAction,
  PROBLEM_ACTION_NAMES,
  PROBLEM_ACTIONS,
  PROBLEM_STATE_NAMES,
  PROBLEM_STATES,
  type ProblemState,
  problemNext,
} from '../core/ledger.ts';
import {
  findProblem,
  insertProblem,
  insertProblemStep,
  listProblems,
  moveProblem,
  type ProblemRow,
  problemSteps,
} from '../db/ledger.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { audit, inTransaction } from './context.ts';
import { forbidden, type LedgerContext, ledgerAccess, ledgerScope } from './policies/ledger.ts';
import { projectFor, refreshLight, requireProject } from './projects.ts';

const Ref = z.union([z.string().min(1), z.number().int().positive()]);
const Day = (field: string) => z.string().refine(isDate, `${field}必须是日期 YYYY-MM-DD`);

export const ProblemInput = z.object({
  title: z.string().trim().min(1).max(200),
  detail: z.string().trim().max(4000).optional(),
  ownerUnit: Ref.optional(),
  deadline: Day('办结时限').optional(),
});
export type ProblemInput = z.infer<typeof ProblemInput>;

export const ProblemActionInput = z.object({
  action: z.enum(PROBLEM_ACTIONS),
  note: z.string().trim().max(2000).optional(),
  /** assign: the owner unit and the deadline. */
  ownerUnit: Ref.optional(),
  deadline: Day('办结时限').optional(),
  /** reply: what the owner unit did. */
  reply: z.string().trim().max(4000).optional(),
});
export type ProblemActionInput = z.infer<typeof ProblemActionInput>;

export const ProblemQuery = z.object({
  project: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  state: z.enum(PROBLEM_STATES).optional(),
  open: z.enum(['1', '0', 'true', 'false']).optional(),
  overdue: z.enum(['1', '0', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProblemQuery = z.infer<typeof ProblemQuery>;

const today = (ctx: LedgerContext) => ctx.clock.now().toISOString().slice(0, 10);

function problemView(
  row: ProblemRow & {
    project_code?: string;
    project_name?: string;
    unit_name?: string;
    owner_code?: string | null;
    owner_name?: string | null;
  },
  day: string,
) {
  const open = row.state !== 'closed';
  const daysOverdue =
    open && row.deadline && row.deadline < day ? daysBetween(row.deadline, day) : 0;
  return {
    id: row.id,
    projectId: row.project_id,
    project: row.project_code
      ? { code: row.project_code, name: row.project_name, unit: row.unit_name }
      : undefined,
    title: row.title,
    detail: row.detail,
    state: row.state as ProblemState,
    stateName: PROBLEM_STATE_NAMES[row.state as ProblemState] ?? row.state,
    owner: row.owner_code ? { code: row.owner_code, name: row.owner_name } : null,
    ownerUnitId: row.owner_unit_id,
    deadline: row.deadline,
    reply: row.reply,
    raisedOn: row.raised_on,
    closedOn: row.closed_on,
    overdue: daysOverdue > 0,
    daysOverdue,
    closedOnTime:
      row.closed_on !== null && row.deadline !== null ? row.closed_on <= row.deadline : null,
  };
}

/** Problems the actor may see: the 督办 board (?open=1&overdue=1), a project's, a unit's. */
export async function listProblemsView(ctx: LedgerContext, query: ProblemQuery) {
  const scope = await ledgerScope(ctx);
  const day = today(ctx);
  const yes = (v: string | undefined) => v === '1' || v === 'true';
  let projectId: number | undefined;
  if (query.project) projectId = (await requireProject(ctx, query.project)).id;
  let ownerUnitId: number | undefined;
  if (query.owner) {
    const unit = await findUnit(ctx.db, query.owner);
    if (!unit)
      throw new DomainError('UNKNOWN_UNIT', `单位「${query.owner}」不存在`, {
        params: { unit: query.owner },
        field: 'owner',
      });
    ownerUnitId = unit.id;
  }
  const { rows, total } = await listProblems(ctx.db, scope, {
    projectId,
    ownerUnitId,
    state: query.state,
    open: yes(query.open),
    overdueOn: yes(query.overdue) ? day : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  const steps = await problemSteps(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      ...problemView(r, day),
      steps: steps
        .filter((s) => s.problem_id === r.id)
        .map((s) => ({ action: s.action, note: s.note, by: s.actor_name, at: s.at })),
    })),
    total,
  };
}

async function ownerUnit(ctx: LedgerContext, ref: string | number) {
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `责任单位「${ref}」不存在`, {
      params: { unit: ref },
      field: 'ownerUnit',
    });
  return unit;
}

/** Anyone who reports for the project raises a problem; a deadline must not lie in the past. */
export function raiseProblem(ctx: LedgerContext, projectId: string, input: ProblemInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const { project, may } = await projectFor(tx, projectId);
    if (!may.report) throw forbidden('只能为本单位的项目提出问题', 'project');
    const day = today(tx);
    if (input.deadline && input.deadline < day) {
      throw new DomainError('VALIDATION', `办结时限${input.deadline}已过`, {
        params: { reason: 'deadlinePassed', deadline: input.deadline },
        field: 'deadline',
      });
    }
    const owner = input.ownerUnit ? await ownerUnit(tx, input.ownerUnit) : null;
    const row = await insertProblem(
      tx.db,
      {
        projectId: project.id,
        title: input.title,
        detail: input.detail ?? null,
        ownerUnitId: owner?.id ?? null,
        deadline: input.deadline ?? null,
        raisedOn: day,
        by: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await insertProblemStep(
      tx.db,
      { problemId: row.id, action: 'raise', note: input.detail ?? null, actorName: tx.actor.name },
      tx.clock.now().toISOString(),
    );
    await refreshLight(tx, project);
    await audit(tx, {
      action: 'problem.raise',
      entityType: 'problem',
      entityId: row.id,
      unitId: project.unit_id,
      after: { project: project.id, ...input },
    });
    return problemView(row, day);
  });
}

/**
 * One step of the loop. The owner unit replies; the planning office (or whoever manages the
 * project) assigns, reminds, escalates, confirms and closes. A step that does not apply to the
 * problem's state is a 409; two people taking the same step at once: one wins, the other 409.
 */
export function actOnProblem(ctx: LedgerContext, problemId: number, input: ProblemActionInput) {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    const problem = await findProblem(tx.db, problemId);
    if (!problem)
      throw new DomainError('NOT_FOUND', `问题不存在：${problemId}`, {
        params: { reason: 'problem', id: problemId },
      });
    const project = await requireProject(tx, problem.project_id);
    const may = await ledgerAccess(tx, project.unit_id);
    const actor = tx.actor;
    const isOwner =
      actor.kind === 'system' ||
      (actor.unitId !== null &&
        actor.unitId === (problem.owner_unit_id ?? project.unit_id) &&
        actor.roles.some((r) => r !== 'viewer'));
    if (isOwnerAction(input.action) ? !(isOwner || may.manage) : !may.manage) {
      if (!may.read && !isOwner) throw forbidden('无权查看此问题', 'problem');
      throw forbidden(
        `「${PROBLEM_ACTION_NAMES[input.action]}」由${isOwnerAction(input.action) ? '责任单位' : '项目办（专班）'}办理`,
        'action',
      );
    }
    const from = problem.state as ProblemState;
    const to = problemNext(from, input.action);
    if (!to) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `问题「${PROBLEM_STATE_NAMES[from]}」时不能${PROBLEM_ACTION_NAMES[input.action]}`,
        {
          params: { reason: 'problemState', from, action: input.action },
          field: 'action',
          state: from,
        },
      );
    }
    const day = today(tx);
    const changes: Partial<ProblemRow> = { state: to };
    if (input.action === 'assign') {
      const ownerRef = input.ownerUnit ?? problem.owner_unit_id ?? undefined;
      if (ownerRef === undefined) {
        throw new DomainError('VALIDATION', '交办须指定责任单位', {
          params: { reason: 'ownerRequired' },
          field: 'ownerUnit',
        });
      }
      const deadline = input.deadline ?? problem.deadline;
      if (!deadline) {
        throw new DomainError('VALIDATION', '交办须指定办结时限', {
          params: { reason: 'deadlineRequired' },
          field: 'deadline',
        });
      }
      if (deadline < day) {
        throw new DomainError('VALIDATION', `办结时限${deadline}已过`, {
          params: { reason: 'deadlinePassed', deadline },
          field: 'deadline',
        });
      }
      changes.owner_unit_id = (await ownerUnit(tx, ownerRef)).id;
      changes.deadline = deadline;
    }
    if (input.action === 'reply') {
      if (!input.reply)
        throw new DomainError('VALIDATION', '请填写答复内容', {
          params: { reason: 'replyRequired' },
          field: 'reply',
        });
      changes.reply = input.reply;
    }
    if (input.action === 'close') changes.closed_on = day;
    const now = tx.clock.now().toISOString();
    if (!(await moveProblem(tx.db, problem.id, from, changes, now))) {
      throw new DomainError('CONFLICT', '问题已被他人处理，请刷新', {
        params: { reason: 'changedMeanwhile' },
      });
    }
    await insertProblemStep(
      tx.db,
      {
        problemId: problem.id,
        action: input.action,
        note: input.note ?? input.reply ?? null,
        actorName: actor.name,
      },
      now,
    );
    await refreshLight(tx, project);
    await audit(tx, {
      action: `problem.${input.action}`,
      entityType: 'problem',
      entityId: problem.id,
      unitId: project.unit_id,
      before: { state: from, owner: problem.owner_unit_id, deadline: problem.deadline },
      after: { state: to, ...input },
    });
    const fresh = (await findProblem(tx.db, problem.id))!;
    return problemView(fresh, day);
  });
}
