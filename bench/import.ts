import ExcelJS from 'exceljs';
import { createContest } from '../src/app/contests.ts';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { importDivision } from '../src/app/import-division.ts';
import { openRound, transitionRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { importSheet } from '../src/app/sheets.ts';
import { createToken, createUser } from '../src/app/users.ts';
import { loadConfig } from '../src/config.ts';
import { parseRubric } from '../src/core/rubric.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { readScoreSheet } from '../src/io/score-sheet.ts';
import { buildServer } from '../src/server/app.ts';
import { serverDeps } from '../src/server/deps.ts';
import { benchPgUrl, freshDatabase } from './support.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

const RUBRIC = `title: 村级擂台赛（导入基准）
precision: 2
indicators:
  - { code: A1, name: 人居环境整治, points: 20, method: manual }
  - { code: A2, name: 集体经济收入, points: 15, method: target, target: 100 }
  - { code: A3, name: 后备干部人数, points: 10, method: relative }
  - { code: A4, name: 群众满意度, points: 15, method: range }
  - { code: A5, name: 发展党员质量, points: 10, method: rank, step: 0.01, floor: 0 }
  - { code: A6, name: 党员教育覆盖率, points: 10, method: bands, bands: [[0.95, 10], [0.9, 8], [0.8, 5]] }
  - { code: A7, name: 信访件数, points: 10, method: relative, better: lower }
  - { code: A8, name: 网格化管理, points: 10, method: manual }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
  - { code: B2, name: 创新工作获上级肯定, kind: bonus, per: 1, cap: 5 }
flags:
  red: { topPercent: 10 }
  yellow: { bottomPercent: 5 }
`;
const parsed = parseRubric(RUBRIC);
if (!parsed.ok) throw new Error('bad bench rubric');
const rubric = parsed.rubric;
const indicators = rubric.indicators;

function value(i: number, unit: number): number {
  const x = Math.sin(unit * 12.9898 + i * 78.233) * 43758.5453;
  const r = x - Math.floor(x);
  const indicator = indicators[i]!;
  if (indicator.kind !== 'scored') return Math.floor(r * 4);
  if (indicator.method === 'manual') return Math.round(r * indicator.points * 100) / 100;
  if (indicator.method === 'bands') return Math.round((0.7 + r * 0.3) * 1000) / 1000;
  return Math.round(r * 10000) / 100;
}

async function sheetOf(units: { code: string; name: string }[], bump = 0): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报表');
  ws.addRow(['编码', '单位', ...indicators.map((i) => `${i.code} ${i.name}`)]);
  units.forEach((u, k) => {
    ws.addRow([u.code, u.name, ...indicators.map((_, i) => value(i, k + bump))]);
  });
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function csvOf(units: { code: string; name: string }[], bump: number): Buffer {
  const lines = [`code,name,${indicators.map((i) => i.code).join(',')}`];
  units.forEach((u, k) => {
    lines.push(`${u.code},${u.name},${indicators.map((_, i) => value(i, k + bump)).join(',')}`);
  });
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const db = await freshDatabase(dialect);
  const rows: string[] = [];
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    rows.push(`${dialect.padEnd(9)} ${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s`);
    return result;
  };
  try {
    await migrateToLatest(db.handle.db);
    const ctx: AppContext = {
      db: db.handle.db,
      actor: systemActor,
      clock: { now: () => new Date() },
    };
    await importDivision(ctx, '3713');
    await importDivision(ctx, '3707');
    const contest = await createContest(ctx, {
      title: '村级擂台赛（导入基准）',
      category: '基准',
      organizer: '37',
      cadence: 'month',
      participants: { under: '37', kinds: ['village', 'community'] },
    });
    const id = String(contest.id);
    await draftRubric(ctx, id, { yaml: RUBRIC });
    await publishRubric(ctx, id, 1);
    const open = async (period: string) => {
      const round = await openRound(ctx, id, { period });
      await transitionRound(ctx, String(round.id), 'collecting');
      return String(round.id);
    };
    const june = await open('2026-06');
    const units = contest.participants.slice(0, ROWS).map((p) => ({ code: p.code, name: p.name }));
    const cells = units.length * indicators.length;
    const xlsx = await sheetOf(units);
    await step(`read + check the XLSX only (${(xlsx.length / 1024).toFixed(0)} KB)`, () =>
      readScoreSheet(xlsx, { format: 'xlsx' }, rubric, { requireAllIndicators: false }),
    );
    const first = await step(`import XLSX ${units.length} rows × ${indicators.length} (new)`, () =>
      importSheet(ctx, june, { filename: 'sheet.xlsx', bytes: xlsx }),
    );
    if (first.written !== cells) throw new Error(`wrote ${first.written} of ${cells}`);
    await step('import the same XLSX again (all unchanged)', () =>
      importSheet(ctx, june, { filename: 'sheet.xlsx', bytes: xlsx }),
    );
    await step(`import CSV changing all ${cells} cells (updates)`, () =>
      importSheet(ctx, june, { filename: 'sheet.csv', bytes: csvOf(units, 7) }),
    );

    // Through HTTP: multipart upload of the same XLSX into another round, as a signed-in admin.
    const july = await open('2026-07');
    await createUser(ctx, { username: 'bench', unit: '37', roles: ['admin', 'organizer'] });
    const { token } = await createToken(ctx, 'bench', { name: 'bench' });
    const app = await buildServer(
      serverDeps(db.handle, loadConfig({}, { data: db.dir }), { version: 'bench' }),
    );
    const boundary = '----leitai-bench';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sheet.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      xlsx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await step(`POST /rounds/:id/import (HTTP inject, ${units.length} rows)`, () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/rounds/${july}/import`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      }),
    );
    if (res.statusCode !== 200)
      throw new Error(`HTTP import: ${res.statusCode} ${res.body.slice(0, 300)}`);
    await app.close();
  } finally {
    await db.handle.close();
    await db.drop();
  }
  return rows;
}

const rows = await bench('sqlite');
if (benchPgUrl) rows.push(...(await bench('postgres')));
else rows.push('postgres  skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
console.log(`\nImport of a ${ROWS}-row score sheet (target: ≤ 5 s)`);
for (const row of rows) console.log(`  ${row}`);
