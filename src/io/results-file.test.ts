import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentRound, rankRound } from '../core/rank-round.ts';
import { parseRubric } from '../core/rubric.ts';
import { sheetFromRows } from '../core/sheet.ts';
import { parseCsv } from './csv.ts';
import {
  formatPoints,
  resultsFormatOf,
  resultsToCsv,
  resultsToJson,
  resultsToXlsx,
  writeFileAtomic,
  writeResultsFile,
} from './results-file.ts';

const parsed = parseRubric(`title: t
precision: 2
indicators:
  - { code: A1, name: a, points: 50, method: manual }
  - { code: B1, name: b, kind: deduction, per: 1.5 }
  - { code: V1, name: v, kind: veto }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`);
if (!parsed.ok) throw new Error('bad rubric');
const rubric = parsed.rubric;
const result = rankRound(
  rubric,
  sheetFromRows(rubric, [
    { code: 'u1', name: '=HYPERLINK("http://x")', group: '+镇', values: { A1: 40, B1: 1 } },
    { code: '-u2', name: '@乙村', group: '+镇', values: { A1: null, V1: 1 } },
    { code: 'u3', name: '丙村, "东"', group: '+镇', values: { A1: 45.5, B1: null, V1: 0 } },
  ]),
);

describe('results as CSV (DESIGN §4)', () => {
  const csv = resultsToCsv(result);
  const records = parseCsv(csv.slice(1)).records;

  it('starts with a BOM so Excel reads the Chinese, and has the §4 columns', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(records[0]).toEqual([
      'code',
      'name',
      'group',
      'total',
      'rank',
      'flag',
      'vetoed',
      'missing',
      'A1.value',
      'A1.score',
      'A1.rank',
      'B1.value',
      'B1.score',
      'B1.rank',
      'V1.value',
      'V1.score',
      'V1.rank',
    ]);
  });

  it('writes one row a unit: flags, vetoed, missing joined by ;, empty for null', () => {
    expect(records.slice(1)).toEqual(
      [
        [
          '\'=HYPERLINK("http://x")',
          "'+镇",
          '38.50',
          '2',
          '',
          'false',
          '',
          '40',
          '40.00',
          '2',
          '1',
          '-1.50',
          '',
          '',
          '',
          '',
        ],
        [
          "'-u2",
          "'@乙村",
          "'+镇",
          '0.00',
          '3',
          'yellow',
          'true',
          'A1',
          '',
          '0.00',
          '',
          '',
          '0.00',
          '',
          '1',
          '',
          '',
        ],
        [
          'u3',
          '丙村, "东"',
          "'+镇",
          '45.50',
          '1',
          'red',
          'false',
          '',
          '45.5',
          '45.50',
          '1',
          '',
          '0.00',
          '',
          '0',
          '',
          '',
        ],
      ].map((r, i) => (i === 0 ? ['u1', ...r] : r)),
    );
  });

  it('never lets a text cell start a formula, while negative numbers stay numbers', () => {
    for (const line of csv.split('\r\n').slice(1)) {
      for (const cell of parseCsv(line).records[0] ?? []) {
        if (/^[=+@\t\r]/.test(cell)) throw new Error(`formula-like cell ${cell}`);
        if (cell.startsWith('-')) expect(Number(cell)).not.toBeNaN();
      }
    }
  });

  it('formats points with exactly `precision` decimals', () => {
    expect(formatPoints(38.5, 2)).toBe('38.50');
    expect(formatPoints(-1.5, 2)).toBe('-1.50');
    expect(formatPoints(-0.05, 1)).toBe('-0.1');
    expect(formatPoints(0.3, 1)).toBe('0.3');
    expect(formatPoints(100, 0)).toBe('100');
    expect(formatPoints(-0, 0)).toBe('0');
    expect(formatPoints(1.02, 2)).toBe('1.02');
    expect(formatPoints(123456.000001, 6)).toBe('123456.000001');
  });
});

describe('results as JSON', () => {
  it('is the §4 array in sheet order', () => {
    const json = JSON.parse(resultsToJson(result));
    expect(json).toEqual(presentRound(result));
    expect(json[1]).toEqual({
      code: '-u2',
      name: '@乙村',
      group: '+镇',
      total: 0,
      rank: 3,
      flag: 'yellow',
      vetoed: true,
      missing: ['A1'],
      indicators: {
        A1: { value: null, score: 0, rank: null },
        B1: { value: null, score: 0, rank: null },
        V1: { value: 1, score: null, rank: null },
      },
    });
  });
});

describe('results as XLSX', () => {
  it('has a frozen bold header, numbers as numbers, text as plain strings (never formulas)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsToXlsx(result)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('code');
    expect(sheet.getRow(1).getCell(9).value).toBe('A1.value');
    const u1 = sheet.getRow(2);
    expect(u1.getCell(2).value).toBe('=HYPERLINK("http://x")');
    expect(u1.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(u1.getCell(4).value).toBe(38.5);
    expect(u1.getCell(4).numFmt).toBe('0.00');
    expect(u1.getCell(5).value).toBe(2);
    expect(u1.getCell(6).value).toBeNull(); // no flag: an empty cell
    expect(u1.getCell(7).value).toBe(false);
    expect(u1.getCell(13).value).toBe(-1.5);
    expect(sheet.getRow(3).getCell(1).value).toBe('-u2');
    expect(sheet.getRow(3).getCell(6).value).toBe('yellow');
    expect(sheet.getRow(3).getCell(8).value).toBe('A1');
    expect(sheet.getRow(3).getCell(9).value).toBeNull();
    // No cell anywhere holds a formula.
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });
});

describe('writing files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leitai-results-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each format by extension and leaves no temp file', async () => {
    for (const name of ['r.csv', 'r.json', 'r.XLSX'])
      await writeResultsFile(result, join(dir, name));
    expect((await readdir(dir)).sort()).toEqual(['r.XLSX', 'r.csv', 'r.json']);
    expect(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'))).toHaveLength(3);
    expect(resultsFormatOf('a.Json')).toBe('json');
    expect(resultsFormatOf('a.pdf')).toBeUndefined();
  });

  it('writes nothing when it cannot write (a missing folder), and keeps an existing file whole', async () => {
    await expect(writeFileAtomic(join(dir, 'no-such-dir', 'r.csv'), 'x')).rejects.toThrow();
    await expect(readdir(join(dir, 'no-such-dir'))).rejects.toThrow();
    await writeFileAtomic(join(dir, 'keep.txt'), 'old');
    await writeFileAtomic(join(dir, 'keep.txt'), 'new');
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
