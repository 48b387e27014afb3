// Excel and Word round trip (DESIGN §4): the fill-in template of a round, the all-or-nothing
// import of a filled sheet (every cell checked exactly as PUT entries checks it), the results
// workbook and CSV, and the bulletin (通报).
//
// Import semantics: an empty cell leaves the stored value unchanged; a cell reading 清空 (or
// `clear`) clears it. Cells equal to the stored value are checked but not rewritten. Versions are
// not used: the import is checked against the current values, in one transaction.
import { DomainError } from '../core/errors.ts';
import { periodLabel } from '../core/period.ts';
import { acceptsEntries, hasResults, ROUND_STATE_NAMES } from '../core/round-state.ts';
import type { Rubric } from '../core/rubric.ts';
import type { Contest } from '../db/contest.repository.ts';
import {
  findRubricVersionById,
  listEvaluators,
  listParticipants,
} from '../db/contest.repository.ts';
import { listPractices } from '../db/practice.repository.ts';
import type { Round } from '../db/round.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { bulletinDocx, bulletinTitle } from '../io/bulletin-docx.ts';
import {
  chineseDate,
  type RoundReport,
  reportCsv,
  resultsWorkbook,
} from '../io/results-workbook.ts';
import { htmlToText } from '../io/sanitize-html.ts';
import {
  formatSheetProblem,
  MAX_REPORTED_PROBLEMS,
  ProblemList,
  readScoreSheet,
  type SheetProblem,
  type SheetRead,
  sheetFormatOf,
} from '../io/score-sheet.ts';
import {
  CLEAR_MARKERS,
  type TemplateInput,
  templateRoundOf,
  templateXlsx,
} from '../io/template-xlsx.ts';
import { inspectZip, readZipEntry } from '../io/zip-guard.ts';
import { recordExport } from './audit.ts';
import { computeRound, rubricOfRound } from './compute-round.ts';
import { requireContest } from './contests.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import {
  checkItems,
  type EntryItem,
  getEntries,
  type ItemProblem,
  roundClosed,
  writeEntries,
} from './entries.ts';
import { mayImportSheet, roundAccess } from './policies/round.ts';
import { getResults, type ResultsView, requireRound } from './rounds.ts';

/** Largest sheet accepted for import. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface Download {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A cell problem as the API reports it: DESIGN §5 details.problems. */
export interface CellProblem {
  /** The worksheet's name; null for CSV. */
  sheet: string | null;
  /** 1-based row as the user sees it (header = 1); 0 for the whole file. */
  row: number;
  /** The column's header: an indicator code, `code`, or the header as written. */
  column: string;
  /** Spreadsheet address such as `C5`, when there is one. */
  cell: string | null;
  value: string;
  code: string;
  /** Chinese, with the English beside. */
  message: string;
}

export interface ImportSummary {
  roundId: number;
  /** Unit rows read. */
  rows: number;
  /** Non-empty cells checked. */
  cells: number;
  /** Cells whose value changed (including cleared ones). */
  written: number;
  /** Cells equal to the stored value, left as they were. */
  unchanged: number;
  cleared: number;
}

/** A file name without the characters Windows refuses. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
}

export function cellProblem(p: SheetProblem): CellProblem {
  return {
    sheet: p.sheet ?? null,
    row: p.row,
    column: p.column,
    cell: p.cell ?? null,
    value: p.value,
    code: p.code,
    message: p.message,
  };
}

/** `工作表「填报表」 第3行 A1列 (C3): …`, as the CLI prints it. */
export function formatCellProblem(p: CellProblem): string {
  return formatSheetProblem({
    ...(p.sheet ? { sheet: p.sheet } : {}),
    row: p.row,
    column: p.column,
    ...(p.cell ? { cell: p.cell } : {}),
    value: p.value,
    code: p.code,
    message: p.message,
  });
}

/** Row, then column (B before AA), as a person reads the sheet. */
function byPosition(a: CellProblem, b: CellProblem): number {
  const letters = (p: CellProblem) => /^[A-Z]+/.exec(p.cell ?? '')?.[0] ?? '';
  const la = letters(a);
  const lb = letters(b);
  return a.row - b.row || la.length - lb.length || la.localeCompare(lb);
}

/**
 * The whole file refused: BAD_FILE when the file itself is, INVALID_SHEET for bad cells. The
 * report lists the first MAX_REPORTED_PROBLEMS problems by position and counts every problem by
 * code (`counts` adds what lists dropped beyond their own cap), so it stays small.
 */
export function refused(
  problems: CellProblem[],
  forbidden = false,
  beyond: { total: number; counts: Record<string, number> } = { total: 0, counts: {} },
  /** Workbooks of several sheets: problems sorted by sheet in this order first. */
  sheetOrder: readonly (string | null)[] = [],
): DomainError {
  const order = (p: CellProblem) => {
    const k = sheetOrder.indexOf(p.sheet);
    return k < 0 ? -1 : k;
  };
  problems.sort((a, b) => order(a) - order(b) || byPosition(a, b));
  const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
  const counts: Record<string, number> = { ...beyond.counts };
  for (const p of problems) counts[p.code] = (counts[p.code] ?? 0) + 1;
  const n = problems.length + beyond.total;
  const first = listed[0];
  if (first && problems.every((p) => p.row === 0) && beyond.total === 0) {
    return new DomainError('BAD_FILE', first.message, { problems: listed });
  }
  const where = first ? `（${formatCellProblem(first)}${n > 1 ? ' 等' : ''}）` : '';
  const more = n > listed.length ? `；列出前 ${listed.length} 处` : '';
  return new DomainError(
    forbidden ? 'FORBIDDEN' : 'INVALID_SHEET',
    `表中有 ${n} 处问题，整个文件未导入${where}${more}`,
    { params: { total: n }, problems: listed, total: n, counts, truncated: n > listed.length },
  );
}

/** The lead office (牵头单位) of every indicator: its named evaluator, else the organizer. */
async function leads(
  ctx: AppContext,
  contest: Contest,
  rubric: Rubric,
): Promise<Record<string, string>> {
  const organizer = await findUnit(ctx.db, contest.organizerUnitId);
  const named = new Map(
    (await listEvaluators(ctx.db, contest.id)).map((e) => [e.indicator_code, e.name]),
  );
  return Object.fromEntries(
    rubric.indicators.map((i) => [i.code, named.get(i.code) ?? organizer?.name ?? '']),
  );
}

// --- Template ---------------------------------------------------------------------------------

/**
 * The fill-in template for the signed-in user: the units × indicators they may fill (as GET
 * entries reports them editable), prefilled with the stored values.
 */
export async function roundTemplate(ctx: AppContext, roundId: string): Promise<Download> {
  const made = await templateInputFor(ctx, roundId);
  if (!made) {
    throw new DomainError('FORBIDDEN', '本期没有您可以填报的单元格', {
      params: { reason: 'nothingToFill' },
    });
  }
  const { input, contest, label } = made;
  return {
    filename: safeName(`${contest.title}-${label}-填报模板.xlsx`),
    contentType: CONTENT_TYPES.xlsx,
    bytes: await templateXlsx(input),
  };
}

/**
 * What the actor's template of a round holds (the units × indicators they may fill, prefilled),
 * or undefined when they may fill nothing; shared by the round's template and the month workbook.
 */
export async function templateInputFor(ctx: AppContext, roundId: string) {
  // Reading the entries is the permission check (401 / 403 for those who may not see them).
  const entries = await getEntries(ctx, roundId);
  const round = await requireRound(ctx.db, roundId);
  const contest = await requireContest(ctx.db, round.contestId);
  if (!acceptsEntries(round.state)) throw roundClosed(round);
  const { editable } = entries;
  const participants = await listParticipants(ctx.db, contest.id);
  const units =
    editable.units === 'all'
      ? participants
      : participants.filter((p) => (editable.units as string[]).includes(p.code));
  if (editable.indicators.length === 0 || units.length === 0) return undefined;
  const version = await findRubricVersionById(ctx.db, round.rubricVersionId);
  const rubric = version!.rubric;
  const values = new Map<string, number>();
  for (const e of entries.items) {
    if (e.value !== null) values.set(`${e.unit}:${e.indicator}`, e.value);
  }
  const label = periodLabel(round.period);
  const input: TemplateInput = {
    roundId: round.id,
    contestTitle: contest.title,
    periodLabel: label,
    rubric,
    rubricVersion: version!.version,
    units: units.map((u) => ({ code: u.code, name: u.name, group: u.group })),
    indicators: rubric.indicators
      .map((i) => i.code)
      .filter((code) => editable.indicators.includes(code)),
    values,
    leads: await leads(ctx, contest, rubric),
    showGroups: new Set(participants.map((p) => p.group)).size > 1,
  };
  return { input, round, contest, label };
}

// --- Import -----------------------------------------------------------------------------------

/**
 * Imports a filled sheet (.xlsx or .csv) into a round, all or nothing: every cell is checked
 * against the rubric and the actor's permissions exactly as PUT entries checks them, and any
 * problem refuses the whole file with every bad cell named.
 */
export async function importSheet(
  ctx: AppContext,
  roundId: string,
  file: { filename: string; bytes: Uint8Array },
): Promise<ImportSummary> {
  if (file.bytes.length > IMPORT_MAX_BYTES) {
    throw new DomainError(
      'FILE_TOO_LARGE',
      `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 的上限`,
      { params: { limit: IMPORT_MAX_BYTES / 1024 / 1024, unit: 'MB' }, limit: IMPORT_MAX_BYTES },
    );
  }
  const format = sheetFormatOf(file.filename);
  if (!format) {
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `只能导入 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）：${file.filename}`,
      { params: { reason: 'sheetKind', file: file.filename } },
    );
  }
  // Who may import at all is known before the file is read: no parsing for strangers.
  const round = await requireRound(ctx.db, roundId);
  const contest = await requireContest(ctx.db, round.contestId);
  const access = await roundAccess(ctx, contest);
  const rubric = await rubricOfRound(ctx.db, round);
  if (!mayImportSheet(access, rubric)) {
    throw new DomainError('FORBIDDEN', '您不能向此期导入数据');
  }
  if (!acceptsEntries(round.state)) throw roundClosed(round);

  if (format === 'xlsx') {
    const zip = inspectZip(file.bytes);
    if (zip.ok) {
      const core = readZipEntry(file.bytes, zip.entries, 'docProps/core.xml');
      const madeFor = core ? templateRoundOf(core.toString('utf8')) : undefined;
      if (madeFor !== undefined && madeFor !== round.id) {
        throw refused([
          {
            sheet: null,
            row: 0,
            column: '',
            cell: null,
            value: '',
            code: 'WRONG_ROUND',
            message: `这是第 ${madeFor} 期的填报模板，不能导入第 ${round.id} 期（${periodLabel(round.period)}），请下载本期模板`,
          },
        ]);
      }
    }
  }
  const read = await readScoreSheet(file.bytes, { format }, rubric, {
    requireAllIndicators: false,
    clearMarkers: CLEAR_MARKERS,
  });
  // One pass (DESIGN §4): even when cells are bad, the rows that could be read are checked
  // against the participants and the actor's permissions, so one report names every problem.
  if (!read.ok && !read.partial) {
    throw refused(read.problems.map(cellProblem), false, beyondListed(read));
  }
  const prepared = await prepareSheet(ctx, contest, read);
  return inTransaction(ctx, async (tx) => {
    const current = await requireRound(tx.db, round.id);
    if (!acceptsEntries(current.state)) throw roundClosed(current);
    const { checked, forbidden } = await checkPreparedSheet(tx, current, contest, rubric, prepared);
    if (prepared.problems.length || prepared.beyond.total || !checked) {
      throw refused(prepared.problems, forbidden, prepared.beyond);
    }
    return writePreparedSheet(tx, current, contest, checked, file.filename, prepared);
  });
}

/** A read sheet turned into entry items, with the problems found so far (cells, unknown units). */
export interface PreparedSheet {
  rows: number;
  cells: number;
  items: EntryItem[];
  /** Where each item sits in the file, to name its cell when checkItems refuses it. */
  refs: CellProblem[];
  problems: CellProblem[];
  beyond: { total: number; counts: Record<string, number> };
}

/** Checks a read sheet's units against the contest's participants and lists the cells to write. */
export async function prepareSheet(
  ctx: AppContext,
  contest: Contest,
  read: SheetRead,
): Promise<PreparedSheet> {
  if (!read.ok && !read.partial) {
    return {
      rows: 0,
      cells: 0,
      items: [],
      refs: [],
      problems: read.problems.map(cellProblem),
      beyond: beyondListed(read),
    };
  }
  const { sheet, layout } = read.ok ? read : read.partial!;
  const sheetProblems = read.ok ? [] : read.problems.map(cellProblem);
  const sheetBeyond = read.ok ? { total: 0, counts: {} } : beyondListed(read);
  const sheetName = layout.sheet ?? null;

  const participants = new Set((await listParticipants(ctx.db, contest.id)).map((p) => p.code));
  const unknown = new ProblemList<CellProblem>();
  const items: EntryItem[] = [];
  const refs: CellProblem[] = [];
  const cleared = new Set(layout.cleared.map((c) => `${c.unit}:${c.indicator}`));
  const indicators = [...sheet.values.keys()];
  const seenCodes = new Set<string>();
  let cells = 0;
  sheet.codes.forEach((code, i) => {
    const row = layout.rows[i]!;
    const at = (column: string, letter: string, value: string) => ({
      sheet: sheetName,
      row,
      column,
      cell: `${letter}${row}`,
      value,
    });
    // An empty or repeated code is already reported by the reader.
    if (code === '' || seenCodes.has(code)) return;
    seenCodes.add(code);
    const known = participants.has(code);
    if (!known) {
      unknown.push({
        ...at('code', layout.codeColumn, code),
        code: 'UNKNOWN_UNIT',
        message: `「${code}」不是本擂台赛的参赛单位`,
      });
    }
    for (const indicator of indicators) {
      const value = sheet.values.get(indicator)![i]!;
      const clear = cleared.has(`${i}:${indicator}`);
      if (Number.isNaN(value) && !clear) continue;
      cells++;
      if (!known) continue;
      items.push({ unit: code, indicator, value: clear ? null : value });
      refs.push({
        ...at(indicator, layout.columns[indicator]!, clear ? CLEAR_MARKERS[0] : String(value)),
        code: '',
        message: '',
      });
    }
  });
  const problems: CellProblem[] = [...sheetProblems, ...unknown.kept];
  const beyond = {
    total: sheetBeyond.total + unknown.length - unknown.kept.length,
    counts: { ...sheetBeyond.counts },
  };
  for (const [code, count] of Object.entries(unknown.counts)) {
    const dropped = count - unknown.kept.filter((p) => p.code === code).length;
    if (dropped > 0) beyond.counts[code] = (beyond.counts[code] ?? 0) + dropped;
  }
  return { rows: sheet.codes.length, cells, items, refs, problems, beyond };
}

/**
 * Checks the prepared items as PUT entries would, inside the caller's transaction (the round
 * read under its lock); refused cells are added to `prepared.problems`. `forbidden` when every
 * refusal is a permission one.
 */
export async function checkPreparedSheet(
  tx: AppContext,
  round: Round,
  contest: Contest,
  rubric: Rubric,
  prepared: PreparedSheet,
) {
  const txAccess = await roundAccess(tx, contest);
  let checked: Awaited<ReturnType<typeof checkItems>> | undefined;
  let onlyPermission = false;
  try {
    checked = await checkItems(tx.db, round, rubric, txAccess, prepared.items, 'direct');
  } catch (error) {
    const listed = (error as DomainError).details as { problems?: ItemProblem[] } | undefined;
    if (!(error instanceof DomainError) || !listed?.problems) throw error;
    onlyPermission = error.code === 'FORBIDDEN';
    for (const p of listed.problems) {
      prepared.problems.push({ ...prepared.refs[p.index]!, code: p.code, message: p.message });
    }
  }
  const forbidden = onlyPermission && prepared.problems.every((p) => p.code === 'NOT_PERMITTED');
  return { checked, forbidden };
}

/** Writes checked cells (those that change), with the audit event and fresh results. */
export async function writePreparedSheet(
  tx: AppContext,
  current: Round,
  contest: Contest,
  checked: NonNullable<Awaited<ReturnType<typeof checkPreparedSheet>>['checked']>,
  filename: string,
  prepared: PreparedSheet,
): Promise<ImportSummary> {
  // Cells equal to what is stored are checked but not rewritten: no new version, no noise.
  const writes = checked.writes.filter((w) => {
    const old = checked.existing.get(`${w.unitId}:${w.indicator}`);
    return old ? old.value !== w.value : w.value !== null;
  });
  await writeEntries(tx, current, { writes, existing: checked.existing });
  await audit(tx, {
    action: 'entries.import',
    entityType: 'round',
    entityId: current.id,
    unitId: contest.organizerUnitId,
    before: writes
      .map((w) => checked.existing.get(`${w.unitId}:${w.indicator}`))
      .filter((e) => e !== undefined)
      .map((e) => ({ unit: e.unitId, indicator: e.indicator, value: e.value })),
    after: {
      file: filename,
      entries: writes.map((w) => ({ unit: w.unitId, indicator: w.indicator, value: w.value })),
    },
  });
  if (writes.length && hasResults(current.state)) {
    await computeRound(tx.db, current, current.revision);
  }
  return {
    roundId: current.id,
    rows: prepared.rows,
    cells: prepared.cells,
    written: writes.length,
    unchanged: checked.writes.length - writes.length,
    cleared: writes.filter((w) => w.value === null).length,
  };
}

/** What a reader's capped list left out: the problems beyond the listed ones, by code. */
function beyondListed(read: {
  problems: unknown[];
  total?: number;
  counts?: Record<string, number>;
}): { total: number; counts: Record<string, number> } {
  const total = (read.total ?? read.problems.length) - read.problems.length;
  if (total === 0) return { total: 0, counts: {} };
  const counts = { ...(read.counts ?? {}) };
  for (const p of read.problems as { code: string }[]) counts[p.code] = (counts[p.code] ?? 0) - 1;
  for (const code of Object.keys(counts)) if (counts[code]! <= 0) delete counts[code];
  return { total, counts };
}

// --- Results and bulletin ---------------------------------------------------------------------

async function roundReport(
  ctx: AppContext,
  round: Round,
  contest: Contest,
  view: ResultsView,
): Promise<RoundReport> {
  const rubric = await rubricOfRound(ctx.db, round);
  const organizer = await findUnit(ctx.db, contest.organizerUnitId);
  const practices = await listPractices(ctx.db, {
    roundId: round.id,
    publishedOnly: true,
    limit: 50,
    offset: 0,
  });
  const unitNames = new Map<number, string>();
  for (const p of practices.items) {
    if (!unitNames.has(p.unitId)) {
      unitNames.set(p.unitId, (await findUnit(ctx.db, p.unitId))?.name ?? '');
    }
  }
  const published = round.state === 'published';
  return {
    contestTitle: contest.title,
    organizer: organizer?.name ?? '',
    period: round.period,
    periodLabel: periodLabel(round.period),
    stateName: ROUND_STATE_NAMES[round.state],
    published,
    revision: view.revision,
    date: chineseDate(
      published && round.publishedAt ? new Date(round.publishedAt) : ctx.clock.now(),
    ),
    draft: !published,
    rubric,
    units: view.items,
    leads: await leads(ctx, contest, rubric),
    practices: [...practices.items]
      .sort((a, b) => a.id - b.id)
      .map((p) => ({
        unit: unitNames.get(p.unitId) ?? '',
        title: p.title,
        summary: p.summary ?? plainText(p.bodyHtml),
      })),
  };
}

/** A practice's body as one plain paragraph, for when it has no summary. */
function plainText(html: string): string {
  const text = htmlToText(html);
  return text.length > 300 ? `${text.slice(0, 300)}……` : text;
}

/**
 * The results as a file: the workbook (ranking + DESIGN §4 data), the §4 CSV, or the JSON of
 * GET results. Visible to exactly those who may read GET results.
 */
export async function resultsFile(
  ctx: AppContext,
  roundId: string,
  format: 'xlsx' | 'csv' | 'json',
  revision?: number,
): Promise<Download> {
  const view = await getResults(ctx, roundId, revision);
  const round = await requireRound(ctx.db, roundId);
  const contest = await requireContest(ctx.db, round.contestId);
  const base = safeName(`${contest.title}-${periodLabel(round.period)}-成绩`);
  if (format === 'json') {
    return {
      filename: `${base}.json`,
      contentType: CONTENT_TYPES.json,
      bytes: Buffer.from(`${JSON.stringify(view.items, null, 2)}\n`, 'utf8'),
    };
  }
  const report = await roundReport(ctx, round, contest, view);
  const download =
    format === 'xlsx'
      ? {
          filename: `${base}.xlsx`,
          contentType: CONTENT_TYPES.xlsx,
          bytes: await resultsWorkbook(report),
        }
      : {
          filename: `${base}.csv`,
          contentType: CONTENT_TYPES.csv,
          bytes: Buffer.from(reportCsv(report), 'utf8'),
        };
  await recordExport(ctx, {
    action: 'results.export',
    entityType: 'round',
    entityId: round.id,
    file: download.filename,
  });
  return download;
}

/**
 * The bulletin (通报): public once the round is published; during notice (公示) a draft marked
 * 征求意见稿 for those who manage the contest.
 */
export async function roundBulletin(ctx: AppContext, roundId: string): Promise<Download> {
  const round = await requireRound(ctx.db, roundId);
  const contest = await requireContest(ctx.db, round.contestId);
  if (round.state !== 'published') {
    const access = await roundAccess(ctx, contest);
    if (!access.manage) {
      throw new DomainError('FORBIDDEN', '通报发布后方可查看', {
        params: { reason: 'bulletinUnpublished' },
      });
    }
    if (round.state !== 'notice') {
      throw new DomainError(
        'ROUND_NOT_PUBLISHED',
        `${ROUND_STATE_NAMES[round.state]}：公示或发布后才能生成通报`,
        { params: { reason: 'bulletin', state: round.state }, state: round.state },
      );
    }
  }
  const view = await getResults(ctx, roundId);
  const report = await roundReport(ctx, round, contest, view);
  const download = {
    filename: safeName(`${bulletinTitle(report)}${report.draft ? '（征求意见稿）' : ''}.docx`),
    contentType: CONTENT_TYPES.docx,
    bytes: await bulletinDocx(report),
  };
  await recordExport(ctx, {
    action: 'bulletin.export',
    entityType: 'round',
    entityId: round.id,
    file: download.filename,
  });
  return download;
}
