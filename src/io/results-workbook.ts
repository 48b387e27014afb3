// A round's results as the server exports them: the XLSX a county office prints and files (the
// ranking with red/yellow fills, totals, every indicator's value, score and rank, movement, a frozen
// header, landscape print layout fitted to the page width with title and page numbers) plus the
// DESIGN §4 data sheet, and the §4 CSV. Built from the stored results the API serves, so the files
// agree with GET /rounds/:id/results. No text cell ever starts a formula.
import type { IndicatorCell, UnitResultDetail } from '../core/rank-round.ts';
import type { Indicator, Rubric } from '../core/rubric.ts';
import { escapeFormula, stringifyCsv } from './csv.ts';
import { formatPoints } from './results-file.ts';
import { pointsLabel } from './template-xlsx.ts';

export type ReportCell = IndicatorCell;

/** One unit's stored result: the engine's presented unit (what the API serves), gaps aside. */
export type ReportUnit = Omit<UnitResultDetail, 'gapToNext' | 'gapToRed'>;

/** Everything the results workbook and the bulletin say about a round. */
export interface RoundReport {
  contestTitle: string;
  /** The organizer unit's name: the issuing unit. */
  organizer: string;
  period: string;
  periodLabel: string;
  /** 已发布, 公示中 … */
  stateName: string;
  published: boolean;
  revision: number;
  /** The document's date in Chinese: 2026年7月3日. */
  date: string;
  /** Not yet published: marked 征求意见稿. */
  draft: boolean;
  rubric: Rubric;
  /** In the API's order: by group, then rank, then code. */
  units: ReportUnit[];
  /** The lead office of each indicator (the organizer when none is named). */
  leads: Readonly<Record<string, string>>;
  /** Published practices (经验做法) of the round. */
  practices: { unit: string; title: string; summary: string }[];
}

/** `2026-07-03T02:00:00Z` → `2026年7月3日`, the date in China (UTC+8, no daylight saving). */
export function chineseDate(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** ↑2, ↓1, 持平, or — with no previous round. */
export function movementText(u: Pick<ReportUnit, 'rankChange' | 'previousRank'>): string {
  if (u.rankChange === null || u.previousRank === null) return '—';
  if (u.rankChange > 0) return `↑${u.rankChange}`;
  if (u.rankChange < 0) return `↓${-u.rankChange}`;
  return '持平';
}

export function flagText(flag: ReportUnit['flag']): string {
  return flag === 'red' ? '红旗' : flag === 'yellow' ? '黄旗' : '';
}

/** True when the round ranks its units in more than one group (分类设榜). */
export function hasGroups(report: RoundReport): boolean {
  return new Set(report.units.map((u) => u.group)).size > 1;
}

const noFormula = (v: string | number | null) => (typeof v === 'string' ? escapeFormula(v) : v);

// --- DESIGN §4 table ------------------------------------------------------------------------

type Kind = 'text' | 'points' | 'plain';

/** The §4 results table: code,name,group,total,rank,flag,vetoed,missing then value/score/rank per indicator. */
export function reportTable(report: RoundReport): {
  header: string[];
  kinds: Kind[];
  rows: (string | number | boolean | null)[][];
} {
  const header = ['code', 'name', 'group', 'total', 'rank', 'flag', 'vetoed', 'missing'];
  const kinds: Kind[] = ['text', 'text', 'text', 'points', 'plain', 'text', 'plain', 'text'];
  for (const { code } of report.rubric.indicators) {
    header.push(`${code}.value`, `${code}.score`, `${code}.rank`);
    kinds.push('plain', 'points', 'plain');
  }
  const rows = report.units.map((u) => [
    u.code,
    u.name,
    u.group,
    u.total,
    u.rank,
    u.flag ?? '',
    u.vetoed,
    u.missing.join(';'),
    ...report.rubric.indicators.flatMap(({ code }) => {
      const cell = u.indicators[code];
      return [cell?.value ?? null, cell?.score ?? null, cell?.rank ?? null];
    }),
  ]);
  return { header, kinds, rows };
}

/** The §4 CSV: UTF-8 with a BOM (Excel and WPS read the Chinese right), CRLF, formula-safe. */
export function reportCsv(report: RoundReport): string {
  const table = reportTable(report);
  const precision = report.rubric.precision;
  return `\uFEFF${stringifyCsv([table.header, ...table.rows], (n, column) =>
    table.kinds[column] === 'points' ? formatPoints(n, precision) : String(n),
  )}`;
}

// --- The workbook ---------------------------------------------------------------------------

const FILLS = {
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
} as const;
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** `第 1 页，共 3 页`-style header/footer text needs `&` doubled. */
const headerText = (s: string) => s.replaceAll('&', '&&');

export function reportTitle(report: RoundReport): string {
  return `${report.contestTitle} ${report.periodLabel} 成绩排名${report.draft ? '（征求意见稿）' : ''}`;
}

/**
 * The results workbook: sheet 成绩排名 to read and print, sheet `results` with the DESIGN §4
 * columns for machines.
 */
export async function resultsWorkbook(report: RoundReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Leitai 擂台';
  workbook.title = reportTitle(report);
  const groups = hasGroups(report);
  const precision = report.rubric.precision;
  const pointsFormat = precision === 0 ? '0' : `0.${'0'.repeat(precision)}`;
  const indicators: Indicator[] = report.rubric.indicators;

  const fixed: { header: string; width: number }[] = [
    { header: '名次', width: 6 },
    ...(groups ? [{ header: '总名次', width: 7 }] : []),
    { header: '编码', width: 14 },
    { header: '单位', width: 18 },
    ...(groups ? [{ header: '分组', width: 8 }] : []),
    { header: '总分', width: 9 },
    { header: '红黄旗', width: 7 },
    { header: '上期名次', width: 8 },
    { header: '名次变化', width: 8 },
    { header: '备注', width: 14 },
  ];
  const nameColumn = fixed.findIndex((f) => f.header === '单位') + 1;
  const width = fixed.length + indicators.length * 3;
  const ws = workbook.addWorksheet('成绩排名', {
    views: [{ state: 'frozen', xSplit: nameColumn, ySplit: 4 }],
    properties: { defaultRowHeight: 18 },
  });
  ws.columns = [
    ...fixed.map((f) => ({ width: f.width })),
    ...indicators.flatMap(() => [{ width: 9 }, { width: 8 }, { width: 6 }]),
  ];

  const title = ws.getRow(1);
  title.getCell(1).value = noFormula(reportTitle(report));
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  ws.mergeCells(1, 1, 1, width);
  const sub = ws.getRow(2);
  sub.getCell(1).value = noFormula(
    `组织单位：${report.organizer}　　状态：${report.stateName}${report.revision > 0 ? `（第${report.revision}次更正）` : ''}　　日期：${report.date}`,
  );
  sub.getCell(1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);

  const head = ws.getRow(3);
  const subHead = ws.getRow(4);
  fixed.forEach((f, c) => {
    head.getCell(c + 1).value = f.header;
    ws.mergeCells(3, c + 1, 4, c + 1);
  });
  indicators.forEach((indicator, j) => {
    const col = fixed.length + 1 + j * 3;
    head.getCell(col).value = noFormula(
      `${indicator.code} ${indicator.name}（${pointsLabel(indicator)}）`,
    );
    ws.mergeCells(3, col, 3, col + 2);
    subHead.getCell(col).value = '数值';
    subHead.getCell(col + 1).value = '得分';
    subHead.getCell(col + 2).value = '名次';
  });
  for (const row of [head, subHead]) {
    row.height = row === head ? 36 : 18;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      cell.border = BORDER;
    }
  }

  for (const u of report.units) {
    const remarks = [
      u.vetoed ? '一票否决' : '',
      u.missing.length ? `缺报 ${u.missing.join('、')}` : '',
    ].filter(Boolean);
    const values: (string | number | null)[] = [
      u.rank,
      ...(groups ? [u.overallRank] : []),
      u.code,
      u.name,
      ...(groups ? [u.group] : []),
      u.total,
      flagText(u.flag),
      u.previousRank,
      movementText(u),
      remarks.join('；'),
    ];
    for (const indicator of indicators) {
      const cell = u.indicators[indicator.code];
      const value =
        indicator.kind === 'veto' && cell?.value !== null && cell?.value !== undefined
          ? cell.value === 1
            ? '是'
            : '否'
          : (cell?.value ?? null);
      values.push(value, cell?.score ?? null, cell?.rank ?? null);
    }
    const row = ws.addRow(values.map(noFormula));
    const look = u.flag ? FILLS[u.flag] : undefined;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { horizontal: c === nameColumn ? 'left' : 'center', vertical: 'middle' };
      if (look) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: look.fill } };
        cell.font = { color: { argb: look.font }, bold: c === nameColumn };
      }
    }
    const totalColumn = fixed.findIndex((f) => f.header === '总分') + 1;
    row.getCell(totalColumn).numFmt = pointsFormat;
    indicators.forEach((_, j) => {
      row.getCell(fixed.length + 2 + j * 3).numFmt = pointsFormat;
    });
  }

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '3:4',
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"&12${headerText(reportTitle(report))}`,
    oddFooter: '&C第 &P 页，共 &N 页',
  };

  // The DESIGN §4 columns, for anyone who computes on the numbers.
  const table = reportTable(report);
  const data = workbook.addWorksheet('results', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  data.columns = table.header.map((h, c) => ({
    width: c === 1 ? 20 : Math.max(10, h.length + 2),
    style: table.kinds[c] === 'points' ? { numFmt: pointsFormat } : {},
  }));
  data.addRow(table.header.map(noFormula)).font = { bold: true };
  for (const row of table.rows) {
    data.addRow(row.map((v) => (typeof v === 'string' ? escapeFormula(v) : v)));
  }
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
