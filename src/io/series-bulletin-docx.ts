// A series' 通报 (the ten 党建 contests in one document) in GB/T 9704 form: the red masthead
// (版头) with the issuing office and the 发文字号 (沂组通〔2026〕12号) over a red rule, the title,
// the body (overall tallies, each contest's red and yellow units and its lowest score with the
// unit, what corrections changed), the 附件 list, the issuer and date, then each 附件 with its
// ranking table on its own page, and the 版记 (抄送, 印发机关 and 印发日期 between rules).
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import {
  BULLETIN_FONTS,
  blank,
  body,
  font,
  heading,
  LINE,
  numeral,
  pageNumberFooter,
  rankingTable,
  SIZE,
} from './bulletin-docx.ts';
import { escapeFormula } from './csv.ts';
import { formatPoints } from './results-file.ts';
import type { ReportUnit } from './results-workbook.ts';

const RED = 'E60000';

export interface UnitChange {
  name: string;
  before: { total: number; rank: number; flag: string | null };
  after: { total: number; rank: number; flag: string | null };
}

export interface SeriesContestReport {
  title: string;
  precision: number;
  /** In the API's order: by group, then rank. */
  units: ReportUnit[];
  /** Every correction of the round, oldest first. */
  corrections: { revision: number; reason: string; changes: UnitChange[] }[];
}

export interface SeriesReport {
  office: string;
  /** 沂组通〔2026〕12号; null on a draft (numbered once every round is published). */
  docNumber: string | null;
  seriesTitle: string;
  periodLabel: string;
  recipients: string;
  /** 2026年12月1日 */
  date: string;
  copyTo: string | null;
  printedBy: string;
  draft: boolean;
  contests: SeriesContestReport[];
}

export function seriesBulletinTitle(r: Pick<SeriesReport, 'periodLabel' | 'seriesTitle'>) {
  return `关于${r.periodLabel}${r.seriesTitle}情况的通报`;
}

const names = (units: { name: string }[]) => units.map((u) => u.name).join('、');
const flagName = (f: string | null) => (f === 'red' ? '红旗' : f === 'yellow' ? '黄旗' : '无');

function ruled(text: string, color: string, size: number, align: 'left' | 'both' = 'left') {
  return new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { left: 280, right: 280 },
    border: { bottom: { style: BorderStyle.SINGLE, size, color, space: 1 } },
    alignment: align === 'both' ? AlignmentType.DISTRIBUTE : AlignmentType.LEFT,
    children: [new TextRun({ text, font: font(BULLETIN_FONTS.body), size: 28 })],
  });
}

/** The 版记: 抄送 and 印发 between a thick first and last rule and a thin middle one. */
function imprint(r: SeriesReport): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
      children: [],
    }),
  ];
  if (r.copyTo) out.push(ruled(`抄送：${r.copyTo}。`, '000000', 4));
  out.push(
    new Paragraph({
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { left: 280, right: 280 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
      tabStops: [{ type: 'right', position: 8500 }],
      children: [
        new TextRun({
          text: `${r.printedBy}\t${r.date}印发`,
          font: font(BULLETIN_FONTS.body),
          size: 28,
        }),
      ],
    }),
  );
  return out;
}

function overall(r: SeriesReport): string[] {
  const all = r.contests.flatMap((c) => c.units);
  const red = all.filter((u) => u.flag === 'red');
  const yellow = all.filter((u) => u.flag === 'yellow');
  const distinct = (us: ReportUnit[]) => [...new Map(us.map((u) => [u.code, u])).values()];
  const redUnits = distinct(red);
  const yellowUnits = distinct(yellow);
  return [
    `本期${r.contests.length}项擂台赛共评出红旗${red.length}面、黄旗${yellow.length}面。${
      redUnits.length ? `红旗单位${redUnits.length}个：${names(redUnits)}。` : '没有单位获得红旗。'
    }${yellowUnits.length ? `黄旗单位${yellowUnits.length}个：${names(yellowUnits)}。` : '没有单位被亮黄旗。'}`,
  ];
}

function contestLine(c: SeriesContestReport): string {
  const totals = c.units.map((u) => u.total);
  if (!totals.length) return `${c.title}：本期无参赛单位。`;
  // Loops, not Math.max(...totals): a spread of a province's totals overflows the stack.
  const max = totals.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const min = totals.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const best = c.units.filter((u) => u.total === max);
  const worst = c.units.filter((u) => u.total === min);
  const red = c.units.filter((u) => u.flag === 'red');
  const yellow = c.units.filter((u) => u.flag === 'yellow');
  return `${c.title}：最高${formatPoints(max, c.precision)}分（${names(best)}），最低${formatPoints(min, c.precision)}分（${names(worst)}）；${
    red.length ? `红旗：${names(red)}` : '无红旗'
  }；${yellow.length ? `黄旗：${names(yellow)}` : '无黄旗'}。`;
}

function correctionLines(c: SeriesContestReport): string[] {
  return c.corrections.map((k) => {
    const what = k.changes.length
      ? k.changes
          .map((x) => {
            const parts = [`总分${x.before.total}分更正为${x.after.total}分`];
            if (x.before.rank !== x.after.rank)
              parts.push(`名次由第${x.before.rank}名变为第${x.after.rank}名`);
            if (x.before.flag !== x.after.flag)
              parts.push(`${flagName(x.before.flag)}变为${flagName(x.after.flag)}`);
            return `${x.name}${parts.join('，')}`;
          })
          .join('；')
      : '各单位总分、名次和红黄旗均无变化';
    return `${c.title}第${k.revision}次更正（${k.reason}）：${what}。`;
  });
}

const pageBreak = () => new Paragraph({ pageBreakBefore: true, children: [] });

/** Builds the series bulletin's .docx bytes. */
export async function seriesBulletinDocx(r: SeriesReport): Promise<Buffer> {
  const title = seriesBulletinTitle(r);
  const children: (Paragraph | Table)[] = [];
  // 版头: the office in red over the document number and a red rule.
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400, after: 400 },
      children: [
        new TextRun({
          text: r.office,
          font: font(BULLETIN_FONTS.title),
          size: 80,
          color: RED,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [
        new TextRun({
          text: r.docNumber ?? '（征求意见稿，发布后编号）',
          font: font(BULLETIN_FONTS.body),
          size: SIZE.body,
        }),
      ],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 240 },
      children: [
        new TextRun({
          text: escapeFormula(title),
          font: font(BULLETIN_FONTS.title),
          size: SIZE.title,
        }),
      ],
    }),
    body(r.recipients, { indent: false }),
    body(
      `按照${r.seriesTitle}工作安排，各牵头单位对${r.periodLabel}${r.contests.length}项擂台赛进行了评分，经审核${r.draft ? '' : '、公示'}，现将有关情况通报如下。`,
    ),
  );
  let section = 0;
  children.push(heading(`${numeral(section++)}、总体情况`, 1));
  for (const line of overall(r)) children.push(body(line));
  children.push(heading(`${numeral(section++)}、各擂台赛情况`, 1));
  for (const [k, c] of r.contests.entries()) children.push(body(`${k + 1}. ${contestLine(c)}`));
  const corrections = r.contests.flatMap(correctionLines);
  if (corrections.length) {
    children.push(heading(`${numeral(section++)}、更正说明`, 1));
    for (const line of corrections) children.push(body(line));
  }
  children.push(heading(`${numeral(section++)}、下步要求`, 1));
  children.push(
    body(
      '获得红旗的单位要总结经验、再接再厉；被亮黄旗的单位要在15日内提交整改表态和整改措施，连续两期被亮黄旗的单位主要负责同志将被约谈。各单位要对标先进、比学赶超。',
    ),
  );
  children.push(body('特此通报。'));
  children.push(blank());
  // 附件说明: 附件：1. … one per line, aligned under the first.
  for (const [k, c] of r.contests.entries()) {
    const lead = k === 0 ? '附件：' : '\u3000\u3000\u3000';
    children.push(body(`${lead}${k + 1}. ${c.title}${r.periodLabel}排名表`));
  }

  children.push(blank(), blank());
  children.push(body(r.office, { align: 'right' }));
  children.push(body(r.date, { align: 'right' }));
  // The 附件, each on a page of its own.
  r.contests.forEach((c, k) => {
    children.push(pageBreak());
    children.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `附件${k + 1}`,
            font: font(BULLETIN_FONTS.heading),
            size: SIZE.body,
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 240 },
        children: [
          new TextRun({
            text: escapeFormula(`${c.title}${r.periodLabel}排名表`),
            font: font(BULLETIN_FONTS.title),
            size: 36,
          }),
        ],
      }),
      rankingTable(c.units, c.precision),
    );
  });
  children.push(blank(), ...imprint(r));

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
