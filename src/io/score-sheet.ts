// Reads the wide score sheet of DESIGN §4 (CSV or XLSX) into the engine's columnar Sheet,
// checking every cell against the rubric and reporting every bad one — not only the first.
// Used by `leitai rank` and by the server's all-or-nothing import.
import {
  parseNumberText as parseCoreNumberText,
  percentProblem,
  readNumberText,
} from '../core/number-text.ts';
import type { Indicator, Rubric } from '../core/rubric.ts';
import { checkValue, type Sheet } from '../core/sheet.ts';
import { decodeText, detectDelimiter, parseCsv, startsFormula } from './csv.ts';
import { readPlainCsv, readPlainCsvBytes } from './score-sheet-plain.ts';
import { inspectZip } from './zip-guard.ts';

export type SheetFormat = 'csv' | 'xlsx';

/** One bad cell (or header, or file): row as the user sees it (header = row 1). */
export interface SheetProblem {
  /** The worksheet's name (XLSX only). */
  sheet?: string;
  /** 1-based row; 0 when the problem is the whole file. */
  row: number;
  /** The column's header: an indicator code, `code`, `name`, or the header as written. */
  column: string;
  /** Spreadsheet address such as `C5`, when there is one. */
  cell?: string;
  /** The cell's content as text ('' when empty). */
  value: string;
  code: string;
  /** Chinese, with the English in parentheses. */
  message: string;
}

/** Where the units and indicators of a read Sheet sit in the file, to name cells back to the user. */
export interface SheetLayout {
  sheet?: string;
  /** The 1-based row of unit i of the Sheet. */
  rows: number[];
  /** The column letter of the unit codes. */
  codeColumn: string;
  /** The column letter of each indicator read. */
  columns: Record<string, string>;
  /** Cells holding a clear marker (see `clearMarkers`): unit index and indicator code. */
  cleared: { unit: number; indicator: string }[];
}

export type SheetRead =
  | { ok: true; sheet: Sheet; layout: SheetLayout }
  | {
      ok: false;
      /** The first {@link MAX_REPORTED_PROBLEMS} problems, in reading order. */
      problems: SheetProblem[];
      /** How many problems there are in all, and how many of each code. */
      total?: number;
      counts?: Record<string, number>;
      /**
       * The sheet as far as it could be read (bad cells empty), when the header was readable:
       * the server checks its units and permissions too, so one report names every problem.
       */
      partial?: { sheet: Sheet; layout: SheetLayout };
    };

/** A report lists this many problems; beyond them it only counts them by code. */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * Problems kept up to a limit and counted by code beyond it, so a sheet of 300,000 bad rows makes
 * a small report (and a small heap) instead of millions of objects.
 */
export class ProblemList<T extends { code: string }> {
  readonly kept: T[] = [];
  readonly counts: Record<string, number> = {};
  length = 0;
  constructor(readonly limit = MAX_REPORTED_PROBLEMS) {}
  push(problem: T): void {
    this.length++;
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    if (this.kept.length < this.limit) this.kept.push(problem);
  }
}

export interface ReadSheetOptions {
  /**
   * Refuse a sheet lacking a column for some indicator (default true). The server may pass false
   * to import part of a round; an absent indicator is then empty for every unit.
   */
  requireAllIndicators?: boolean;
  /**
   * Cell texts (compared case-insensitively) that mean "clear the stored value", for the server's
   * import where an empty cell means "leave unchanged". Such a cell reads as empty (NaN) and is
   * listed in `layout.cleared`. None by default.
   */
  clearMarkers?: readonly string[];
}

/** The format a file name implies, or undefined. */
export function sheetFormatOf(filename: string): SheetFormat | undefined {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** `第3行 A1列 (C3): 不是数字 "abc"`, with the worksheet's name when there is one. */
export function formatSheetProblem(p: SheetProblem): string {
  const parts: string[] = [];
  if (p.sheet) parts.push(`工作表「${p.sheet}」`);
  if (p.row > 0) parts.push(`第${p.row}行`);
  if (p.column) parts.push(`${p.column}列`);
  if (p.cell) parts.push(`(${p.cell})`);
  const where = parts.join(' ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** A raw cell: CSV gives text; XLSX also numbers, booleans, dates and error values. */
export type Cell = string | number | boolean | Date | { error: string } | null;

export interface Grid {
  sheet?: string;
  rows: Cell[][];
  /** The actual 1-based row number of rows[k] (XLSX may skip nothing; CSV is k + 1). */
  rowNumbers: number[];
}

/**
 * Reads a score sheet from bytes (CSV or XLSX, by `format` or the file name) and checks it
 * against the rubric. Returns the Sheet, or every problem found; never throws on bad input.
 */
export async function readScoreSheet(
  bytes: Uint8Array,
  source: { format?: SheetFormat; filename?: string },
  rubric: Rubric,
  options: ReadSheetOptions = {},
): Promise<SheetRead> {
  const format = source.format ?? (source.filename ? sheetFormatOf(source.filename) : undefined);
  if (!format) {
    return fileProblem('UNKNOWN_FORMAT', '只能读取 .csv 或 .xlsx 文件');
  }
  let grid: Grid;
  if (format === 'csv') {
    const binary = binaryProblem(bytes);
    if (binary) return fileProblem('NOT_TEXT', binary);
    if (!options.clearMarkers?.length) {
      // A plain UTF-8 CSV is read straight from its bytes, without decoding it first.
      const plain = readPlainCsvBytes(bytes, rubric, options.requireAllIndicators ?? true);
      if (plain) return plain;
    }
    const { text } = decodeText(bytes);
    const delimiter = detectDelimiter(text);
    if (delimiter === ',' && !options.clearMarkers?.length) {
      const plain = readPlainCsv(text, rubric, options.requireAllIndicators ?? true);
      if (plain) return plain;
    }
    const parsed = parseCsv(text, delimiter);
    if (parsed.unterminatedQuoteAt !== undefined) {
      return {
        ok: false,
        problems: [
          {
            row: parsed.unterminatedQuoteAt,
            column: '',
            value: '',
            code: 'UNTERMINATED_QUOTE',
            message: '引号没有闭合',
          },
        ],
      };
    }
    grid = { rows: parsed.records, rowNumbers: parsed.records.map((_, k) => k + 1) };
  } else {
    const read = await readXlsxGrid(bytes);
    if ('problem' in read) return fileProblem('UNREADABLE', read.problem);
    grid = read;
  }
  return gridToSheet(grid, rubric, options);
}

function fileProblem(code: string, message: string): SheetRead {
  return { ok: false, problems: [{ row: 0, column: '', value: '', code, message }] };
}

/** A CSV that is really a workbook, a PDF or an image: say so instead of reading garbage. */
function binaryProblem(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return '这是 .xlsx（ZIP）文件而不是 CSV，请以 .xlsx 扩展名上传';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV';
  }
  // UTF-16 text has NULs by nature; anything else with NULs is not text.
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    return '不是文本格式的 CSV 文件';
  }
  return undefined;
}

async function readXlsxGrid(bytes: Uint8Array): Promise<Grid | { problem: string }> {
  const read = await readXlsxGrids(bytes);
  if ('problem' in read) return read;
  const first = read.grids[0];
  if (!first) return { problem: 'XLSX 文件没有工作表' };
  return first;
}

/** Every worksheet of a workbook as a grid, in the workbook's order (the combined month workbook). */
export async function readXlsxGrids(
  bytes: Uint8Array,
): Promise<{ grids: Grid[]; keywords: string } | { problem: string }> {
  // Before exceljs sees it: refuse truncated files, non-workbooks and zip bombs (DESIGN §4).
  const zip = inspectZip(bytes);
  if (!zip.ok) return { problem: zip.message };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return {
      problem: '无法读取 XLSX 文件',
    };
  }
  return {
    grids: workbook.worksheets.map(worksheetGrid),
    keywords: workbook.keywords ?? '',
  };
}

/** The text of a grid's cell, as the reader sees it (trimmed; numbers as written by String). */
export function gridCellText(grid: Grid, row: number, column: number): string {
  return cellText(grid.rows[row]?.[column] ?? null);
}

/** Reads one grid (a worksheet of a workbook already loaded) as a score sheet. */
export function readGrid(grid: Grid, rubric: Rubric, options: ReadSheetOptions = {}): SheetRead {
  return gridToSheet(grid, rubric, options);
}

function worksheetGrid(worksheet: import('exceljs').Worksheet): Grid {
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const width = worksheet.columnCount;
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push(cells);
    rowNumbers.push(r);
  }
  return { sheet: worksheet.name, rows, rowNumbers };
}

/** Flattens exceljs's cell value kinds (formula results, rich text, hyperlinks) to a Cell. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v && Array.isArray(v.richText)) {
      return v.richText.map((t: { text?: string }) => t.text ?? '').join('');
    }
    if ('formula' in v || 'sharedFormula' in v) {
      // A formula's cached result; a file never recalculated has none.
      return 'result' in v ? xlsxCell(v.result) : { error: '#NO_RESULT' };
    }
    if ('text' in v) return xlsxCell(v.text);
  }
  return String(value);
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell.error;
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export const HEADER_ALIASES: Record<'code' | 'name' | 'group', readonly string[]> = {
  code: ['code', '编码', '代码', '单位编码'],
  name: ['name', '单位', '名称', '单位名称'],
  group: ['group', '分组', '组别'],
};

/** Headers and values typed with full-width characters (Ａ１, ８５％) read as their ASCII forms. */
export function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\u2212\uFE63]/g, '-');
}

/** A number typed as text: plain, with thousands separators (1,234.5) or a percent (85%). */
export const parseNumberText = parseCoreNumberText;

const VETO_YES = ['1', 'true', '是', 'y', 'yes'];
const VETO_NO = ['0', 'false', '否', 'n', 'no'];

type Role =
  | { kind: 'code' }
  | { kind: 'name' }
  | { kind: 'group' }
  | { kind: 'indicator'; indicator: Indicator };

function gridToSheet(grid: Grid, rubric: Rubric, options: ReadSheetOptions): SheetRead {
  const problems = new ProblemList<SheetProblem>();
  const base = grid.sheet === undefined ? {} : { sheet: grid.sheet };
  const header = grid.rows[0];
  if (!header || header.every((c) => cellText(c) === '')) {
    return {
      ok: false,
      problems: [
        {
          ...base,
          row: 1,
          column: '',
          value: '',
          code: 'NO_HEADER',
          message: '第一行必须是表头：code,name,group,指标编码…',
        },
      ],
    };
  }
  const headerRow = grid.rowNumbers[0]!;
  const byCode = new Map(rubric.indicators.map((x) => [normalize(x.code).toLowerCase(), x]));
  const roles: (Role | undefined)[] = [];
  const labels: string[] = [];
  const taken = new Map<string, number>();
  // A loop, not Math.max(...rows): spreading 150,000 rows overflows the stack.
  let width = 0;
  for (const r of grid.rows) if (r.length > width) width = r.length;
  for (let c = 0; c < width; c++) {
    const text = normalize(cellText(header[c] ?? null));
    const at = { ...base, row: headerRow, cell: `${columnLetter(c + 1)}${headerRow}`, value: text };
    if (text === '') {
      roles.push(undefined);
      labels.push(columnLetter(c + 1));
      continue;
    }
    const lower = text.toLowerCase();
    let role: Role | undefined;
    for (const kind of ['code', 'name', 'group'] as const) {
      if (HEADER_ALIASES[kind].includes(lower)) role = { kind };
    }
    if (!role) {
      // `A1 村级活动场所标准化`: the code, then optionally the indicator's name after a space.
      const token = lower.split(/\s+/)[0] ?? '';
      const indicator = byCode.get(token);
      if (indicator) role = { kind: 'indicator', indicator };
    }
    const key = role
      ? role.kind === 'indicator'
        ? `indicator:${role.indicator.code}`
        : role.kind
      : '';
    const label = role ? (role.kind === 'indicator' ? role.indicator.code : role.kind) : text;
    if (!role) {
      problems.push({
        ...at,
        column: text,
        code: 'UNKNOWN_COLUMN',
        message: `未知的列「${text}」：不是 code、name、group 或本评分标准的指标编码`,
      });
    } else if (taken.has(key)) {
      problems.push({
        ...at,
        column: label,
        code: 'DUPLICATE_COLUMN',
        message: `列重复：与第 ${columnLetter(taken.get(key)! + 1)} 列相同`,
      });
      role = undefined;
    } else {
      taken.set(key, c);
    }
    roles.push(role);
    labels.push(label);
  }
  for (const kind of ['code', 'name'] as const) {
    if (!taken.has(kind)) {
      problems.push({
        ...base,
        row: headerRow,
        column: kind,
        value: '',
        code: 'MISSING_COLUMN',
        message: `缺少「${HEADER_ALIASES[kind][1]}」列`,
      });
    }
  }
  if (options.requireAllIndicators ?? true) {
    for (const indicator of rubric.indicators) {
      if (!taken.has(`indicator:${indicator.code}`)) {
        problems.push({
          ...base,
          row: headerRow,
          column: indicator.code,
          value: '',
          code: 'MISSING_COLUMN',
          message: `缺少指标 ${indicator.code}（${indicator.name}）的列`,
        });
      }
    }
  }

  // Data rows: blank rows are skipped, every other row is one unit.
  const codeColumn = taken.get('code');
  const nameColumn = taken.get('name');
  const groupColumn = taken.get('group');
  const indicatorColumns = roles
    .map((role, c) => ({ role, c }))
    .filter(
      (x): x is { role: Extract<Role, { kind: 'indicator' }>; c: number } =>
        x.role?.kind === 'indicator',
    );
  const codes: string[] = [];
  const names: string[] = [];
  const groups: string[] = [];
  const columns = indicatorColumns.map(() => [] as number[]);
  const rowOf: number[] = [];
  const cleared: SheetLayout['cleared'] = [];
  const markers = new Set((options.clearMarkers ?? []).map((m) => normalize(m).toLowerCase()));
  const firstRowOf = new Map<string, number>();
  const blankHeaderReported = new Set<number>();
  for (let k = 1; k < grid.rows.length; k++) {
    const row = grid.rows[k]!;
    const rowNumber = grid.rowNumbers[k]!;
    if (row.every((cell) => cellText(cell) === '')) continue;
    const at = (c: number, code: string, message: string, value = cellText(row[c] ?? null)) =>
      problems.push({
        ...base,
        row: rowNumber,
        column: labels[c] ?? columnLetter(c + 1),
        cell: `${columnLetter(c + 1)}${rowNumber}`,
        value,
        code,
        message,
      });
    for (let c = 0; c < row.length; c++) {
      if (roles[c] !== undefined || cellText(row[c] ?? null) === '') continue;
      if (c >= header.length || cellText(header[c] ?? null) === '') {
        if (!blankHeaderReported.has(c)) {
          blankHeaderReported.add(c);
          at(c, 'NO_HEADER', '此列有数据但没有表头');
        }
      }
    }
    const code = codeColumn === undefined ? '' : normalizeCode(row[codeColumn] ?? null);
    if (codeColumn !== undefined) {
      if (code === '') {
        at(codeColumn, 'EMPTY_CODE', '单位编码为空');
      } else if (firstRowOf.has(code)) {
        at(
          codeColumn,
          'DUPLICATE_UNIT',
          `单位编码 ${code} 重复：已在第${firstRowOf.get(code)}行出现`,
        );
      } else {
        firstRowOf.set(code, rowNumber);
      }
    }
    const name = nameColumn === undefined ? '' : cellText(row[nameColumn] ?? null);
    if (nameColumn !== undefined && name === '') at(nameColumn, 'EMPTY_NAME', '单位名称为空');
    rowOf.push(rowNumber);
    codes.push(code);
    names.push(name);
    groups.push(groupColumn === undefined ? '' : cellText(row[groupColumn] ?? null));
    indicatorColumns.forEach(({ role, c }, j) => {
      const cell = row[c] ?? null;
      if (markers.size > 0 && markers.has(normalize(cellText(cell)).toLowerCase())) {
        cleared.push({ unit: codes.length - 1, indicator: role.indicator.code });
        columns[j]!.push(Number.NaN);
        return;
      }
      const parsed = readValue(role.indicator, cell);
      if (typeof parsed === 'number') {
        columns[j]!.push(parsed);
      } else {
        columns[j]!.push(Number.NaN);
        at(c, parsed.code, parsed.message);
      }
    });
  }
  if (codes.length === 0 && problems.length === 0) {
    problems.push({
      ...base,
      row: 0,
      column: '',
      value: '',
      code: 'NO_ROWS',
      message: '表中没有单位数据',
    });
  }
  const values = new Map<string, Float64Array>();
  const letters: Record<string, string> = {};
  indicatorColumns.forEach(({ role, c }, j) => {
    values.set(role.indicator.code, Float64Array.from(columns[j]!));
    letters[role.indicator.code] = columnLetter(c + 1);
  });
  const sheet: Sheet = { codes, names, groups, values };
  const layout: SheetLayout = {
    ...base,
    rows: rowOf,
    codeColumn: columnLetter((codeColumn ?? 0) + 1),
    columns: letters,
    cleared,
  };
  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.kept,
      total: problems.length,
      counts: problems.counts,
      ...(codeColumn === undefined ? {} : { partial: { sheet, layout } }),
    };
  }
  return { ok: true, sheet, layout };
}

/**
 * A unit code as text: numbers (XLSX) as their digits, full-width forms normalized, and the
 * apostrophe an export put before a code like `-1` (so it never starts a formula) taken off.
 */
function normalizeCode(cell: Cell): string {
  const text = normalize(cellText(cell));
  return text.startsWith("'") && startsFormula(text.slice(1)) ? text.slice(1) : text;
}

/** The value of one cell for an indicator: a number (NaN when empty) or the problem. */
function readValue(indicator: Indicator, cell: Cell): number | { code: string; message: string } {
  const text = cellText(cell);
  if (text === '') return Number.NaN;
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
    return {
      code: 'NOT_A_NUMBER',
      message: `单元格是错误值 ${cell.error}`,
    };
  }
  let value: number | undefined;
  if (indicator.kind === 'veto') {
    const lower = normalize(text).toLowerCase();
    if (VETO_YES.includes(lower)) value = 1;
    else if (VETO_NO.includes(lower)) value = 0;
    else
      return {
        code: 'BAD_VETO',
        message: `一票否决只能填 1/0、是/否 或 true/false，不能是「${text}」`,
      };
  } else if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    const read = readNumberText(cell);
    const refused = read && percentProblem(indicator, read);
    if (refused) return refused;
    value = read?.value;
  }
  if (value === undefined) {
    return { code: 'NOT_A_NUMBER', message: `不是数字「${text}」` };
  }
  const problem = checkValue(indicator, value);
  return problem ?? value;
}
