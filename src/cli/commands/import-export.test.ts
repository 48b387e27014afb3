/** `leitai import` and `leitai export` on a SQLite data folder: exit codes, problems, files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContest } from '../../app/contests.ts';
import { systemActor } from '../../app/context.ts';
import { openRound, transitionRound } from '../../app/rounds.ts';
import { draftRubric, publishRubric } from '../../app/rubrics.ts';
import { openSqlite } from '../../db/dialect.ts';
import { parseCsv } from '../../io/csv.ts';
import { main } from '../main.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-cli-sheets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--data', path.join(dir, 'data')], {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    env: {},
  });
  return { code, out, err };
}

const RUBRIC = `title: 乡村振兴擂台赛
indicators:
  - { code: A1, name: 人居环境整治, points: 60, method: manual }
  - { code: A2, name: 集体经济收入, points: 40, method: relative }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;

let round = '';
let villages: { code: string; name: string }[] = [];
const file = (name: string, text: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const withDb = async <T>(work: (ctx: Parameters<typeof createContest>[0]) => Promise<T>) => {
  const handle = openSqlite(path.join(dir, 'data'));
  try {
    return await work({ db: handle.db, actor: systemActor, clock: { now: () => new Date() } });
  } finally {
    await handle.close();
  }
};

beforeAll(async () => {
  expect((await run('units', 'import', '--division', '371323')).code).toBe(0);
  await withDb(async (ctx) => {
    const contest = await createContest(ctx, {
      title: '乡村振兴擂台赛',
      category: '乡村振兴',
      organizer: '371323104',
      cadence: 'month',
      participants: { under: '371323104', kinds: ['village', 'community'] },
    });
    villages = contest.participants.map((p) => ({ code: p.code, name: p.name }));
    await draftRubric(ctx, String(contest.id), { yaml: RUBRIC });
    await publishRubric(ctx, String(contest.id), 1);
    const r = await openRound(ctx, String(contest.id), { period: '2026-06' });
    round = String(r.id);
    await transitionRound(ctx, round, 'collecting');
  });
});

it('import: bad usage exits 2; a bad sheet exits 1 naming every bad cell on stderr, writing nothing', async () => {
  expect((await run('import', 'x.csv')).code).toBe(2);
  expect((await run('import', '--round', round)).code).toBe(2);
  expect((await run('import', '--round', round, 'x.xls')).code).toBe(2);
  expect((await run('import', '--round', round, path.join(dir, 'missing.csv'))).code).toBe(1);
  const rows = villages.map(
    (v, i) => `${v.code},${v.name},${i === 2 ? 61 : 30 + i},${i === 4 ? 'x' : i}`,
  );
  const bad = await run(
    'import',
    '--round',
    round,
    file('村.csv', iconv.encode(['编码,单位,A1,A2', ...rows].join('\r\n'), 'gb18030')),
  );
  expect(bad.code).toBe(1);
  const err = bad.err.join('\n');
  expect(err).toContain('整个文件未导入');
  expect(bad.err.filter((l) => l.startsWith('村.csv '))).toEqual([
    expect.stringContaining('第4行 A1列 (C4): 人工评分必须在0到60之间'),
    expect.stringContaining('第6行 A2列 (D6): 不是数字「x」'),
  ]);
  const fixedRows = rows.map((r, i) =>
    i === 4 ? r.replace(/,x$/, ',4') : i === 2 ? r.replace(',61,', ',50,') : r,
  );
  const stranger = await run(
    'import',
    '--round',
    round,
    file('村.csv', ['编码,单位,A1,A2', ...fixedRows, '371323109201,别镇的村,1,1'].join('\n')),
  );
  expect(stranger.code).toBe(1);
  expect(stranger.err.join('\n')).toContain(
    `第${villages.length + 2}行 code列 (A${villages.length + 2}): 「371323109201」不是本擂台赛的参赛单位`,
  );
});

it('import succeeds once the sheet is right; export writes xlsx, csv, json and the bulletin', async () => {
  const rows = villages.map((v, i) => `${v.code},${v.name},${30 + (i % 30)},${i}`);
  const ok = await run(
    'import',
    '--round',
    round,
    file('村.csv', ['code,name,A1,A2', ...rows].join('\n')),
  );
  expect(ok.code, ok.err.join('\n')).toBe(0);
  expect(ok.out.join('\n')).toContain(`写入 ${villages.length * 2} 格`);
  expect((await run('export', '--round', round, '--out', path.join(dir, 'r.csv'))).code).toBe(1); // no results yet
  await withDb(async (ctx) => {
    await transitionRound(ctx, round, 'reviewing');
  });
  expect((await run('export', '--round', round, '--out', path.join(dir, 'b.docx'))).code).toBe(1);
  await withDb(async (ctx) => {
    await transitionRound(ctx, round, 'notice');
    await transitionRound(ctx, round, 'published');
  });
  for (const ext of ['xlsx', 'csv', 'json', 'docx']) {
    const target = path.join(dir, `out.${ext}`);
    const res = await run('export', '--round', round, '--out', target);
    expect(res.code, res.err.join('\n')).toBe(0);
    expect(fs.statSync(target).size).toBeGreaterThan(100);
  }
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
  const csv = parseCsv(
    fs.readFileSync(path.join(dir, 'out.csv'), 'utf8').replace(/^\uFEFF/, ''),
  ).records;
  expect(csv.slice(1).map((r) => r[0])).toEqual(json.map((u: { code: string }) => u.code));
  expect(json[0]).toMatchObject({ rank: 1, flag: 'red' });
  expect((await run('export', '--round', round, '--out', path.join(dir, 'x.txt'))).code).toBe(2);
  expect((await run('export', '--round', '999', '--out', path.join(dir, 'x.csv'))).code).toBe(1);
});
