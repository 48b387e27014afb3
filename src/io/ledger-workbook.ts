// The ledger as a workbook, both ways (issue 15): export writes 项目台账 (one row a project) and
// 月度投资 (one row a project and month); import reads the same shape back. Reading checks every
// cell's form and names each bad one by sheet, row and column; what needs the database (units,
// permissions, existing plans) is the use case's to check. Nothing here throws on bad input.
import type { Worksheet } from 'exceljs';
import {
  isMonth,
  PROJECT_KIND_NAMES,
  PROJECT_KINDS,
  PROJECT_STATE_NAMES,
  PROJECT_STATES,
  type ProjectKind,
  type ProjectState,
} from '../core/ledger.ts';
import { escapeFormula } from './csv.ts';
import { columnLetter, MAX_REPORTED_PROBLEMS } from './score-sheet.ts';
import { inspectZip } from './zip-guard.ts';

export const PROJECT_SHEET = '项目台账';
export const INVESTMENT_SHEET = '月度投资';

/** Columns of 项目台账; `*` in the header marks the required ones. */
export const PROJECT_COLUMNS = [
  ['code', '项目编号*'],
  ['name', '项目名称*'],
  ['kind', '类别*'],
  ['state', '库状态'],
  ['unit', '责任单位编码*'],
  ['unitName', '责任单位'],
  ['owner', '业主单位'],
  ['location', '建设地点'],
  ['industry', '所属行业'],
  ['totalInvestment', '总投资（万元）*'],
  ['startYear', '开工年度*'],
] as const;
export const INVESTMENT_COLUMNS = [
  ['code', '项目编号*'],
  ['month', '月份*'],
  ['planned', '计划投资（万元）'],
  ['completed', '完成投资（万元）'],
  ['confirm', '已核实'],
] as const;

/** Above this (万元, i.e. 10¹³ yuan) an amount is a typing slip, not a project. */
export const MAX_AMOUNT = 1e9;

export interface LedgerCellProblem {
  sheet: string | null;
  /** 1-based row as the user sees it; 0 for the whole file. */
  row: number;
  column: string;
  cell: string | null;
  value: string;
  code: string;
  message: string;
}

export interface ImportedProject {
  row: number;
  code: string;
  name: string;
  kind: ProjectKind;
  state: ProjectState;
  unit: string;
  owner: string | null;
  location: string | null;
  industry: string | null;
  totalInvestment: number;
  startYear: number;
}

export interface ImportedInvestment {
  row: number;
  code: string;
  month: string;
  planned: number | null;
  completed: number | null;
  confirm: boolean;
}

export type LedgerWorkbookRead =
  | { ok: true; projects: ImportedProject[]; investments: ImportedInvestment[] }
  | { ok: false; problems: LedgerCellProblem[]; total: number };

export interface ExportProject {
  code: string;
  name: string;
  kind: ProjectKind;
  state: ProjectState;
  unitCode: string;
  unitName: string;
  owner: string | null;
  location: string | null;
  industry: string | null;
  totalInvestment: number;
  startYear: number;
}

/** The workbook of the ledger, which the import reads back unchanged. */
export async function ledgerWorkbookXlsx(
  projects: ExportProject[],
  investments: { code: string; month: string; planned: number | null; completed: number | null }[],
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leitai 擂台';
  const ps = wb.addWorksheet(PROJECT_SHEET);
  ps.addRow(PROJECT_COLUMNS.map(([, h]) => h)).font = { bold: true };
  for (const p of projects) {
    ps.addRow([
      escapeFormula(p.code),
      escapeFormula(p.name),
      PROJECT_KIND_NAMES[p.kind],
      PROJECT_STATE_NAMES[p.state],
      escapeFormula(p.unitCode),
      escapeFormula(p.unitName),
      escapeFormula(p.owner ?? ''),
      escapeFormula(p.location ?? ''),
      escapeFormula(p.industry ?? ''),
      p.totalInvestment,
      p.startYear,
    ]);
  }
  [16, 36, 14, 10, 16, 20, 30, 24, 14, 14, 10].forEach((w, i) => {
    ps.getColumn(i + 1).width = w;
  });
  ps.views = [{ state: 'frozen', ySplit: 1 }];
  const is = wb.addWorksheet(INVESTMENT_SHEET);
  is.addRow(INVESTMENT_COLUMNS.map(([, h]) => h)).font = { bold: true };
  for (const i of investments) {
    is.addRow([escapeFormula(i.code), i.month, i.planned, i.completed, null]);
  }
  [16, 10, 16, 16, 8].forEach((w, i) => {
    is.getColumn(i + 1).width = w;
  });
  is.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading -------------------------------------------------------------------------------

type Cell = string | number | boolean | Date | null | { error: string };

function flat(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText))
      return v.richText.map((t: { text?: string }) => t.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v)
      return 'result' in v ? flat(v.result) : { error: '#NO_RESULT' };
    if ('text' in v) return flat(v.text);
  }
  return String(value);
}

const shown = (c: Cell): string =>
  c === null
    ? ''
    : c instanceof Date
      ? c.toISOString().slice(0, 10)
      : typeof c === 'object'
        ? c.error
        : String(c);

const norm = (s: string) =>
  s
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

const KIND_BY_TEXT = new Map<string, ProjectKind>(
  PROJECT_KINDS.flatMap((k) => [
    [k, k],
    [PROJECT_KIND_NAMES[k], k],
  ]),
);
const STATE_BY_TEXT = new Map<string, ProjectState>(
  PROJECT_STATES.flatMap((s) => [
    [s, s],
    [PROJECT_STATE_NAMES[s], s],
    ...PROJECT_STATE_NAMES[s].split('/').map((part) => [part, s] as [string, ProjectState]),
  ]),
);

class Problems {
  readonly kept: LedgerCellProblem[] = [];
  total = 0;
  push(p: LedgerCellProblem) {
    this.total++;
    if (this.kept.length < MAX_REPORTED_PROBLEMS) this.kept.push(p);
  }
}

/** Reads one sheet by its headers; calls `row` with a getter per data row. */
function readSheet<K extends string>(
  ws: Worksheet,
  columns: readonly (readonly [K, string])[],
  problems: Problems,
  row: (
    get: (key: K) => { cell: Cell; at: Omit<LedgerCellProblem, 'code' | 'message'> },
    n: number,
  ) => void,
) {
  const header = ws.getRow(1);
  const index = new Map<K, number>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const h = norm(shown(flat(header.getCell(c).value)));
    const match = columns.find(([, name]) => norm(name) === h);
    if (match && !index.has(match[0])) index.set(match[0], c);
  }
  let missing = false;
  for (const [key, name] of columns) {
    if (name.endsWith('*') && !index.has(key)) {
      missing = true;
      problems.push({
        sheet: ws.name,
        row: 1,
        column: name,
        cell: null,
        value: '',
        code: 'MISSING_COLUMN',
        message: `「${ws.name}」缺少「${name.replace('*', '')}」列`,
      });
    }
  }
  if (missing) return;
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = ws.getRow(r);
    const values = columns.map(([key]) => {
      const c = index.get(key);
      return c === undefined ? null : flat(cells.getCell(c).value);
    });
    if (values.every((v) => v === null || shown(v).trim() === '')) continue;
    row((key) => {
      const c = index.get(key);
      const name = columns.find(([k]) => k === key)![1].replace('*', '');
      return {
        cell: c === undefined ? null : flat(cells.getCell(c).value),
        at: {
          sheet: ws.name,
          row: r,
          column: name,
          cell: c === undefined ? null : `${columnLetter(c - 1)}${r}`,
          value: c === undefined ? '' : shown(flat(cells.getCell(c).value)).slice(0, 100),
        },
      };
    }, r);
  }
}

/** Reads an exported (or hand-made) ledger workbook; every bad cell is named. */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<LedgerWorkbookRead> {
  const whole = (message: string): LedgerWorkbookRead => ({
    ok: false,
    total: 1,
    problems: [
      { sheet: null, row: 0, column: '', cell: null, value: '', code: 'BAD_FILE', message },
    ],
  });
  const zip = inspectZip(bytes);
  if (!zip.ok) return whole(zip.message);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return whole('无法读取 XLSX 文件');
  }
  const pws = wb.getWorksheet(PROJECT_SHEET) ?? wb.worksheets[0];
  if (!pws) return whole('XLSX 文件没有工作表');
  const iws = wb.getWorksheet(INVESTMENT_SHEET);
  const problems = new Problems();
  const bad = (at: Omit<LedgerCellProblem, 'code' | 'message'>, code: string, message: string) =>
    problems.push({ ...at, code, message: `「${at.column}」${message}` });

  const text = (
    v: { cell: Cell; at: Omit<LedgerCellProblem, 'code' | 'message'> },
    max: number,
    required: boolean,
  ): string | null => {
    const s = shown(v.cell).trim();
    if (v.cell !== null && typeof v.cell === 'object' && !(v.cell instanceof Date)) {
      bad(v.at, 'FORMULA_ERROR', `是错误值 ${s}`);
      return null;
    }
    if (!s) {
      if (required) bad(v.at, 'REQUIRED', '不能为空');
      return null;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) {
      bad(v.at, 'CONTROL_CHARACTER', '含有不可见的控制字符');
      return null;
    }
    if (s.length > max) {
      bad(v.at, 'TOO_LONG', `超过${max}个字`);
      return null;
    }
    return s;
  };
  const amount = (
    v: { cell: Cell; at: Omit<LedgerCellProblem, 'code' | 'message'> },
    required: boolean,
  ): number | null | undefined => {
    const s = shown(v.cell).trim();
    if (v.cell === null || s === '') {
      if (required) bad(v.at, 'REQUIRED', '不能为空');
      return required ? undefined : null;
    }
    const n = typeof v.cell === 'number' ? v.cell : /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
    if (!Number.isFinite(n)) {
      bad(v.at, 'NOT_A_NUMBER', `必须是数字（万元），不是「${s.slice(0, 20)}」`);
      return undefined;
    }
    if (n < 0) {
      bad(v.at, 'NEGATIVE', '不能为负数');
      return undefined;
    }
    if (n > MAX_AMOUNT) {
      bad(v.at, 'TOO_LARGE', `超过${MAX_AMOUNT}万元，请核实单位`);
      return undefined;
    }
    return n;
  };

  const projects: ImportedProject[] = [];
  const codes = new Map<string, number>();
  readSheet(pws, PROJECT_COLUMNS, problems, (get, r) => {
    const code = text(get('code'), 60, true);
    if (code !== null) {
      const first = codes.get(code);
      if (first !== undefined) {
        bad(get('code').at, 'DUPLICATE_CODE', `与第${first}行重复`);
      } else codes.set(code, r);
    }
    const name = text(get('name'), 200, true);
    const kindText = text(get('kind'), 20, true);
    const kind = kindText === null ? undefined : KIND_BY_TEXT.get(kindText);
    if (kindText !== null && !kind) {
      bad(
        get('kind').at,
        'UNKNOWN_KIND',
        `只能是${PROJECT_KINDS.map((k) => PROJECT_KIND_NAMES[k]).join('、')}`,
      );
    }
    const stateText = text(get('state'), 20, false);
    const state = stateText === null ? 'planning' : STATE_BY_TEXT.get(stateText);
    if (!state) {
      bad(
        get('state').at,
        'UNKNOWN_STATE',
        `只能是${PROJECT_STATES.map((s) => PROJECT_STATE_NAMES[s]).join('、')}`,
      );
    }
    const unit = text(get('unit'), 60, true);
    const owner = text(get('owner'), 200, false);
    const location = text(get('location'), 200, false);
    const industry = text(get('industry'), 100, false);
    const total = amount(get('totalInvestment'), true);
    const yearCell = get('startYear');
    const yearText = shown(yearCell.cell).trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      bad(yearCell.at, 'BAD_YEAR', '必须是2000至2100之间的年份');
    }
    if (
      code !== null &&
      name !== null &&
      kind &&
      state &&
      unit !== null &&
      typeof total === 'number' &&
      year >= 2000 &&
      year <= 2100
    ) {
      projects.push({
        row: r,
        code,
        name,
        kind,
        state,
        unit,
        owner,
        location,
        industry,
        totalInvestment: total,
        startYear: year,
      });
    }
  });

  const investments: ImportedInvestment[] = [];
  if (iws) {
    const seen = new Map<string, number>();
    readSheet(iws, INVESTMENT_COLUMNS, problems, (get, r) => {
      const code = text(get('code'), 60, true);
      const monthCell = get('month');
      const month =
        monthCell.cell instanceof Date
          ? monthCell.cell.toISOString().slice(0, 7)
          : shown(monthCell.cell)
              .trim()
              .replace(
                /^(\d{4})[.年/](\d{1,2})月?$/,
                (_, y, m) => `${y}-${String(m).padStart(2, '0')}`,
              );
      if (!isMonth(month)) {
        bad(monthCell.at, 'BAD_MONTH', '必须是月份，如 2026-06');
      }
      const planned = amount(get('planned'), false);
      const completed = amount(get('completed'), false);
      const confirmText = shown(get('confirm').cell).trim();
      const confirm = ['是', '已核实', 'yes', 'true', '1'].includes(confirmText.toLowerCase());
      if (code !== null && isMonth(month)) {
        const key = `${code}\u0000${month}`;
        const first = seen.get(key);
        if (first !== undefined) {
          bad(monthCell.at, 'DUPLICATE_MONTH', `${code} ${month}与第${first}行重复`);
          return;
        }
        seen.set(key, r);
      }
      if (
        typeof planned === 'number' &&
        typeof completed === 'number' &&
        completed > 10 * planned &&
        !confirm
      ) {
        bad(
          get('completed').at,
          'NEEDS_CONFIRMATION',
          `${completed}万元超过当月计划（${planned}万元）的10倍，请核实后在「已核实」列填“是”`,
        );
        return;
      }
      if (code !== null && isMonth(month) && planned !== undefined && completed !== undefined) {
        investments.push({ row: r, code, month, planned, completed, confirm });
      }
    });
  }
  if (problems.total > 0) return { ok: false, problems: problems.kept, total: problems.total };
  return { ok: true, projects, investments };
}
