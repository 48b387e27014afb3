// The round's bulletin (通报) as a .docx in the shape of a Chinese official notice (GB/T 9704 in
// spirit): title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line, first-level
// headings in 黑体 and second-level in 楷体_GB2312, A4 with the standard margins, the issuing unit
// and the date at the end, page numbers as — 1 —. Sections: summary with the red- and yellow-flag
// units, the ranking table(s), the leader of every indicator, the showcased practices, the
// closing requirements and 特此通报. Before publication it is marked 征求意见稿.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Indicator } from '../core/rubric.ts';
import { escapeFormula } from './csv.ts';
import { formatPoints } from './results-file.ts';
import {
  flagText,
  hasGroups,
  movementText,
  type ReportUnit,
  type RoundReport,
} from './results-workbook.ts';

/** The fonts of Chinese official documents (党政机关公文格式). */
export const BULLETIN_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

export const SIZE = { title: 44, body: 32, table: 24, pageNumber: 28 } as const; // half-points: 二号, 三号, 小四, 四号
export const LINE = 560; // 28 pt in twips, fixed

export const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/** `关于2026年6月基层党建重点任务擂台赛情况的通报`. */
export function bulletinTitle(report: Pick<RoundReport, 'periodLabel' | 'contestTitle'>): string {
  return `关于${report.periodLabel}${report.contestTitle}情况的通报`;
}

export const NUMERALS = '一二三四五六七八九十';
export const numeral = (k: number) => NUMERALS[k] ?? String(k + 1);

export function body(text: string, options: { indent?: boolean; align?: 'right' | 'left' } = {}) {
  return new Paragraph({
    alignment:
      options.align === 'right'
        ? AlignmentType.RIGHT
        : options.indent === false
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: font(BULLETIN_FONTS.body), size: SIZE.body })],
  });
}

export function heading(text: string, level: 1 | 2) {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({
        text,
        font: font(level === 1 ? BULLETIN_FONTS.heading : BULLETIN_FONTS.subheading),
        size: SIZE.body,
      }),
    ],
  });
}

export const blank = () =>
  new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: '', size: SIZE.body })],
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, options: { bold?: boolean; fill?: string; width: number }) {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.fill
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } }
      : {}),
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            // A table copied from Word into a spreadsheet must not start a formula either.
            text: escapeFormula(text),
            bold: options.bold ?? false,
            font: font(options.bold ? BULLETIN_FONTS.heading : BULLETIN_FONTS.body),
            size: SIZE.table,
          }),
        ],
      }),
    ],
  });
}

const FILL = { red: 'FFC7CE', yellow: 'FFEB9C' } as const;

/** The ranking table of one group: 名次 单位 总分 红黄旗 较上期. */
export function rankingTable(units: ReportUnit[], precision: number): Table {
  // A4 less the margins: 156 mm ≈ 8845 twips.
  const widths = [1000, 3045, 1400, 2000, 1400];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['名次', '单位', '总分', '红黄旗', '较上期'].map((t, c) =>
      cell(t, { bold: true, width: widths[c]! }),
    ),
  });
  const rows = units.map((u) => {
    const fill = u.flag ? FILL[u.flag] : undefined;
    const flag = [flagText(u.flag), u.vetoed ? '一票否决' : ''].filter(Boolean).join('、');
    return new TableRow({
      cantSplit: true,
      children: [
        String(u.rank),
        u.name,
        formatPoints(u.total, precision),
        flag,
        movementText(u),
      ].map((t, c) => cell(t, { width: widths[c]!, ...(fill ? { fill } : {}) })),
    });
  });
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
    rows: [header, ...rows],
  });
}

const joinNames = (units: ReportUnit[]) => units.map((u) => u.name).join('、');

/** The units ranked first on an indicator (ties all named), per group. */
function leaders(report: RoundReport, indicator: Indicator): ReportUnit[] {
  return report.units.filter((u) => u.indicators[indicator.code]?.rank === 1);
}

function summary(report: RoundReport): string[] {
  const units = report.units;
  const n = units.length;
  const precision = report.rubric.precision;
  const totals = units.map((u) => u.total);
  const reds = units.filter((u) => u.flag === 'red');
  const yellows = units.filter((u) => u.flag === 'yellow');
  const vetoed = units.filter((u) => u.vetoed);
  const lines: string[] = [];
  if (n > 0) {
    const avg = totals.reduce((a, b) => a + b, 0) / n;
    // Loops, not Math.max(...totals): a spread of every unit's total overflows the stack.
    const high = totals.reduce((a, b) => Math.max(b, a), Number.NEGATIVE_INFINITY);
    const low = totals.reduce((a, b) => Math.min(b, a), Number.POSITIVE_INFINITY);
    const best = units.filter((u) => u.total === high);
    const worst = units.filter((u) => u.total === low);
    lines.push(
      `本期共有${n}个单位参赛，平均得分${formatPoints(avg, precision)}分，最高${formatPoints(high, precision)}分（${joinNames(best)}），最低${formatPoints(low, precision)}分（${joinNames(worst)}）。`,
    );
  }
  lines.push(
    reds.length
      ? `${joinNames(reds)}${reds.length > 1 ? `等${reds.length}个单位` : ''}成绩突出，获得红旗，予以通报表扬。`
      : '本期没有单位获得红旗。',
  );
  lines.push(
    yellows.length
      ? `${joinNames(yellows)}${yellows.length > 1 ? `等${yellows.length}个单位` : ''}排名靠后，被亮黄旗。`
      : '本期没有单位被亮黄旗。',
  );
  if (vetoed.length) lines.push(`${joinNames(vetoed)}因触发一票否决事项，排在最后。`);
  return lines;
}

/** Builds the bulletin's .docx bytes. */
export async function bulletinDocx(report: RoundReport): Promise<Buffer> {
  const { rubric } = report;
  const precision = rubric.precision;
  const title = bulletinTitle(report);
  const children: (Paragraph | Table)[] = [];
  if (report.draft) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: '征求意见稿', font: font(BULLETIN_FONTS.heading), size: SIZE.body }),
        ],
      }),
    );
  }
  children.push(
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
  );
  const leadsNamed = new Set(Object.values(report.leads)).size > 1;
  children.push(body(leadsNamed ? '各参赛单位，各牵头单位：' : '各参赛单位：', { indent: false }));
  children.push(
    body(
      `按照《${report.contestTitle}》评分标准（${rubric.title}），${report.organizer}对${report.periodLabel}各参赛单位的工作情况进行了比拼打擂，经牵头单位评分、审核${report.published ? '和公示' : ''}，现将有关情况通报如下。`,
    ),
  );

  let section = 0;
  children.push(heading(`${numeral(section++)}、总体情况`, 1));
  for (const line of summary(report)) children.push(body(line));

  children.push(heading(`${numeral(section++)}、排名情况`, 1));
  if (hasGroups(report)) {
    const groups = [...new Set(report.units.map((u) => u.group))];
    groups.forEach((group, k) => {
      children.push(heading(`（${numeral(k)}）${group || '未分组'}`, 2));
      children.push(
        rankingTable(
          report.units.filter((u) => u.group === group),
          precision,
        ),
      );
    });
  } else {
    children.push(rankingTable(report.units, precision));
  }

  const ranked = rubric.indicators.filter((i) => i.kind === 'scored');
  if (ranked.length) {
    children.push(heading(`${numeral(section++)}、单项指标领先单位`, 1));
    ranked.forEach((indicator, k) => {
      const top = leaders(report, indicator);
      const lead = report.leads[indicator.code] ?? report.organizer;
      const who = top.length
        ? top
            .map((u) => {
              const score = u.indicators[indicator.code]?.score;
              const group = hasGroups(report) && u.group ? `${u.group}组` : '';
              return `${group}${u.name}（${score === null || score === undefined ? '—' : formatPoints(score, precision)}分）`;
            })
            .join('、')
        : '暂无';
      children.push(
        body(`${k + 1}. ${indicator.code} ${indicator.name}（牵头单位：${lead}）：${who}。`),
      );
    });
  }

  if (report.practices.length) {
    children.push(heading(`${numeral(section++)}、经验做法`, 1));
    report.practices.forEach((p, k) => {
      children.push(heading(`（${numeral(k)}）${p.unit}：${p.title}`, 2));
      if (p.summary) children.push(body(p.summary));
    });
  }

  children.push(heading(`${numeral(section++)}、下步要求`, 1));
  children.push(
    body(
      '获得红旗的单位要总结经验、再接再厉，持续发挥示范带动作用；被亮黄旗的单位要认真查找差距，深入分析原因，制定整改措施，确保下期赶上来。各单位要对标先进、比学赶超，推动各项重点任务落地见效。',
    ),
  );
  children.push(body('特此通报。'));
  children.push(blank(), blank());
  children.push(body(report.organizer, { align: 'right' }));
  children.push(body(report.date, { align: 'right' }));

  const doc = new Document({
    creator: 'Leitai 擂台',
    title,
    styles: {
      default: {
        document: { run: { font: font(BULLETIN_FONTS.body), size: SIZE.body } },
      },
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
        headers: report.draft
          ? {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [
                      new TextRun({
                        text: '征求意见稿（公示期间，以正式通报为准）',
                        font: font(BULLETIN_FONTS.heading),
                        size: SIZE.table,
                      }),
                    ],
                  }),
                ],
              }),
            }
          : {},
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The page number centred in the footer, — 1 —, as GB/T 9704 prints it; shared by every 通报. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(BULLETIN_FONTS.pageNumber),
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}
