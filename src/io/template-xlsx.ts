// The fill-in template of a round (填报模板): one row per unit and one column per indicator the
// downloader may fill, headers the score-sheet reader understands (`A1 村级活动场所标准化`), a
// note and a number/range validation on every indicator column, the code and name columns locked,
// and a second sheet that explains the rubric in Chinese. Also the rubric's wording in Chinese,
// shared by the results workbook and the bulletin.
import type { Worksheet } from 'exceljs';
import type { Indicator, Rubric } from '../core/rubric.ts';
import { escapeFormula } from './csv.ts';

export const TEMPLATE_SHEET = '填报表';
export const EXPLAIN_SHEET = '评分说明';
/** The cell text that clears a stored value on import; an empty cell leaves it unchanged. */
export const CLEAR_MARKERS = ['清空', 'clear'] as const;

const KEYWORD = 'leitai-round:';

/** The workbook keywords that tie a template to its round (read back on import). */
export function templateKeywords(roundId: number): string {
  return `${KEYWORD}${roundId}`;
}

/** The round a template was made for, from the workbook's keywords (docProps/core.xml). */
export function templateRoundOf(coreXml: string): number | undefined {
  const match = /leitai-round:(\d+)/.exec(coreXml);
  return match ? Number(match[1]) : undefined;
}

export interface TemplateUnit {
  code: string;
  name: string;
  group: string;
}

export interface TemplateInput {
  roundId: number;
  contestTitle: string;
  periodLabel: string;
  rubric: Rubric;
  rubricVersion: number;
  /** Rows, in order. */
  units: TemplateUnit[];
  /** Columns: codes of the indicators the downloader may fill, in rubric order. */
  indicators: string[];
  /** Whether a cell of the grid may be filled (default: every cell). Others are locked and grey. */
  editable?: (unit: string, indicator: string) => boolean;
  /** Stored values to prefill, by `unitCode:indicator`. */
  values: ReadonlyMap<string, number>;
  /** The lead office (牵头单位) of each indicator, by code. */
  leads: Readonly<Record<string, string>>;
  /** Show a 分组 column (contests with groups). */
  showGroups: boolean;
}

// --- The rubric in Chinese -------------------------------------------------------------------

const fmt = (n: number) => String(Number(n.toFixed(6)));

/** 人工评分, 目标值法 … 扣分项, 一票否决. */
export function methodLabel(indicator: Indicator): string {
  if (indicator.kind === 'veto') return '一票否决';
  if (indicator.kind !== 'scored') return indicator.kind === 'bonus' ? '加分项' : '扣分项';
  return {
    manual: '人工评分',
    target: '目标值法',
    relative: '比值法',
    range: '极差法',
    rank: '名次法',
    bands: '分档法',
  }[indicator.method];
}

/** How an indicator is scored, in one Chinese sentence (DESIGN §3). */
export function scoringRule(indicator: Indicator): string {
  if (indicator.kind === 'veto') {
    return '填「是」即一票否决：排在所有单位之后，亮黄旗，不得红旗。';
  }
  if (indicator.kind !== 'scored') {
    const verb = indicator.kind === 'bonus' ? '加' : '扣';
    const cap = indicator.cap === undefined ? '不设上限' : `最多${verb}${fmt(indicator.cap)}分`;
    return `每项${verb}${fmt(indicator.per)}分，${cap}。`;
  }
  const p = fmt(indicator.points);
  const lower = indicator.better === 'lower';
  switch (indicator.method) {
    case 'manual':
      return `由牵头单位直接评分，得分在0至${p}分之间。`;
    case 'target':
      return lower
        ? `得分 = ${p} × 目标值 ÷ 实际值（最高${p}分），目标值 ${fmt(indicator.target ?? 0)}，越低越好。`
        : `得分 = ${p} × 实际值 ÷ 目标值（最高${p}分），目标值 ${fmt(indicator.target ?? 0)}。`;
    case 'relative':
      return lower
        ? `得分 = ${p} × 组内最低值 ÷ 实际值，越低越好。`
        : `得分 = ${p} × 实际值 ÷ 组内最高值。`;
    case 'range':
      return lower
        ? `得分 = ${p} × (组内最高值 − 实际值) ÷ (最高值 − 最低值)，越低越好；全部相同得满分。`
        : `得分 = ${p} × (实际值 − 组内最低值) ÷ (最高值 − 最低值)；全部相同得满分。`;
    case 'rank':
      return `按实际值${lower ? '从低到高' : '从高到低'}排名，第1名得${p}分，每后一名减${fmt(indicator.step ?? 1)}分，最低${fmt(indicator.floor ?? 0)}分。`;
    case 'bands': {
      const bands = (indicator.bands ?? [])
        .map(([t, s]) => `${lower ? '不高于' : '达到'}${fmt(t)}得${fmt(s)}分`)
        .join('，');
      return `${bands}，都未达到得0分。`;
    }
  }
}

/** What a cell of the indicator takes. */
export function valueHint(indicator: Indicator): string {
  if (indicator.kind === 'veto') return '填「是」或「否」';
  if (indicator.kind !== 'scored') return '填项数（不小于0）';
  if (indicator.method === 'manual') return `填得分（0至${fmt(indicator.points)}）`;
  if (indicator.method === 'target' || indicator.method === 'relative') {
    return '填实际值（不小于0）';
  }
  return '填实际值';
}

/** `20分` for scored indicators; the adjustment's rule otherwise. */
export function pointsLabel(indicator: Indicator): string {
  if (indicator.kind === 'scored') return `${fmt(indicator.points)}分`;
  if (indicator.kind === 'veto') return '否决';
  const verb = indicator.kind === 'bonus' ? '加' : '扣';
  return indicator.cap === undefined
    ? `每项${verb}${fmt(indicator.per)}分`
    : `最多${verb}${fmt(indicator.cap)}分`;
}

/** The flag rules in Chinese. */
export function flagRuleText(rubric: Rubric): { red: string; yellow: string } {
  const { red, yellow } = rubric.flags;
  const redParts: string[] = [];
  if (red?.top !== undefined) redParts.push(`排名前${red.top}名`);
  if (red?.topPercent !== undefined) redParts.push(`排名前${fmt(red.topPercent)}%`);
  if (red?.minScore !== undefined) redParts.push(`总分不低于${fmt(red.minScore)}分`);
  const yellowParts: string[] = [];
  if (yellow?.bottom !== undefined) yellowParts.push(`排名后${yellow.bottom}名`);
  if (yellow?.bottomPercent !== undefined) yellowParts.push(`排名后${fmt(yellow.bottomPercent)}%`);
  if (yellow?.below !== undefined) yellowParts.push(`总分低于${fmt(yellow.below)}分`);
  return {
    red: redParts.length ? `${redParts.join('且')}的单位授红旗` : '不设红旗',
    yellow: `${yellowParts.length ? `${yellowParts.join('且')}的单位亮黄旗；` : ''}被一票否决的单位一律亮黄旗`,
  };
}

// --- The workbook ----------------------------------------------------------------------------

const FILL_EDITABLE = 'FFFFF2CC';
const FILL_LOCKED = 'FFE7E6E6';
const FILL_HEADER = 'FFDDEBF7';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The header of an indicator column: the code first (what the reader keys on), then name, points and method. */
export function indicatorHeader(indicator: Indicator): string {
  return `${indicator.code} ${indicator.name}\n${pointsLabel(indicator)} · ${methodLabel(indicator)}`;
}

type Validation = {
  type: 'list' | 'decimal';
  operator?: 'between' | 'greaterThanOrEqual';
  formulae: (string | number)[];
};

/** The validation of a column: a list for vetoes, a number range for the rest (DESIGN §3). */
function validationOf(indicator: Indicator): Validation {
  if (indicator.kind === 'veto') return { type: 'list', formulae: ['"是,否,清空"'] };
  if (indicator.kind === 'scored' && indicator.method === 'manual') {
    return { type: 'decimal', operator: 'between', formulae: [0, indicator.points] };
  }
  if (
    indicator.kind !== 'scored' ||
    indicator.method === 'target' ||
    indicator.method === 'relative'
  ) {
    return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] };
  }
  return { type: 'decimal', operator: 'between', formulae: [-1e12, 1e12] };
}

/**
 * Builds the template workbook. Text cells never start a formula; the sheet is protected without
 * a password (it prevents accidents, not a determined user: the server checks every cell anyway).
 */
export async function templateXlsx(input: TemplateInput): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Leitai 擂台';
  workbook.title = `${input.contestTitle} ${input.periodLabel} 填报模板`;
  workbook.keywords = templateKeywords(input.roundId);
  await addTemplateSheet(workbook, input, TEMPLATE_SHEET);
  explainSheet(workbook.addWorksheet(EXPLAIN_SHEET), input);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/**
 * Adds the fill-in sheet of one round to a workbook under the given name: the round's template,
 * or one sheet of the combined month workbook (a sheet per contest and round).
 */
export async function addTemplateSheet(
  workbook: import('exceljs').Workbook,
  input: TemplateInput,
  sheetName: string,
): Promise<Worksheet> {
  const { rubric } = input;
  const byCode = new Map(rubric.indicators.map((i) => [i.code, i]));
  const indicators = input.indicators.map((code) => {
    const indicator = byCode.get(code);
    if (!indicator) throw new Error(`unknown indicator ${code}`);
    return indicator;
  });

  const fixed = input.showGroups ? ['编码', '单位', '分组'] : ['编码', '单位'];
  const first = fixed.length + 1;
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: fixed.length, ySplit: 1 }],
  });
  ws.columns = [
    { width: 16 },
    { width: 22 },
    ...(input.showGroups ? [{ width: 10 }] : []),
    ...indicators.map(() => ({ width: 20 })),
  ];
  const header = ws.getRow(1);
  header.height = 48;
  fixed.forEach((text, c) => {
    header.getCell(c + 1).value = text;
  });
  indicators.forEach((indicator, j) => {
    const cell = header.getCell(first + j);
    cell.value = indicatorHeader(indicator);
    cell.note = {
      texts: [
        {
          text: [
            `${indicator.code} ${indicator.name}`,
            `分值：${pointsLabel(indicator)}（${methodLabel(indicator)}）`,
            `计分：${scoringRule(indicator)}`,
            `填写：${valueHint(indicator)}；空白表示不修改，填「清空」删除已填数值。`,
            `牵头单位：${input.leads[indicator.code] ?? ''}`,
            indicator.description ? `说明：${indicator.description}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        },
      ],
      editAs: 'absolute',
    };
  });
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_HEADER } };
    cell.border = BORDER;
  });

  input.units.forEach((unit, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = escapeFormula(unit.code);
    row.getCell(2).value = escapeFormula(unit.name);
    if (input.showGroups) row.getCell(3).value = escapeFormula(unit.group);
    for (let c = 1; c < first; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL_LOCKED } };
    }
    indicators.forEach((indicator, j) => {
      const cell = row.getCell(first + j);
      const stored = input.values.get(`${unit.code}:${indicator.code}`);
      if (stored !== undefined) {
        cell.value = indicator.kind === 'veto' ? (stored === 1 ? '是' : '否') : stored;
      }
      const open = input.editable?.(unit.code, indicator.code) ?? true;
      cell.border = BORDER;
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: open ? FILL_EDITABLE : FILL_LOCKED },
      };
      if (open) cell.protection = { locked: false };
    });
  });

  // One validation per column over every data row (exceljs writes it as one range).
  const last = input.units.length + 1;
  if (input.units.length > 0) {
    const validations = (ws as unknown as { dataValidations: { add(a: string, v: object): void } })
      .dataValidations;
    indicators.forEach((indicator, j) => {
      const letter = ws.getColumn(first + j).letter;
      validations.add(`${letter}2:${letter}${last}`, {
        ...validationOf(indicator),
        allowBlank: true,
        showInputMessage: true,
        promptTitle: `${indicator.code} ${indicator.name}`.slice(0, 32),
        prompt: `${valueHint(indicator)}。空白表示不修改，填「清空」删除已填数值。`.slice(0, 255),
        showErrorMessage: true,
        // A warning, not a stop: 「清空」 must get through; the server checks every cell anyway.
        errorStyle: 'warning',
        errorTitle: '数值不符合评分标准',
        error: `${indicator.code} ${valueHint(indicator)}。如要删除已填数值请填「清空」。`.slice(
          0,
          255,
        ),
      });
    });
  }
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  return ws;
}

/** The second sheet: how to fill the template and how the rubric scores, in Chinese. */
function explainSheet(ws: Worksheet, input: TemplateInput): void {
  const { rubric } = input;
  ws.columns = [
    { width: 8 },
    { width: 26 },
    { width: 10 },
    { width: 14 },
    { width: 60 },
    { width: 22 },
    { width: 18 },
    { width: 10 },
  ];
  const text = (row: (string | number)[]) =>
    ws.addRow(row.map((v) => (typeof v === 'string' ? escapeFormula(v) : v)));
  const title = text([`${input.contestTitle} · ${input.periodLabel} 评分说明`]);
  title.font = { bold: true, size: 16 };
  ws.mergeCells(title.number, 1, title.number, 8);
  text([`评分标准：${rubric.title}（第${input.rubricVersion}版，已提前发布）`]);
  text([]);
  text(['填报须知']).font = { bold: true, size: 12 };
  const rules = [
    `只填写「${TEMPLATE_SHEET}」中浅黄色的单元格；编码、单位名称已锁定，请勿改动，也不要增删行列或改动表头。`,
    '空白单元格表示「不修改」，已填的数值保持不变；如需删除已填的数值，请在单元格中填「清空」。',
    '数值直接填数字；比例可填 85% 或 0.85；一票否决填「是」或「否」。',
    '上传后系统逐格检查：只要有一格不合格，整个文件都不导入，并列出每个问题单元格（工作表、行、列、原因）。',
    '也可另存为 CSV（UTF-8 或 GBK/GB18030 编码均可）后上传；第一行须为表头。',
    `本模板只适用于本期（${input.periodLabel}），请勿用于其他期次。`,
  ];
  rules.forEach((rule, k) => {
    const row = text([`${k + 1}.`, rule]);
    ws.mergeCells(row.number, 2, row.number, 8);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  });
  text([]);
  text(['指标说明']).font = { bold: true, size: 12 };
  const head = text([
    '编码',
    '指标名称',
    '类型',
    '分值',
    '计分方法',
    '应填内容',
    '牵头单位',
    '本表可填',
  ]);
  head.font = { bold: true };
  const fillable = new Set(input.indicators);
  for (const indicator of rubric.indicators) {
    const row = text([
      indicator.code,
      indicator.name,
      methodLabel(indicator),
      pointsLabel(indicator),
      scoringRule(indicator) + (indicator.description ? ` ${indicator.description}` : ''),
      valueHint(indicator),
      input.leads[indicator.code] ?? '',
      fillable.has(indicator.code) ? '是' : '否',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  text([]);
  text(['排名与旗帜']).font = { bold: true, size: 12 };
  const flags = flagRuleText(rubric);
  const scored = rubric.indicators.filter((i) => i.kind === 'scored');
  const full = scored.reduce((n, i) => n + (i.kind === 'scored' ? i.points : 0), 0);
  const lines: [string, string][] = [
    ['满分', `${fmt(full)}分（加分、扣分另计）`],
    [
      '排名',
      rubric.ranking === 'dense'
        ? '按总分从高到低排名，并列不占位（1、2、2、3）'
        : '按总分从高到低排名，并列占位（1、2、2、4）',
    ],
    [
      '同分',
      rubric.tieBreak.length
        ? `总分相同时依次比较 ${rubric.tieBreak.join('、')} 的得分`
        : '总分相同者并列',
    ],
    ['小数', `得分和总分保留${rubric.precision}位小数（四舍五入）`],
    ['红旗', flags.red],
    ['黄旗', flags.yellow],
    ['缺报', '未填报的计分指标得0分'],
  ];
  for (const [label, value] of lines) {
    const row = text([label, value]);
    ws.mergeCells(row.number, 2, row.number, 8);
  }
}
