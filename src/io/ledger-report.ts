// The monthly 调度 report of the project ledger (DESIGN §9): an XLSX with a summary sheet (lights
// and investment by responsible unit and by kind) and the projects listed unit by unit with their
// lights, and a DOCX brief in the shape of an official notice (the fonts, sizes, margins and page
// numbers of the round's 通报, bulletin-docx.ts).
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Light } from '../core/ledger.ts';
import {
  BULLETIN_FONTS,
  blank,
  body,
  font,
  heading,
  numeral,
  pageNumberFooter,
  SIZE,
} from './bulletin-docx.ts';
import { escapeFormula } from './csv.ts';

export interface LedgerReportProject {
  code: string;
  name: string;
  kindName: string;
  stateName: string;
  unitCode: string;
  unitName: string;
  owner: string | null;
  totalInvestment: number;
  yearPlanned: number;
  ytdPlanned: number;
  ytdCompleted: number;
  monthPlanned: number | null;
  monthCompleted: number | null;
  totalCompleted: number;
  light: Light | null;
  lightReasons: string[];
  openProblems: number;
  overdueProblems: number;
}

export interface LedgerReport {
  month: string;
  /** `2026年6月`. */
  monthLabel: string;
  /** The day the lights are computed as of (the month's last day, or today within it). */
  asOf: string;
  /** The issuing office (项目办) and the date of issue, `2026年7月3日`. */
  office: string;
  date: string;
  projects: LedgerReportProject[];
}

export interface ReportGroup {
  key: string;
  name: string;
  projects: number;
  red: number;
  yellow: number;
  green: number;
  yearPlanned: number;
  ytdPlanned: number;
  ytdCompleted: number;
  /** Year-to-date completion against the year-to-date plan, in percent (null without a plan). */
  rate: number | null;
  openProblems: number;
  overdueProblems: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const rateOf = (done: number, plan: number) => (plan > 0 ? round1((done / plan) * 100) : null);

/** Totals of the projects grouped by `keyOf`, in first-seen order. */
export function groupReport(
  projects: LedgerReportProject[],
  keyOf: (p: LedgerReportProject) => [string, string],
): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const p of projects) {
    const [key, name] = keyOf(p);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        name,
        projects: 0,
        red: 0,
        yellow: 0,
        green: 0,
        yearPlanned: 0,
        ytdPlanned: 0,
        ytdCompleted: 0,
        rate: null,
        openProblems: 0,
        overdueProblems: 0,
      };
      groups.set(key, g);
    }
    g.projects++;
    if (p.light) g[p.light]++;
    g.yearPlanned += p.yearPlanned;
    g.ytdPlanned += p.ytdPlanned;
    g.ytdCompleted += p.ytdCompleted;
    g.openProblems += p.openProblems;
    g.overdueProblems += p.overdueProblems;
  }
  for (const g of groups.values()) g.rate = rateOf(g.ytdCompleted, g.ytdPlanned);
  return [...groups.values()];
}

export const byUnit = (projects: LedgerReportProject[]) =>
  groupReport(projects, (p) => [p.unitCode, p.unitName]);
export const byKind = (projects: LedgerReportProject[]) =>
  groupReport(projects, (p) => [p.kindName, p.kindName]);

export const reportTitle = (r: Pick<LedgerReport, 'monthLabel'>) =>
  `关于${r.monthLabel}全县重点项目调度情况的通报`;

const LIGHT_TEXT: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
const LIGHT_FILL: Record<Light, string> = { red: 'FFC7CE', yellow: 'FFEB9C', green: 'C6EFCE' };
const text = (v: string | null | undefined) => escapeFormula(v ?? '');
const money = (n: number) => round1(n);

/** The report workbook: 汇总 (by unit, by kind) and 分单位明细 (projects unit by unit, with lights). */
export async function ledgerReportXlsx(report: LedgerReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leitai 擂台';
  wb.title = reportTitle(report);
  const thin = { style: 'thin' as const };
  const border = { top: thin, bottom: thin, left: thin, right: thin };

  const summary = wb.addWorksheet('汇总');
  summary.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
  summary.addRow([`统计截至${report.asOf}，金额单位：万元`]);
  const groupHeader = [
    '项目数',
    '红灯',
    '黄灯',
    '绿灯',
    '年度计划投资',
    '序时计划投资',
    '累计完成投资',
    '完成率（%）',
    '未销号问题',
    '逾期问题',
  ];
  const writeGroups = (title: string, first: string, groups: ReportGroup[]) => {
    summary.addRow([]);
    summary.addRow([title]).font = { bold: true };
    const h = summary.addRow([first, ...groupHeader]);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.border = border;
    });
    const all = groupReport(report.projects, () => ['', '合计'])[0];
    for (const g of [...groups, ...(all ? [all] : [])]) {
      const row = summary.addRow([
        text(g.name),
        g.projects,
        g.red,
        g.yellow,
        g.green,
        money(g.yearPlanned),
        money(g.ytdPlanned),
        money(g.ytdCompleted),
        g.rate,
        g.openProblems,
        g.overdueProblems,
      ]);
      if (g === all) row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = border;
      });
      if (g.red > 0) {
        row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      }
      if (g.yellow > 0) {
        row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
      }
    }
  };
  writeGroups('一、分单位情况', '责任单位', byUnit(report.projects));
  writeGroups('二、分类别情况', '项目类别', byKind(report.projects));
  summary.getColumn(1).width = 28;
  for (let c = 2; c <= 11; c++) summary.getColumn(c).width = 13;

  const detail = wb.addWorksheet('分单位明细');
  const header = [
    '序号',
    '项目编号',
    '项目名称',
    '类别',
    '库状态',
    '业主单位',
    '总投资',
    '年度计划',
    '本月计划',
    '本月完成',
    '序时计划',
    '年度累计完成',
    '完成率（%）',
    '开工以来累计完成',
    '灯',
    '亮灯原因',
    '未销号问题',
    '逾期问题',
  ];
  detail.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
  detail.addRow([`按责任单位列示，统计截至${report.asOf}，金额单位：万元`]);
  const head = detail.addRow(header);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.border = border;
  });
  detail.views = [{ state: 'frozen', ySplit: 3 }];
  for (const unit of byUnit(report.projects)) {
    const title = detail.addRow([
      `${text(unit.name)}（${unit.projects}个项目：红灯${unit.red}、黄灯${unit.yellow}、绿灯${unit.green}）`,
    ]);
    title.font = { bold: true };
    detail.mergeCells(title.number, 1, title.number, header.length);
    let n = 0;
    for (const p of report.projects.filter((x) => x.unitCode === unit.key)) {
      const row = detail.addRow([
        ++n,
        text(p.code),
        text(p.name),
        p.kindName,
        p.stateName,
        text(p.owner),
        money(p.totalInvestment),
        money(p.yearPlanned),
        p.monthPlanned === null ? null : money(p.monthPlanned),
        p.monthCompleted === null ? null : money(p.monthCompleted),
        money(p.ytdPlanned),
        money(p.ytdCompleted),
        rateOf(p.ytdCompleted, p.ytdPlanned),
        money(p.totalCompleted),
        p.light ? LIGHT_TEXT[p.light] : '—',
        text(p.lightReasons.join('；')),
        p.openProblems,
        p.overdueProblems,
      ]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = border;
      });
      if (p.light) {
        row.getCell(15).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${LIGHT_FILL[p.light]}` },
        };
      }
    }
  }
  const widths = [6, 14, 30, 12, 10, 24, 10, 10, 10, 10, 10, 12, 10, 14, 6, 40, 10, 10];
  widths.forEach((w, i) => {
    detail.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- the DOCX brief ------------------------------------------------------------------------

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(value: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: escapeFormula(value),
            bold,
            font: font(bold ? BULLETIN_FONTS.heading : BULLETIN_FONTS.body),
            size: SIZE.table,
          }),
        ],
      }),
    ],
  });
}

function table(headers: string[], widths: number[], rows: string[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, c) => cell(h, widths[c]!, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, children: r.map((v, c) => cell(v, widths[c]!, false)) }),
      ),
    ],
  });
}

const fmt = (n: number) => String(round1(n));
const pct = (r: number | null) => (r === null ? '—' : `${r}%`);

/** The brief's overall paragraph (also what a test reads back from the printed PDF). */
export function overallText(report: LedgerReport): string {
  const all = groupReport(report.projects, () => ['', '全县'])[0];
  if (!all) return `${report.monthLabel}，台账中暂无在库项目。`;
  const kinds = byKind(report.projects)
    .map((k) => `${k.name}${k.projects}个`)
    .join('、');
  return `截至${report.asOf}，全县纳入台账调度的项目共${all.projects}个（${kinds}），年度计划投资${fmt(all.yearPlanned)}万元，序时计划${fmt(all.ytdPlanned)}万元，累计完成投资${fmt(all.ytdCompleted)}万元，完成率${pct(all.rate)}。亮红灯${all.red}个、黄灯${all.yellow}个、绿灯${all.green}个；未销号问题${all.openProblems}个，其中逾期${all.overdueProblems}个。`;
}

/** The brief (.docx): overall, by unit, red-light projects, problems, requirements. */
export async function ledgerBriefDocx(report: LedgerReport): Promise<Buffer> {
  const title = reportTitle(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240, line: 700, lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({
          text: escapeFormula(title),
          font: font(BULLETIN_FONTS.title),
          size: SIZE.title,
        }),
      ],
    }),
    body('各乡镇（街道）、县直有关部门，各项目专班：', { indent: false }),
    body(
      `为推动重点项目建设，按照“日常跟踪、过程服务、定期研判、台账管理”的工作要求，${report.office}对${report.monthLabel}全县重点项目推进情况进行了调度，现将有关情况通报如下。`,
    ),
  ];
  let section = 0;
  children.push(heading(`${numeral(section++)}、总体情况`, 1));
  children.push(body(overallText(report)));

  const units = byUnit(report.projects);
  if (units.length) {
    children.push(heading(`${numeral(section++)}、分单位推进情况`, 1));
    children.push(
      table(
        ['责任单位', '项目数', '累计完成（万元）', '完成率', '红灯', '黄灯', '逾期问题'],
        [2245, 900, 1700, 1100, 900, 900, 1100],
        units.map((u) => [
          u.name,
          String(u.projects),
          fmt(u.ytdCompleted),
          pct(u.rate),
          String(u.red),
          String(u.yellow),
          String(u.overdueProblems),
        ]),
      ),
    );
  }

  const reds = report.projects.filter((p) => p.light === 'red');
  children.push(heading(`${numeral(section++)}、亮红灯项目`, 1));
  if (reds.length) {
    reds.forEach((p, k) => {
      children.push(
        body(
          `${k + 1}. ${p.unitName}${p.name}（${p.kindName}）：${p.lightReasons.join('；') || '滞后'}。`,
        ),
      );
    });
  } else {
    children.push(body('本月没有项目亮红灯。'));
  }

  const overdue = units.filter((u) => u.overdueProblems > 0);
  children.push(heading(`${numeral(section++)}、问题办理情况`, 1));
  children.push(
    body(
      overdue.length
        ? `${overdue.map((u) => `${u.name}${u.overdueProblems}个`).join('、')}问题超过办结时限未销号，请抓紧办理。`
        : '本月没有超过办结时限未销号的问题。',
    ),
  );

  children.push(heading(`${numeral(section++)}、下步要求`, 1));
  children.push(
    body(
      '亮红灯、黄灯项目的责任单位和专班要逐项分析滞后原因，制定赶进措施，明确完成时限；对交办、督办的问题要按时限办结销号。各单位要如实填报月度完成投资和节点进度，确保台账数据真实准确。',
    ),
  );
  children.push(body('特此通报。'));
  children.push(blank(), blank());
  children.push(body(report.office, { align: 'right' }));
  children.push(body(report.date, { align: 'right' }));

  const doc = new Document({
    creator: 'Leitai 擂台',
    title,
    styles: {
      default: { document: { run: { font: font(BULLETIN_FONTS.body), size: SIZE.body } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
