import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import { readScoreSheet } from './score-sheet.ts';
import {
  CLEAR_MARKERS,
  EXPLAIN_SHEET,
  flagRuleText,
  scoringRule,
  TEMPLATE_SHEET,
  type TemplateInput,
  templateRoundOf,
  templateXlsx,
} from './template-xlsx.ts';
import { inspectZip, readZipEntry } from './zip-guard.ts';

const parsed = parseRubric(`title: 乡村振兴擂台赛
tieBreak: [A1]
indicators:
  - { code: A1, name: 人居环境整治, points: 30, method: manual }
  - { code: A2, name: 集体经济收入, points: 20, method: target, target: 10 }
  - { code: A3, name: 后备干部, points: 10, method: relative, better: lower }
  - { code: A4, name: 满意度, points: 10, method: range }
  - { code: A5, name: 发展党员, points: 10, method: rank, step: 2, floor: 1 }
  - { code: A6, name: 教育覆盖率, points: 20, method: bands, bands: [[0.95, 20], [0.9, 15]] }
  - { code: B1, name: 环境问题, kind: deduction, per: 2, cap: 10 }
  - { code: B2, name: 创新, kind: bonus, per: 1 }
  - { code: V1, name: 安全事故, kind: veto }
flags:
  red: { topPercent: 20, minScore: 80 }
  yellow: { bottom: 1, below: 60 }
`);
const rubric = (parsed.ok ? parsed.rubric : undefined) as Rubric;

const input = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  roundId: 12,
  contestTitle: '乡村振兴擂台赛',
  periodLabel: '2026年6月',
  rubric,
  rubricVersion: 2,
  units: [
    { code: '371323104201', name: '尧崖头村', group: '' },
    { code: '-9', name: '=HYPERLINK("x")', group: '' },
  ],
  indicators: rubric.indicators.map((i) => i.code),
  values: new Map([
    ['371323104201:A1', 25],
    ['371323104201:V1', 1],
  ]),
  leads: { A1: '县委组织部' },
  showGroups: false,
  ...over,
});

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the fill-in template', () => {
  it('reads back through the score-sheet reader: headers, codes (even escaped ones), prefilled values', async () => {
    const bytes = await templateXlsx(input());
    const read = await readScoreSheet(bytes, { format: 'xlsx' }, rubric, {
      clearMarkers: CLEAR_MARKERS,
    });
    expect(read.ok, JSON.stringify(!read.ok && read.problems)).toBe(true);
    if (!read.ok) return;
    expect(read.sheet.codes).toEqual(['371323104201', '-9']);
    expect([...read.sheet.values.get('A1')!]).toEqual([25, Number.NaN]);
    expect([...read.sheet.values.get('V1')!]).toEqual([1, Number.NaN]);
    expect(read.layout).toMatchObject({ sheet: TEMPLATE_SHEET, rows: [2, 3], codeColumn: 'A' });
    expect(read.layout.columns.A1).toBe('C');
  });

  it('never lets a text cell start a formula, ties the file to its round', async () => {
    const bytes = await templateXlsx(input());
    const wb = await load(bytes);
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getCell('A3').value).toBe("'-9");
    expect(ws.getCell('B3').value).toBe('\'=HYPERLINK("x")');
    const zip = inspectZip(bytes);
    if (!zip.ok) throw new Error(zip.message);
    expect(templateRoundOf(readZipEntry(bytes, zip.entries, 'docProps/core.xml')!.toString())).toBe(
      12,
    );
    expect(templateRoundOf('<cp:keywords></cp:keywords>')).toBeUndefined();
  });

  it('locks cells the downloader may not fill, shows groups when asked, validates every column', async () => {
    const bytes = await templateXlsx(
      input({
        indicators: ['A1', 'V1'],
        showGroups: true,
        units: [
          { code: 'u1', name: '甲村', group: '村' },
          { code: 'u2', name: '乙社区', group: '社区' },
        ],
        editable: (unit, indicator) => unit === 'u1' || indicator === 'A1',
      }),
    );
    const ws = (await load(bytes)).getWorksheet(TEMPLATE_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['编码', '单位', '分组']);
    expect(ws.getCell('C2').value).toBe('村');
    expect(ws.getCell('D3').protection?.locked).toBe(false);
    expect(ws.getCell('E2').protection?.locked).toBe(false);
    expect(ws.getCell('E3').protection?.locked).not.toBe(false);
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 30] });
    expect(ws.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"是,否,清空"'],
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
  });

  it('explains every method and the flag rules in Chinese', async () => {
    const rule = (code: string) => scoringRule(rubric.indicators.find((i) => i.code === code)!);
    expect(rule('A1')).toContain('0至30分');
    expect(rule('A2')).toContain('目标值 10');
    expect(rule('A3')).toContain('组内最低值');
    expect(rule('A4')).toContain('最高值 − 最低值');
    expect(rule('A5')).toContain('每后一名减2分，最低1分');
    expect(rule('A6')).toBe('达到0.95得20分，达到0.9得15分，都未达到得0分。');
    expect(rule('B1')).toBe('每项扣2分，最多扣10分。');
    expect(rule('B2')).toBe('每项加1分，不设上限。');
    expect(rule('V1')).toContain('一票否决');
    expect(flagRuleText(rubric)).toEqual({
      red: '排名前20%且总分不低于80分的单位授红旗',
      yellow: '排名后1名且总分低于60分的单位亮黄旗；被一票否决的单位一律亮黄旗',
    });
    const wb = await load(await templateXlsx(input()));
    const texts: string[] = [];
    wb.getWorksheet(EXPLAIN_SHEET)!.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    const all = texts.join('\n');
    expect(all).toContain('乡村振兴擂台赛（第2版');
    expect(all).toContain('「清空」');
    expect(all).toContain('总分相同时依次比较 A1 的得分');
    expect(all).toContain('县委组织部');
  });
});
