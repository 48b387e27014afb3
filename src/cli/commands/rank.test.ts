// `leitai rank` end to end: the worked examples (vendored from ../shared/rubric-examples into
// test/fixtures, and checked to still equal it wherever ../shared is there) through the same
// path as the command line, exit codes 0/1/2, nothing written on bad input, every output format.
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../io/csv.ts';
import type { CliIO } from '../command.ts';
import { main } from '../main.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const examples = resolve(repoRoot, 'test/fixtures/rubric-examples');
const shared = resolve(repoRoot, '../shared/rubric-examples');

/** Every file under a folder, by relative path, with its bytes. */
async function filesOf(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(root.length + 1), await readFile(path));
  }
  return files;
}

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), env: {} };
  const code = await main(['rank', ...args], io);
  return { code, out, err };
}

interface Unit {
  code: string;
  total: number;
  rank: number;
  flag: string | null;
  vetoed: boolean;
  missing: string[];
  indicators: Record<string, { value: number | null; score: number | null; rank: number | null }>;
}

/** The fields README.md says must match; numbers compare as numbers. */
function comparable(units: Unit[], vetoCodes: Set<string>) {
  return units.map((u) => ({
    code: u.code,
    total: u.total,
    rank: u.rank,
    flag: u.flag,
    vetoed: u.vetoed,
    missing: u.missing,
    indicators: Object.fromEntries(
      Object.entries(u.indicators).map(([c, x]) => [
        c,
        vetoCodes.has(c)
          ? { score: x.score, rank: x.rank }
          : { value: x.value, score: x.score, rank: x.rank },
      ]),
    ),
  }));
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leitai-rank-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const listed = (root: string) =>
  existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const vendored = listed(examples);
// Leitai's own examples (minGroup …), checked by hand the same way, run beside them.
const own = resolve(repoRoot, 'test/fixtures/rubric-examples-leitai');
const folders = [...vendored, ...listed(own)];
const folderPath = (folder: string) =>
  vendored.includes(folder) ? join(examples, folder) : join(own, folder);

describe('the worked examples of ../shared/rubric-examples', () => {
  it('are there', () => {
    expect(vendored.length).toBeGreaterThanOrEqual(8);
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!existsSync(shared))('are vendored unchanged from ../shared', async () => {
    const ours = await filesOf(examples);
    const theirs = await filesOf(shared);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, bytes] of theirs) expect(ours.get(name)?.equals(bytes), name).toBe(true);
  });

  it.each(folders)('%s: leitai rank produces expected.json', async (folder) => {
    const base = folderPath(folder);
    const out = join(dir, `${folder}.json`);
    const result = await run([
      '--rubric',
      join(base, 'rubric.yaml'),
      '--data',
      join(base, 'sheet.csv'),
      '--out',
      out,
    ]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const expected = JSON.parse(await readFile(join(base, 'expected.json'), 'utf8')) as Unit[];
    const actual = JSON.parse(await readFile(out, 'utf8')) as Unit[];
    const rubricText = await readFile(join(base, 'rubric.yaml'), 'utf8');
    const vetoCodes = new Set(
      [...rubricText.matchAll(/code: (\w+)[^}]*kind: veto/g)].map((m) => m[1]!),
    );
    expect(comparable(actual, vetoCodes)).toEqual(comparable(expected, vetoCodes));
  });

  it.each(folders)('%s: the same from XLSX in and to CSV out', async (folder) => {
    const base = folderPath(folder);
    const records = parseCsv(await readFile(join(base, 'sheet.csv'), 'utf8')).records;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    records.forEach((r, k) => {
      // Data cells as numbers, the way a spreadsheet holds them (codes as text).
      sheet.addRow(
        k === 0
          ? r
          : r.map((c, j) => (j > 1 && c !== '' && !Number.isNaN(Number(c)) ? Number(c) : c)),
      );
    });
    const xlsx = join(dir, `${folder}.xlsx`);
    await workbook.xlsx.writeFile(xlsx);
    const out = join(dir, `${folder}.csv`);
    const result = await run(['--rubric', join(base, 'rubric.yaml'), '--data', xlsx, '--out', out]);
    expect(result.code).toBe(0);
    const rows = parseCsv((await readFile(out, 'utf8')).replace(/^\uFEFF/, '')).records;
    const header = rows[0]!;
    const expected = JSON.parse(await readFile(join(base, 'expected.json'), 'utf8')) as Unit[];
    expect(
      rows.slice(1).map((r) => ({
        code: r[header.indexOf('code')],
        total: Number(r[header.indexOf('total')]),
        rank: Number(r[header.indexOf('rank')]),
        flag: r[header.indexOf('flag')] || null,
        vetoed: r[header.indexOf('vetoed')] === 'true',
        missing: r[header.indexOf('missing')] ? r[header.indexOf('missing')]!.split(';') : [],
      })),
    ).toEqual(
      expected.map(({ code, total, rank, flag, vetoed, missing }) => ({
        code,
        total,
        rank,
        flag,
        vetoed,
        missing,
      })),
    );
  });
});

describe('leitai rank: usage and exit codes', () => {
  const ex = (f: string) => join(examples, '01-relative-manual-ties', f);

  it('exits 2 with the usage on a missing option, an unknown option or extension', async () => {
    const cases: string[][] = [
      [],
      ['--rubric', ex('rubric.yaml'), '--data', ex('sheet.csv')],
      ['--rubric', ex('rubric.yaml'), '--out', join(dir, 'x.json')],
      ['--data', ex('sheet.csv'), '--out', join(dir, 'x.json')],
      ['--rubric', ex('rubric.yaml'), '--data', ex('sheet.csv'), '--out', join(dir, 'x.pdf')],
      ['--rubric', ex('sheet.csv'), '--data', ex('sheet.csv'), '--out', join(dir, 'x.json')],
      ['--rubric', ex('rubric.yaml'), '--data', join(dir, 'old.xls'), '--out', join(dir, 'x.json')],
      [
        '--rubric',
        ex('rubric.yaml'),
        '--data',
        ex('sheet.csv'),
        '--out',
        join(dir, 'x.json'),
        '--color',
      ],
      ['--rubric', ex('rubric.yaml'), '--data', ex('sheet.csv'), '--out', ex('sheet.csv')],
    ];
    for (const args of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.join('\n')).toMatch(/usage: leitai rank --rubric/);
    }
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('exits 1 on a bad rubric, naming line and field, and writes nothing', async () => {
    const rubric = join(dir, 'bad.yaml');
    await writeFile(
      rubric,
      'title: 坏的\ntieBreak: [A9]\nindicators:\n  - { code: A1, name: a, points: 0, method: manual }\n  - { code: A2, name: b, points: 10, method: magic }\n',
    );
    const out = join(dir, 'bad-rubric.json');
    const result = await run(['--rubric', rubric, '--data', ex('sheet.csv'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      expect.stringContaining('评分标准有 3 处错误'),
      'bad.yaml 第4行 indicators[0].points: 分值必须大于0',
      expect.stringMatching(/^bad\.yaml 第5行 indicators\[1\]\.method: 未知计分方法 magic/),
      expect.stringMatching(/^bad\.yaml 第2行 tieBreak\[0\]: /),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 on a bad sheet, reporting every bad cell, and writes nothing (not even over an old file)', async () => {
    const sheet = join(dir, 'bad.csv');
    await writeFile(sheet, 'code,name,A1,A2,备注\nu1,甲,abc,50\nu1,乙,-5,30\nu3,丙,10,41\n');
    const out = join(dir, 'bad-sheet.csv');
    await writeFile(out, 'old results');
    const result = await run(['--rubric', ex('rubric.yaml'), '--data', sheet, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/得分表有 6 处错误/);
    expect(result.err.slice(1)).toEqual([
      expect.stringMatching(/^bad\.csv 第1行 备注列 \(E1\): 未知的列/),
      expect.stringMatching(/^bad\.csv 第2行 A1列 \(C2\): 不是数字「abc」/),
      expect.stringMatching(/^bad\.csv 第2行 A2列 \(D2\): 人工评分必须在0到40之间/),
      expect.stringMatching(/^bad\.csv 第3行 code列 \(A3\): 单位编码 u1 重复：已在第2行出现/),
      expect.stringMatching(/^bad\.csv 第3行 A1列 \(C3\): 不能为负数/),
      expect.stringMatching(/^bad\.csv 第4行 A2列 \(D4\): 人工评分必须在0到40之间/),
    ]);
    expect(await readFile(out, 'utf8')).toBe('old results');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads a rubric saved as GB18030 by a Chinese Windows editor', async () => {
    const rubric = join(dir, 'gb.yaml');
    await writeFile(rubric, iconv.encode(await readFile(ex('rubric.yaml'), 'utf8'), 'gb18030'));
    const out = join(dir, 'gb-rubric.json');
    const result = await run(['--rubric', rubric, '--data', ex('sheet.csv'), '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))[0].rank).toBe(1);
  });

  it('exits 1 when an input file does not exist', async () => {
    const result = await run([
      '--rubric',
      join(dir, 'none.yaml'),
      '--data',
      ex('sheet.csv'),
      '--out',
      join(dir, 'n.json'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/none\.yaml: 文件不存在 \(no such file\)/);
    expect(existsSync(join(dir, 'n.json'))).toBe(false);
  });

  it('exits 1 when the output cannot be written', async () => {
    const result = await run([
      '--rubric',
      ex('rubric.yaml'),
      '--data',
      ex('sheet.csv'),
      '--out',
      join(dir, 'missing-dir', 'r.json'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/无法写出结果/);
  });

  it('exits 0 and says what it wrote', async () => {
    const out = join(dir, 'ok.xlsx');
    const result = await run([
      '--rubric',
      ex('rubric.yaml'),
      '--data',
      ex('sheet.csv'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([expect.stringMatching(/5 个单位.*红旗 1，黄旗 2/)]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
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
      'A2.value',
      'A2.score',
      'A2.rank',
    ]);
    expect(sheet.getRow(2).getCell(4).value).toBe(90);
    expect(sheet.rowCount).toBe(6);
  });

  it('reads a JSON rubric and a GB18030 sheet with Chinese headers; escapes formulas in CSV out', async () => {
    const rubric = join(dir, 'r.json');
    await writeFile(
      rubric,
      JSON.stringify({
        title: 'JSON 评分标准',
        indicators: [{ code: 'A1', name: '组织建设', points: 10, method: 'relative' }],
        flags: { red: { top: 1 } },
      }),
    );
    const sheet = join(dir, 'gb.csv');
    await writeFile(
      sheet,
      iconv.encode('编码,单位,分组,A1 组织建设\n=1+1,@村,-镇,5\nu2,+乙村,-镇,10\n', 'gb18030'),
    );
    const out = join(dir, 'gb-out.csv');
    const result = await run(['--rubric', rubric, '--data', sheet, '--out', out]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'code,name,group,total,rank,flag,vetoed,missing,A1.value,A1.score,A1.rank',
      "'=1+1,'@村,'-镇,5.00,2,,false,,5,5.00,2",
      "u2,'+乙村,'-镇,10.00,1,red,false,,10,10.00,1",
      '',
    ]);
  });
});
