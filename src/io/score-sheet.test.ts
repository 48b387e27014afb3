import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import {
  columnLetter,
  formatSheetProblem,
  parseNumberText,
  readScoreSheet,
  type SheetProblem,
} from './score-sheet.ts';

function rubricOf(yaml: string): Rubric {
  const parsed = parseRubric(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rubric;
}

const rubric = rubricOf(`title: t
indicators:
  - { code: A1, name: 组织建设, points: 20, method: manual }
  - { code: A2, name: 收入, points: 30, method: relative }
  - { code: A3, name: 满意度, points: 20, method: range }
  - { code: A4, name: 占比, points: 10, method: target, target: 0.8 }
  - { code: B1, name: 扣分, kind: deduction, per: 2 }
  - { code: B2, name: 加分, kind: bonus, per: 1 }
  - { code: V1, name: 否决, kind: veto }
`);

async function readCsv(text: string | Uint8Array, r: Rubric = rubric, options = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return readScoreSheet(bytes, { filename: 'sheet.csv' }, r, options);
}

async function problemsOf(text: string, r: Rubric = rubric): Promise<Partial<SheetProblem>[]> {
  const read = await readCsv(text, r);
  if (read.ok) throw new Error('expected problems');
  return read.problems.map(({ row, column, cell, code, value }) => ({
    row,
    column,
    cell,
    code,
    value,
  }));
}

const HEADER = 'code,name,A1,A2,A3,A4,B1,B2,V1';

describe('readScoreSheet: CSV', () => {
  it('reads a good sheet into columns (empty = missing, NaN)', async () => {
    const read = await readCsv(`${HEADER}\nu1,甲村,18,120,90,0.8,1,,是\nu2,乙村,,80,-3,1,,2,0\n`);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { sheet } = read;
    expect(sheet.codes).toEqual(['u1', 'u2']);
    expect(sheet.names).toEqual(['甲村', '乙村']);
    expect(sheet.groups).toEqual(['', '']);
    expect([...sheet.values.get('A1')!]).toEqual([18, Number.NaN]);
    expect([...sheet.values.get('A3')!]).toEqual([90, -3]);
    expect([...sheet.values.get('V1')!]).toEqual([1, 0]);
    expect([...sheet.values.get('B2')!]).toEqual([Number.NaN, 2]);
  });

  it('accepts Chinese headers, names after codes, any column order, a group column', async () => {
    const read = await readCsv(
      '分组,A2 收入,单位,编码,A1　组织建设,A3,A4,B1,B2,V1 发生重大安全事故\n镇,100,甲村,u1,10,1,1,,,\n',
    );
    expect(read.ok && read.sheet).toMatchObject({ codes: ['u1'], names: ['甲村'], groups: ['镇'] });
    expect(read.ok && [...read.sheet.values.get('A2')!]).toEqual([100]);
    expect(read.ok && [...read.sheet.values.get('A1')!]).toEqual([10]);
  });

  it('accepts veto as 1/0, true/false, 是/否 or empty', async () => {
    const rows = ['1', '0', 'true', 'FALSE', '是', '否', ''].map(
      (v, i) => `u${i},n,1,1,1,1,,,${v}`,
    );
    const read = await readCsv([HEADER, ...rows].join('\n'));
    expect(read.ok && [...read.sheet.values.get('V1')!]).toEqual([1, 0, 1, 0, 1, 0, Number.NaN]);
  });

  it('reads numbers written with a percent, thousands separators or full-width digits', async () => {
    expect(parseNumberText('85%')).toBe(0.85);
    expect(parseNumberText('1,234.5')).toBe(1234.5);
    expect(parseNumberText('８５')).toBe(85);
    expect(parseNumberText(' -2.5 ')).toBe(-2.5);
    expect(parseNumberText('1e3')).toBe(1000);
    for (const bad of ['abc', '1,2', '0x10', '12a', '', '--1', 'Infinity', '1.2.3']) {
      expect(parseNumberText(bad)).toBeUndefined();
    }
  });

  it('reads GB18030 and BOM-prefixed UTF-8 files', async () => {
    const text = `${HEADER}\nu1,黄山村,1,1,1,1,,,\n`;
    const gb = await readCsv(iconv.encode(text, 'gb18030'));
    expect(gb.ok && gb.sheet.names).toEqual(['黄山村']);
    const bom = await readCsv(
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
    );
    expect(bom.ok && bom.sheet.codes).toEqual(['u1']);
  });

  it('skips blank rows but counts them in row numbers, as a spreadsheet shows them', async () => {
    const problems = await problemsOf(`${HEADER}\nu1,a,1,1,1,1,,,\n\n,,,,,,,,\nu2,b,x,1,1,1,,,\n`);
    expect(problems).toEqual([
      { row: 5, column: 'A1', cell: 'C5', code: 'NOT_A_NUMBER', value: 'x' },
    ]);
  });

  it('reports every bad cell: row, column, reason — not only the first', async () => {
    const problems = await problemsOf(
      [
        HEADER,
        'u1,甲,21,-1,abc,-0.5,-1,-2,2', // manual > P, negative relative/target/deduction/bonus, text, bad veto
        'u2,乙,-0.01,1,1,1,1,1,maybe',
        'u1,丙,5,1,1,1,,,', // duplicate unit code
        ',丁,5,1,1,1,,,', // empty code
        'u5,,5,1,1,1,,,', // empty name
      ].join('\n'),
    );
    expect(problems).toEqual([
      { row: 2, column: 'A1', cell: 'C2', code: 'OUT_OF_RANGE', value: '21' },
      { row: 2, column: 'A2', cell: 'D2', code: 'NEGATIVE', value: '-1' },
      { row: 2, column: 'A3', cell: 'E2', code: 'NOT_A_NUMBER', value: 'abc' },
      { row: 2, column: 'A4', cell: 'F2', code: 'NEGATIVE', value: '-0.5' },
      { row: 2, column: 'B1', cell: 'G2', code: 'NEGATIVE', value: '-1' },
      { row: 2, column: 'B2', cell: 'H2', code: 'NEGATIVE', value: '-2' },
      { row: 2, column: 'V1', cell: 'I2', code: 'BAD_VETO', value: '2' },
      { row: 3, column: 'A1', cell: 'C3', code: 'OUT_OF_RANGE', value: '-0.01' },
      { row: 3, column: 'V1', cell: 'I3', code: 'BAD_VETO', value: 'maybe' },
      { row: 4, column: 'code', cell: 'A4', code: 'DUPLICATE_UNIT', value: 'u1' },
      { row: 5, column: 'code', cell: 'A5', code: 'EMPTY_CODE', value: '' },
      { row: 6, column: 'name', cell: 'B6', code: 'EMPTY_NAME', value: '' },
    ]);
  });

  it('refuses unknown, duplicate and missing columns', async () => {
    expect(
      await problemsOf('code,name,A1,A1 组织建设,A9,备注,A2,A3,A4,B1,B2\nu1,a,1,1,1,x,1,1,1,,\n'),
    ).toEqual([
      { row: 1, column: 'A1', cell: 'D1', code: 'DUPLICATE_COLUMN', value: 'A1 组织建设' },
      { row: 1, column: 'A9', cell: 'E1', code: 'UNKNOWN_COLUMN', value: 'A9' },
      { row: 1, column: '备注', cell: 'F1', code: 'UNKNOWN_COLUMN', value: '备注' },
      { row: 1, column: 'V1', cell: undefined, code: 'MISSING_COLUMN', value: '' },
    ]);
    expect(await problemsOf('编码,A1,A2,A3,A4,B1,B2,V1\nu1,1,1,1,1,,,\n')).toEqual([
      { row: 1, column: 'name', cell: undefined, code: 'MISSING_COLUMN', value: '' },
    ]);
    expect(await problemsOf('code,name,单位,A1,A2,A3,A4,B1,B2,V1\nu1,a,b,1,1,1,1,,,\n')).toEqual([
      { row: 1, column: 'name', cell: 'C1', code: 'DUPLICATE_COLUMN', value: '单位' },
    ]);
  });

  it('lets the server read part of the indicators when asked', async () => {
    const read = await readCsv('code,name,A2\nu1,a,5\n', rubric, { requireAllIndicators: false });
    expect(read.ok && [...read.sheet.values.keys()]).toEqual(['A2']);
  });

  it('refuses values under no header, an unclosed quote, an empty file, a header-only file', async () => {
    expect(await problemsOf(`${HEADER}\nu1,a,1,1,1,1,,,,stray\n`)).toEqual([
      { row: 2, column: 'J', cell: 'J2', code: 'NO_HEADER', value: 'stray' },
    ]);
    expect(await problemsOf(`${HEADER}\nu1,"a,1,1,1,1,,,\n`)).toMatchObject([
      { row: 2, code: 'UNTERMINATED_QUOTE' },
    ]);
    expect(await problemsOf('')).toMatchObject([{ row: 1, code: 'NO_HEADER' }]);
    expect(await problemsOf(`${HEADER}\n`)).toMatchObject([{ code: 'NO_ROWS' }]);
  });

  it('formats a problem with row, column and cell, Chinese first', () => {
    expect(
      formatSheetProblem({
        row: 3,
        column: 'A1',
        cell: 'C3',
        value: 'x',
        code: 'NOT_A_NUMBER',
        message: '不是数字「x」 (not a number)',
      }),
    ).toBe('第3行 A1列 (C3): 不是数字「x」 (not a number)');
    expect(
      formatSheetProblem({
        sheet: '得分',
        row: 0,
        column: '',
        value: '',
        code: 'UNREADABLE',
        message: 'm',
      }),
    ).toBe('工作表「得分」: m');
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
  });

  it('refuses an unknown format', async () => {
    const read = await readScoreSheet(new Uint8Array(), { filename: 'x.xls' }, rubric);
    expect(read).toMatchObject({ ok: false, problems: [{ code: 'UNKNOWN_FORMAT' }] });
  });
});

describe('readScoreSheet: XLSX', () => {
  async function xlsx(rows: unknown[][], name = '得分表'): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    workbook.addWorksheet('second').addRow(['ignored']);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  it('reads the first worksheet: numbers, text, booleans, formula results, rich text', async () => {
    const bytes = await xlsx([
      ['编码', '单位', 'A1 组织建设', 'A2', 'A3', 'A4', 'B1', 'B2', 'V1'],
      [371323104201, '黄山村', 18.5, '120', { formula: 'B9*2', result: 90 }, 0.8, null, null, true],
      ['u2', { richText: [{ text: '大匡' }, { text: '庄村' }] }, 12, 80, 70, '85%', 1, 2, '否'],
    ]);
    const read = await readScoreSheet(bytes, { filename: 'x.xlsx' }, rubric);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.sheet.codes).toEqual(['371323104201', 'u2']);
    expect(read.sheet.names).toEqual(['黄山村', '大匡庄村']);
    expect([...read.sheet.values.get('A3')!]).toEqual([90, 70]);
    expect([...read.sheet.values.get('A4')!]).toEqual([0.8, 0.85]);
    expect([...read.sheet.values.get('V1')!]).toEqual([1, 0]);
  });

  it('reports bad cells with the worksheet name and spreadsheet address', async () => {
    const bytes = await xlsx([
      ['code', 'name', 'A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'V1'],
      [
        'u1',
        'a',
        30,
        { error: '#DIV/0!' },
        new Date('2026-06-01'),
        true,
        { formula: 'X1' },
        null,
        null,
      ],
    ]);
    const read = await readScoreSheet(bytes, { format: 'xlsx' }, rubric);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.sheet, p.row, p.cell, p.code])).toEqual([
      ['得分表', 2, 'C2', 'OUT_OF_RANGE'],
      ['得分表', 2, 'D2', 'NOT_A_NUMBER'],
      ['得分表', 2, 'E2', 'NOT_A_NUMBER'],
      ['得分表', 2, 'F2', 'NOT_A_NUMBER'],
      ['得分表', 2, 'G2', 'NOT_A_NUMBER'],
    ]);
    expect(formatSheetProblem(read.problems[0]!)).toMatch(/^工作表「得分表」 第2行 A1列 \(C2\): /);
  });

  it('refuses a file that is not an XLSX workbook', async () => {
    const read = await readScoreSheet(
      new TextEncoder().encode('not a zip'),
      { format: 'xlsx' },
      rubric,
    );
    expect(read).toMatchObject({ ok: false, problems: [{ code: 'UNREADABLE', row: 0 }] });
  });
});
