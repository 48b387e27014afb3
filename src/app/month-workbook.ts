// The month workbook (DESIGN §7 my month): one XLSX with a sheet per contest and round the user
// fills or scores this month, each the round's own fill-in template, and a 目录 sheet first that
// names every sheet's round. Imported back all or nothing: every sheet read and checked exactly
// as the round's own import checks it, every problem of every sheet reported in one pass (sheet,
// row, cell), and only when there is none are all sheets written, in one transaction.
import { DomainError } from '../core/errors.ts';
import { periodLabel } from '../core/period.ts';
import { acceptsEntries, ROUND_STATE_NAMES } from '../core/round-state.ts';
import { findContest } from '../db/contest.repository.ts';
import { findRound } from '../db/round.repository.ts';
import { escapeFormula } from '../io/csv.ts';
import { gridCellText, readGrid, readXlsxGrids } from '../io/score-sheet.ts';
import { addTemplateSheet, CLEAR_MARKERS } from '../io/template-xlsx.ts';
import { rubricOfRound } from './compute-round.ts';
import { type AppContext, inTransaction } from './context.ts';
import { type MonthQuery, myMonth } from './me.ts';
import { requireUser } from './policies/gate.ts';
import {
  type CellProblem,
  CONTENT_TYPES,
  checkPreparedSheet,
  type Download,
  IMPORT_MAX_BYTES,
  type ImportSummary,
  type PreparedSheet,
  prepareSheet,
  refused,
  templateInputFor,
  writePreparedSheet,
} from './sheets.ts';

export const INDEX_SHEET = '目录';
const KEYWORD = 'leitai-month:';
/** Columns of the 目录 sheet; the round's number is what import keys on. */
const INDEX_HEAD = ['序号', '工作表', '擂台赛', '期次', '任务', '截止时间', '期次编号'];

/** A worksheet name Excel accepts: ≤ 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetNameFor(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, '_').replace(/^'|'$/g, '_') || '擂台赛';
  let name = clean.slice(0, 31);
  for (let k = 2; taken.has(name) || name === INDEX_SHEET; k++) {
    const suffix = `（${k}）`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}

/** The user's month as one workbook: 目录, then a sheet per round to fill or score. */
export async function monthWorkbook(ctx: AppContext, query: MonthQuery): Promise<Download> {
  requireUser(ctx);
  const month = await myMonth(ctx, query);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Leitai 擂台';
  workbook.title = `${month.periodLabel} 合并填报表`;
  workbook.keywords = `${KEYWORD}${month.period}`;
  const index = workbook.addWorksheet(INDEX_SHEET);
  index.columns = [8, 32, 36, 14, 10, 20, 10].map((width) => ({ width }));
  const title = index.addRow([`${month.periodLabel} 合并填报表`]);
  title.font = { bold: true, size: 14 };
  index.addRow([
    '每个擂台赛一张工作表，只填浅黄色单元格；空白表示不修改，填「清空」删除已填数值。工作表不能改名、删除或新增；上传时逐表逐格检查，有一处问题则全部不导入。',
  ]);
  index.mergeCells(2, 1, 2, 7);
  index.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  index.getRow(2).height = 45;
  const head = index.addRow(INDEX_HEAD);
  head.font = { bold: true };
  const taken = new Set<string>();
  let n = 0;
  // One sheet per round: reporting and scoring in the same round share its template.
  const seen = new Set<number>();
  for (const item of month.fill) {
    if (seen.has(item.round.id)) continue;
    seen.add(item.round.id);
    const made = await templateInputFor(ctx, String(item.round.id));
    if (!made) continue;
    const tasks = month.fill
      .filter((f) => f.round.id === item.round.id)
      .map((f) => (f.task === 'report' ? '填报' : '评分'))
      .join('、');
    const name = sheetNameFor(
      item.round.carriedOver ? `${item.contest.title}${item.round.period}` : item.contest.title,
      taken,
    );
    await addTemplateSheet(workbook, made.input, name);
    n++;
    index.addRow(
      [
        n,
        name,
        item.contest.title,
        item.round.periodLabel,
        tasks,
        item.round.deadline ? item.round.deadline.slice(0, 10) : '',
        item.round.id,
      ].map((v) => (typeof v === 'string' ? escapeFormula(v) : v)),
    );
  }
  if (n === 0) {
    throw new DomainError('NOTHING_TO_FILL', `${month.periodLabel}没有需要您填报或评分的期次`, {
      params: { periodLabel: month.periodLabel },
    });
  }
  await index.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    filename: `${month.periodLabel}-合并填报表.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    bytes: Buffer.from(buffer as ArrayBuffer),
  };
}

const fileProblem = (sheet: string | null, code: string, message: string): CellProblem => ({
  sheet,
  row: 0,
  column: '',
  cell: null,
  value: '',
  code,
  message,
});

export interface MonthImportSummary {
  sheets: (ImportSummary & { sheet: string; contest: string })[];
  written: number;
}

/**
 * Imports a filled month workbook, all or nothing across every sheet: a renamed, removed or
 * added sheet, a round no longer open, and every bad cell of every sheet are reported together;
 * nothing is written unless the whole workbook is clean.
 */
export async function importMonthWorkbook(
  ctx: AppContext,
  file: { filename: string; bytes: Uint8Array },
): Promise<MonthImportSummary> {
  requireUser(ctx);
  if (file.bytes.length > IMPORT_MAX_BYTES) {
    throw new DomainError(
      'FILE_TOO_LARGE',
      `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 的上限`,
      { params: { limit: IMPORT_MAX_BYTES / 1024 / 1024, unit: 'MB' }, limit: IMPORT_MAX_BYTES },
    );
  }
  if (!file.filename.toLowerCase().endsWith('.xlsx')) {
    throw refused([
      fileProblem(null, 'UNSUPPORTED_FILE', `合并填报表只能是 .xlsx 文件：${file.filename}`),
    ]);
  }
  const read = await readXlsxGrids(file.bytes);
  if ('problem' in read) throw refused([fileProblem(null, 'UNREADABLE', read.problem)]);
  const grids = new Map(read.grids.map((g) => [g.sheet ?? '', g]));
  const index = grids.get(INDEX_SHEET);
  if (!index || !read.keywords.includes(KEYWORD)) {
    throw refused([
      fileProblem(
        null,
        'NOT_MONTH_WORKBOOK',
        `这不是「我的本月」下载的合并填报表（缺少「${INDEX_SHEET}」工作表），请重新下载`,
      ),
    ]);
  }
  // The 目录: the rows under its header name each sheet and its round.
  const listed: { sheet: string; roundId: number; contest: string; row: number }[] = [];
  const headAt = index.rows.findIndex((_, r) => gridCellText(index, r, 1) === INDEX_HEAD[1]);
  for (let r = headAt + 1; headAt >= 0 && r < index.rows.length; r++) {
    const sheet = gridCellText(index, r, 1);
    const roundId = Number(gridCellText(index, r, 6));
    if (sheet === '' && !roundId) continue;
    listed.push({
      sheet,
      roundId: Number.isInteger(roundId) ? roundId : 0,
      contest: gridCellText(index, r, 2),
      row: index.rowNumbers[r]!,
    });
  }
  const problems: CellProblem[] = [];
  let beyondTotal = 0;
  const beyondCounts: Record<string, number> = {};
  if (listed.length === 0) {
    problems.push(
      fileProblem(INDEX_SHEET, 'NOT_MONTH_WORKBOOK', `「${INDEX_SHEET}」工作表是空的，请重新下载`),
    );
  }
  const names = new Set(listed.map((l) => l.sheet));
  for (const g of read.grids) {
    const name = g.sheet ?? '';
    if (name === INDEX_SHEET || names.has(name)) continue;
    problems.push(
      fileProblem(
        name,
        'UNKNOWN_SHEET',
        `工作表「${name}」不在「${INDEX_SHEET}」中：工作表不能改名或新增，请用原来的名称`,
      ),
    );
  }
  type Work = {
    sheet: string;
    contestTitle: string;
    round: NonNullable<Awaited<ReturnType<typeof findRound>>>;
    contest: NonNullable<Awaited<ReturnType<typeof findContest>>>;
    rubric: Awaited<ReturnType<typeof rubricOfRound>>;
    prepared: PreparedSheet;
  };
  const work: Work[] = [];
  for (const l of listed) {
    const grid = grids.get(l.sheet);
    if (!grid) {
      problems.push(
        fileProblem(
          l.sheet,
          'SHEET_MISSING',
          `「${INDEX_SHEET}」第${l.row}行的工作表「${l.sheet}」（${l.contest}）不见了：被改名或删除；请恢复原名，或重新下载`,
        ),
      );
      continue;
    }
    const round = l.roundId ? await findRound(ctx.db, l.roundId) : undefined;
    const contest = round ? await findContest(ctx.db, round.contestId) : undefined;
    if (!round || !contest) {
      problems.push(
        fileProblem(
          l.sheet,
          'ROUND_GONE',
          `工作表「${l.sheet}」对应的擂台赛（${l.contest}）已不存在，请重新下载`,
        ),
      );
      continue;
    }
    if (!acceptsEntries(round.state)) {
      problems.push(
        fileProblem(
          l.sheet,
          'ROUND_CLOSED',
          `工作表「${l.sheet}」：${contest.title}（${periodLabel(round.period)}）已${ROUND_STATE_NAMES[round.state]}，不能再导入，请删去这张表的数据或重新下载`,
        ),
      );
      continue;
    }
    const rubric = await rubricOfRound(ctx.db, round);
    const sheetRead = readGrid(grid, rubric, {
      requireAllIndicators: false,
      clearMarkers: CLEAR_MARKERS,
    });
    const prepared = await prepareSheet(ctx, contest, sheetRead);
    work.push({ sheet: l.sheet, contestTitle: contest.title, round, contest, rubric, prepared });
  }
  const order = [INDEX_SHEET, ...listed.map((l) => l.sheet)];
  return inTransaction(ctx, async (tx) => {
    const checked = [];
    for (const w of work) {
      const current = (await findRound(tx.db, w.round.id))!;
      if (!acceptsEntries(current.state)) {
        problems.push(
          fileProblem(w.sheet, 'ROUND_CLOSED', `工作表「${w.sheet}」：此期已不再接受填报`),
        );
        continue;
      }
      const result = await checkPreparedSheet(tx, current, w.contest, w.rubric, w.prepared);
      // A loop, not push(...): a sheet's problems can run to thousands.
      for (const problem of w.prepared.problems) problems.push(problem);
      beyondTotal += w.prepared.beyond.total;
      for (const [code, c] of Object.entries(w.prepared.beyond.counts)) {
        beyondCounts[code] = (beyondCounts[code] ?? 0) + c;
      }
      checked.push({ w, current, result });
    }
    if (problems.length || beyondTotal) {
      throw refused(problems, false, { total: beyondTotal, counts: beyondCounts }, order);
    }
    const sheets: MonthImportSummary['sheets'] = [];
    for (const { w, current, result } of checked) {
      const summary = await writePreparedSheet(
        tx,
        current,
        w.contest,
        result.checked!,
        `${file.filename}#${w.sheet}`,
        w.prepared,
      );
      sheets.push({ ...summary, sheet: w.sheet, contest: w.contestTitle });
    }
    return { sheets, written: sheets.reduce((n, s) => n + s.written, 0) };
  });
}
