import ExcelJS from 'exceljs';
import type { AssessedUnit, Scheme } from '../core/assessment.ts';
import { escapeFormula } from './csv.ts';

/** Text for a cell: never the start of a formula (DESIGN §4). */
const text = (s: string) => escapeFormula(s);

/**
 * The assessment as a workbook: the ranking per class with grades and each line's points; then
 * every unit's explanation line by line (the lines add up to the total, as in the API); then each
 * contest component round by round.
 */
export async function assessmentWorkbook(
  title: string,
  scheme: Scheme,
  units: AssessedUnit[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Leitai 擂台';
  const sheet = book.addWorksheet('综合考核', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const ratings = scheme.ratings ?? [];
  const header = [
    '名次',
    '单位',
    '等次',
    '总分',
    '类别',
    ...scheme.components.map((c) => `${c.title}（×${c.weight}）`),
    ...ratings.map((r) => `${r.name}（×${r.weight}）`),
    '红旗',
    '黄旗',
    '红黄旗得分',
    '加减分',
    '一票否决',
  ];
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell(1, 1).value = text(title);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow(header).font = { bold: true };
  for (const u of units) {
    sheet.addRow([
      u.rank,
      text(u.name),
      text(u.grade),
      u.total,
      text(u.className),
      ...u.components.map((c) => c.contribution),
      ...u.ratings.map((r) => r.contribution),
      u.red,
      u.yellow,
      u.flagPoints,
      u.adjustmentPoints,
      u.vetoed ? '是' : '',
    ]);
  }
  const wide = 5 + scheme.components.length + ratings.length;
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 16 : i >= 5 && i < wide ? 22 : 10;
  });
  sheet.headerFooter.oddFooter = '第 &P 页，共 &N 页';

  const lines = book.addWorksheet('得分说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.addRow(['单位', '类别', '项目', '说明', '计入总分']).font = { bold: true };
  for (const u of units) {
    for (const l of u.lines)
      lines.addRow([text(u.name), text(u.className), text(l.label), text(l.detail), l.points]);
    const total = lines.addRow([
      text(u.name),
      text(u.className),
      '合计',
      `第${u.rank}名，${u.grade}`,
      u.total,
    ]);
    total.font = { bold: true };
  }
  lines.columns.forEach((column, i) => {
    column.width = i === 3 ? 60 : i === 2 ? 30 : 14;
  });

  const detail = book.addWorksheet('逐期得分', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.addRow([
    '单位',
    '考核项目',
    '权重',
    '期次',
    '名次',
    '得分',
    '折算分',
    '旗帜',
    '项目得分',
    '计入总分',
  ]).font = { bold: true };
  for (const u of units) {
    for (const c of u.components) {
      if (c.rounds.length === 0)
        detail.addRow([
          text(u.name),
          text(c.title),
          c.weight,
          '—',
          null,
          null,
          null,
          null,
          c.points,
          c.contribution,
        ]);
      for (const r of c.rounds) {
        const flag = r.flag === 'red' ? '红旗' : r.flag === 'yellow' ? '黄旗' : '';
        detail.addRow([
          text(u.name),
          text(c.title),
          c.weight,
          r.period,
          r.rank,
          r.total,
          r.points,
          flag,
          c.points,
          c.contribution,
        ]);
      }
    }
  }
  detail.columns.forEach((column, i) => {
    column.width = i === 1 ? 30 : 12;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
