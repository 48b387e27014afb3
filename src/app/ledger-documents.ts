/**
 * The ledger's documents and its public face (issue 15): the monthly 调度 report (XLSX by unit
 * with lights and a summary sheet; the DOCX brief), the ledger's export and its import from a
 * workbook (all or nothing, every bad cell named), and the project list the organizer publishes.
 */

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  isLit,
  isMonth,
  type Light,
  monthEnd,
  PROJECT_KIND_NAMES,
  PROJECT_KINDS,
  PROJECT_STATE_NAMES,
  type ProjectKind,
  type ProjectState,
  percent,
} from '../core/ledger.ts';
import {
  allInvestments,
  allProjects,
  findProject,
  findProjectByCode,
  insertProject,
  investmentsOf,
  investmentTotals,
  listProjects,
  monthInvestments,
  problemsFor,
  updateProject,
  upsertInvestment,
} from '../db/ledger.repository.ts';
import type { Database } from '../db/schema.ts';
import { findUnit } from '../db/unit.repository.ts';
import {
  byKind,
  byUnit,
  type LedgerReport,
  ledgerBriefDocx,
  ledgerReportXlsx,
} from '../io/ledger-report.ts';
import {
  type LedgerCellProblem,
  ledgerWorkbookXlsx,
  readLedgerWorkbook,
} from '../io/ledger-workbook.ts';
import { audit, inTransaction } from './context.ts';
import { lightsAsOf } from './ledger-lights.ts';
import { requireUser } from './policies/gate.ts';
import {
  forbidden,
  isPlanningOffice,
  type LedgerContext,
  ledgerAccess,
  ledgerScope,
} from './policies/ledger.ts';
import { refreshLight } from './projects.ts';
import type { Download } from './sheets.ts';

type Db = Kysely<Database>;

export const ReportQuery = z.object({
  month: z.string().refine(isMonth, '月份必须是 YYYY-MM'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const chineseDate = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const monthLabel = (month: string) =>
  `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** The month's report data: the projects in the actor's scope still in the library, with lights. */
export async function ledgerReport(ctx: LedgerContext, month: string): Promise<LedgerReport> {
  const scope = await ledgerScope(ctx);
  const day = ctx.clock.now().toISOString().slice(0, 10);
  if (month > day.slice(0, 7)) {
    throw new DomainError('VALIDATION', `${month}尚未到来`, {
      params: { reason: 'monthNotCome', month },
      field: 'month',
    });
  }
  const end = monthEnd(month);
  const asOf = end.localeCompare(day) < 0 ? end : day;
  const projects = (await allProjects(ctx.db, scope)).filter((p) => isLit(p.state as ProjectState));
  const ids = projects.map((p) => p.id);
  const inScope = new Set(ids);
  const lights = new Map(
    (await lightsAsOf(ctx, asOf))
      .filter((l) => inScope.has(l.projectId))
      .map((l) => [l.projectId, l]),
  );
  const totals = await investmentTotals(ctx.db, month.slice(0, 4), month);
  const thisMonth = new Map((await monthInvestments(ctx.db, month)).map((i) => [i.project_id, i]));
  const problems = new Map<number, { open: number; overdue: number }>();
  for (const p of await problemsFor(ctx.db)) {
    if (!inScope.has(p.project_id)) continue;
    const open = p.closed_on === null || p.closed_on > asOf;
    if (!open) continue;
    const c = problems.get(p.project_id) ?? { open: 0, overdue: 0 };
    c.open++;
    if (p.deadline !== null && p.deadline < asOf) c.overdue++;
    problems.set(p.project_id, c);
  }
  const office = await findUnit(ctx.db, ctx.ledger.office);
  return {
    month,
    monthLabel: monthLabel(month),
    asOf,
    office: office?.name ?? '重点项目工作专班',
    date: chineseDate(day),
    projects: projects.map((p) => {
      const t = totals.get(p.id);
      const m = thisMonth.get(p.id);
      const l = lights.get(p.id);
      return {
        code: p.code,
        name: p.name,
        kindName: PROJECT_KIND_NAMES[p.kind as ProjectKind] ?? p.kind,
        stateName: PROJECT_STATE_NAMES[p.state as ProjectState] ?? p.state,
        unitCode: p.unit_code,
        unitName: p.unit_name,
        owner: p.owner,
        totalInvestment: p.total_investment,
        yearPlanned: t?.yearPlanned ?? 0,
        ytdPlanned: t?.ytdPlanned ?? 0,
        ytdCompleted: t?.ytdCompleted ?? 0,
        monthPlanned: m?.planned ?? null,
        monthCompleted: m?.completed ?? null,
        totalCompleted: t?.totalCompleted ?? 0,
        light: (l?.result.light ?? null) as Light | null,
        lightReasons: l?.result.reasons ?? [],
        openProblems: problems.get(p.id)?.open ?? 0,
        overdueProblems: problems.get(p.id)?.overdue ?? 0,
      };
    }),
  };
}

const Group = z.object({
  key: z.string(),
  name: z.string(),
  projects: z.number(),
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  yearPlanned: z.number(),
  ytdPlanned: z.number(),
  ytdCompleted: z.number(),
  rate: z.number().nullable(),
  openProblems: z.number(),
  overdueProblems: z.number(),
});
export const LedgerSummary = z.object({
  month: z.string(),
  asOf: z.string(),
  byUnit: z.array(Group),
  byKind: z.array(Group),
});

/** The county summary (lights, investment and problems by unit and by kind) of a month. */
export async function ledgerSummary(
  ctx: LedgerContext,
  month: string,
): Promise<z.infer<typeof LedgerSummary>> {
  const report = await ledgerReport(ctx, month);
  return {
    month,
    asOf: report.asOf,
    byUnit: byUnit(report.projects),
    byKind: byKind(report.projects),
  };
}

/** The 调度 report as a workbook or the brief as a document. */
export async function ledgerReportFile(
  ctx: LedgerContext,
  month: string,
  format: 'xlsx' | 'docx',
): Promise<Download> {
  const report = await ledgerReport(ctx, month);
  return format === 'xlsx'
    ? {
        filename: `重点项目调度报表-${month}.xlsx`,
        contentType: XLSX,
        bytes: await ledgerReportXlsx(report),
      }
    : {
        filename: `重点项目调度通报-${month}.docx`,
        contentType: DOCX,
        bytes: await ledgerBriefDocx(report),
      };
}

/** The ledger in the actor's scope as the workbook the import reads back. */
export async function exportLedger(ctx: LedgerContext): Promise<Download> {
  const scope = await ledgerScope(ctx);
  const projects = await allProjects(ctx.db, scope);
  const codeOf = new Map(projects.map((p) => [p.id, p.code]));
  const investments = (await allInvestments(ctx.db))
    .filter((i) => codeOf.has(i.project_id))
    .map((i) => ({
      code: codeOf.get(i.project_id)!,
      month: i.month,
      planned: i.planned,
      completed: i.completed,
    }));
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    filename: `重点项目台账-${day}.xlsx`,
    contentType: XLSX,
    bytes: await ledgerWorkbookXlsx(
      projects.map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind as ProjectKind,
        state: p.state as ProjectState,
        unitCode: p.unit_code,
        unitName: p.unit_name,
        owner: p.owner,
        location: p.location,
        industry: p.industry,
        totalInvestment: p.total_investment,
        startYear: p.start_year,
      })),
      investments,
    ),
  };
}

function refused(problems: LedgerCellProblem[], total: number): DomainError {
  const first = problems[0];
  if (first && first.row === 0) return new DomainError('BAD_FILE', first.message, { problems });
  const where = first
    ? `（${first.sheet ?? ''}第${first.row}行「${first.column}」${first.cell ? ` ${first.cell}` : ''}：${first.message}${total > 1 ? ' 等' : ''}）`
    : '';
  return new DomainError('INVALID_SHEET', `表中有 ${total} 处问题，整个文件未导入${where}`, {
    params: { total, where },
    problems,
    total,
    truncated: total > problems.length,
  });
}

export interface ImportResult {
  created: number;
  updated: number;
  investments: number;
}

/**
 * Imports a ledger workbook: new project codes are added, known ones updated, months of
 * investment set. Every cell is checked (form, units, the actor's right to plan for each unit,
 * the 10× rule against plans already stored) before anything is written; one audit event.
 */
export function importLedger(
  ctx: LedgerContext,
  file: { filename: string; bytes: Buffer },
): Promise<ImportResult> {
  return inTransaction(ctx, async (tx0) => {
    const tx = { ...tx0, ledger: ctx.ledger };
    if (!file.filename.toLowerCase().endsWith('.xlsx')) {
      throw new DomainError('UNSUPPORTED_FILE', `只能导入 .xlsx 文件：${file.filename}`, {
        params: { reason: 'xlsxOnly', file: file.filename },
        field: 'file',
      });
    }
    // Who may import at all is known before the file is read: no parsing for strangers.
    const actor = requireUser(tx);
    if (
      actor.kind !== 'system' &&
      !actor.roles.includes('admin') &&
      !(await isPlanningOffice(tx))
    ) {
      throw forbidden('台账由计划部门（项目办）导入', 'file');
    }
    const read = await readLedgerWorkbook(file.bytes);
    if (!read.ok) throw refused(read.problems, read.total);
    const problems: LedgerCellProblem[] = [];
    const at = (sheet: string, row: number, column: string, _cell: string, value: string) => ({
      sheet,
      row,
      column,
      cell: null,
      value,
    });
    const unitIds = new Map<string, number>();
    const mayPlan = new Map<number, boolean>();
    const plans = async (unitId: number) => {
      let may = mayPlan.get(unitId);
      if (may === undefined) {
        may = (await ledgerAccess(tx, unitId)).plan;
        mayPlan.set(unitId, may);
      }
      return may;
    };
    const existing = new Map<string, Awaited<ReturnType<typeof findProjectByCode>>>();
    for (const p of read.projects) {
      let unitId = unitIds.get(p.unit);
      if (unitId === undefined) {
        const unit = await findUnit(tx.db, p.unit);
        if (unit) {
          unitId = unit.id;
          unitIds.set(p.unit, unit.id);
        }
      }
      if (unitId === undefined) {
        problems.push({
          ...at('项目台账', p.row, '责任单位编码', '', p.unit),
          code: 'UNKNOWN_UNIT',
          message: `「责任单位编码」单位「${p.unit}」不存在`,
        });
        continue;
      }
      const old = await findProjectByCode(tx.db, p.code);
      existing.set(p.code, old);
      if (!(await plans(unitId)) || (old && !(await plans(old.unit_id)))) {
        problems.push({
          ...at('项目台账', p.row, '责任单位编码', '', p.unit),
          code: 'FORBIDDEN',
          message: '「责任单位编码」您不能为此单位录入或修改项目计划',
        });
      }
    }
    const inSheet = new Set(read.projects.map((p) => p.code));
    const storedPlans = new Map<string, Map<string, number | null>>();
    for (const i of read.investments) {
      let project = existing.get(i.code);
      if (!inSheet.has(i.code) && project === undefined && !existing.has(i.code)) {
        project = await findProjectByCode(tx.db, i.code);
        existing.set(i.code, project);
        if (project && !(await plans(project.unit_id))) {
          problems.push({
            ...at('月度投资', i.row, '项目编号', '', i.code),
            code: 'FORBIDDEN',
            message: '「项目编号」您不能修改此项目的计划',
          });
        }
      }
      if (!inSheet.has(i.code) && !project) {
        problems.push({
          ...at('月度投资', i.row, '项目编号', '', i.code),
          code: 'UNKNOWN_PROJECT',
          message: `「项目编号」项目「${i.code}」既不在「项目台账」表中，也不在台账里`,
        });
        continue;
      }
      if (i.completed !== null && i.planned === null && !i.confirm && project) {
        let months = storedPlans.get(i.code);
        if (!months) {
          months = new Map(
            (await investmentsOf(tx.db, project.id)).map((x) => [x.month, x.planned]),
          );
          storedPlans.set(i.code, months);
        }
        const plan = months.get(i.month) ?? 0;
        if (i.completed > 10 * plan) {
          problems.push({
            ...at('月度投资', i.row, '完成投资（万元）', '', String(i.completed)),
            code: 'NEEDS_CONFIRMATION',
            message: `「完成投资（万元）」${i.completed}万元超过当月计划（${plan}万元）的10倍，请核实后在「已核实」列填“是”`,
          });
        }
      }
    }
    if (problems.length) {
      problems.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
      throw refused(problems.slice(0, 1000), problems.length);
    }

    const now = tx.clock.now().toISOString();
    let created = 0;
    let updated = 0;
    const touched = new Map<string, number>();
    for (const p of read.projects) {
      const unitId = unitIds.get(p.unit)!;
      const old = existing.get(p.code);
      if (old) {
        await updateProject(
          tx.db,
          old.id,
          {
            name: p.name,
            kind: p.kind,
            state: p.state,
            unit_id: unitId,
            owner: p.owner,
            location: p.location,
            industry: p.industry,
            total_investment: p.totalInvestment,
            start_year: p.startYear,
          },
          now,
        );
        touched.set(p.code, old.id);
        updated++;
      } else {
        const row = await insertProject(
          tx.db,
          {
            code: p.code,
            name: p.name,
            kind: p.kind,
            state: p.state,
            unitId,
            owner: p.owner,
            location: p.location,
            industry: p.industry,
            description: null,
            totalInvestment: p.totalInvestment,
            startYear: p.startYear,
            taskforceId: null,
            supplementReason: null,
          },
          now,
        );
        touched.set(p.code, row.id);
        created++;
      }
    }
    for (const i of read.investments) {
      const id = touched.get(i.code) ?? existing.get(i.code)!.id;
      touched.set(i.code, id);
      await upsertInvestment(
        tx.db,
        id,
        i.month,
        {
          ...(i.planned !== null ? { planned: i.planned } : {}),
          ...(i.completed !== null ? { completed: i.completed } : {}),
        },
        now,
      );
    }
    for (const id of touched.values()) {
      const row = await findProject(tx.db, id);
      if (row) await refreshLight(tx, row);
    }
    const result = { created, updated, investments: read.investments.length };
    await audit(tx, {
      action: 'ledger.import',
      entityType: 'ledger',
      entityId: file.filename.slice(0, 200),
      unitId: null,
      after: { ...result, codes: [...touched.keys()].slice(0, 1000) },
    });
    return result;
  });
}

// ---- the public list -----------------------------------------------------------------------

export const PublicProjectsQuery = z.object({
  kind: z.enum(PROJECT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PublicProjectsQuery = z.infer<typeof PublicProjectsQuery>;

export const PublicProject = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  kindName: z.string(),
  stateName: z.string(),
  unit: z.string(),
  location: z.string().nullable(),
  industry: z.string().nullable(),
  startYear: z.number(),
  /** Only when the organizer published the investment too. */
  investment: z
    .object({
      total: z.number(),
      year: z.number(),
      yearPlanned: z.number(),
      ytdCompleted: z.number(),
      sinceStartCompleted: z.number(),
      ytdRate: z.number().nullable(),
    })
    .nullable(),
});
export const PublicProjects = z.object({ items: z.array(PublicProject), total: z.number() });

/** The projects the organizer chose to publish: names, places and progress; money only if published. */
export async function publicProjects(
  db: Db,
  query: PublicProjectsQuery,
  today: string,
): Promise<z.infer<typeof PublicProjects>> {
  const { rows, total } = await listProjects(
    db,
    { kind: 'all' },
    { kind: query.kind, published: true, limit: query.limit, offset: query.offset },
  );
  const money = rows.filter((r) => Boolean(r.publish_investment)).map((r) => r.id);
  const totals = money.length
    ? await investmentTotals(db, today.slice(0, 4), today.slice(0, 7), money)
    : new Map();
  return {
    items: rows.map((r) => {
      const t = totals.get(r.id);
      return {
        code: r.code,
        name: r.name,
        kind: r.kind,
        kindName: PROJECT_KIND_NAMES[r.kind as ProjectKind] ?? r.kind,
        stateName: PROJECT_STATE_NAMES[r.state as ProjectState] ?? r.state,
        unit: r.unit_name,
        location: r.location,
        industry: r.industry,
        startYear: r.start_year,
        investment: r.publish_investment
          ? {
              total: r.total_investment,
              year: Number(today.slice(0, 4)),
              yearPlanned: t?.yearPlanned ?? 0,
              ytdCompleted: t?.ytdCompleted ?? 0,
              sinceStartCompleted: t?.totalCompleted ?? 0,
              ytdRate: percent(t?.ytdCompleted ?? 0, t?.ytdPlanned ?? 0),
            }
          : null,
      };
    }),
    total,
  };
}
