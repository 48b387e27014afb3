/**
 * Party-member points at the issue's scale (issue 16, DESIGN §10): a county's 60,000 members and
 * 3 million records a year on SQLite; a province's 1,000,000 members and 50,000,000 records on
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a fresh schema), where records are
 * partitioned by month (migration 0017). Prints, beside the issue's targets:
 * - record insert throughput through the real use cases (a clerk's `createRecord`, then the
 *   secretary's `reviewRecord`, which re-clamps the member's year), and the bulk load rate;
 * - branch, town and county leaderboards (month, quarter, year) over HTTP at 50 connections
 *   (autocannon against `leitai serve` in its own process): the first, uncached request, p99 of
 *   the same board (cached per scope and period until the points version moves), and p99 of
 *   branch and town boards rotating over more scopes than the cache holds (every one computed);
 * - on PostgreSQL, EXPLAIN of a month's board: how many month partitions it scans.
 *
 * The bulk rows are what the app stores: each member's year of records in counting order, with
 * `counted` from the core clamp (`clampYear`), as approvals would leave it. What the load
 * simplifies: records are approved by nobody in particular (no reviewer, no audit event each),
 * and the secondary indexes are dropped for the load and built again after it (their
 * definitions read back from the database, so they are the migration's own).
 *
 * Scale: BENCH_POINTS_MEMBERS, BENCH_POINTS_RECORDS (both dialects; default the issue's scale),
 * BENCH_POINTS_ONLY=sqlite|postgres, BENCH_SECONDS (autocannon run, default 10),
 * BENCH_POINTS_USECASE (records through the use cases, default 2000). Asserts nothing.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type Actor, type AppContext, systemActor } from '../src/app/context.ts';
import { RULES } from '../src/app/demo-points.ts';
import { assignBranchUser, createRecord, reviewRecord } from '../src/app/points.ts';
import { createToken, createUser } from '../src/app/users.ts';
import { parseRoles } from '../src/core/permissions.ts';
import { type ClampInput, clampYear } from '../src/core/points.ts';
import type { UnitKind } from '../src/core/units.ts';
import { ensureMonthPartitions, insertRows } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { boardTotalsQuery } from '../src/db/points.repository.ts';
import type { Database } from '../src/db/schema.ts';
import { benchPgUrl, freshDatabase } from './support.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const USECASE = Number(process.env.BENCH_POINTS_USECASE ?? 2000);
const CONNECTIONS = 50;
const MEMBERS_PER_BRANCH = 100;
const VILLAGES_PER_TOWN = 30;
const TOWNS_PER_COUNTY = 20;
const YEAR = 2026;
const NOW = `${YEAR}-12-31T02:00:00Z`;
const MONTH = `${YEAR}-11`;
const QUARTER = `${YEAR}-Q4`;

type Db = Kysely<Database>;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const rate = (n: number, since: number) =>
  Math.round(n / ((performance.now() - since) / 1000)).toLocaleString('en');

/** A small deterministic generator, so every run loads the same rows. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAY_OF_YEAR: string[] = [];
for (let m = 0; m < 12; m++)
  for (let d = 1; d <= DAYS_IN_MONTH[m]!; d++)
    DAY_OF_YEAR.push(`${YEAR}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

async function run(dialect: 'sqlite' | 'postgres', members: number, records: number) {
  const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const say = (line: string) => console.log(`points [${label}]: ${line}`);
  const { dir, handle, drop, schema } = await freshDatabase(dialect);
  const db = handle.db;
  const ctx: AppContext = { db, actor: systemActor, clock: { now: () => new Date(NOW) } };
  try {
    await migrateToLatest(db);
    const t0 = performance.now();
    const shape = await loadUnits(db, members);
    say(
      `${members.toLocaleString('en')} members in ${shape.branches} branches (${MEMBERS_PER_BRANCH} each), ${shape.towns} towns, ${shape.counties} counties; ${records.toLocaleString('en')} records in ${YEAR}`,
    );
    const ruleIds = await loadRules(db, shape.rootId);
    await loadMembers(db, members, shape.branches);
    say(`units, branches and members loaded in ${seconds(t0)} s`);

    // Bulk load: secondary indexes off, rows in, indexes on again.
    const indexes = await secondaryIndexes(db, dialect);
    for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
    await ensureMonthPartitions(
      db,
      'points_records',
      DAY_OF_YEAR.filter((d) => d.endsWith('-01')).map((d) => d.slice(0, 7)),
    );
    let t = performance.now();
    const loaded = await loadRecords(db, dialect, handle.location, members, records, ruleIds);
    const loadSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    for (const i of indexes) await sql.raw(i.sql).execute(db);
    const indexSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // PostgreSQL: what autovacuum would do soon after a load (statistics, the visibility map
    // that lets the board's index answer alone).
    if (dialect === 'postgres') await sql`vacuum analyze points_records`.execute(db);
    const total = loadSeconds + indexSeconds + (performance.now() - t) / 1000;
    say(
      `bulk load ${loaded.rows.toLocaleString('en')} records (${loaded.approved.toLocaleString('en')} approved, ${loaded.clamped.toLocaleString('en')} cut by a cap) in ${loadSeconds.toFixed(1)} s = ${Math.round(loaded.rows / loadSeconds).toLocaleString('en')} records/s (${dialect === 'postgres' ? 'COPY' : 'prepared INSERTs, 100k a transaction'}); indexes ${indexSeconds.toFixed(1)} s; ${dialect === 'postgres' ? 'vacuum analyze; ' : ''}in all ${total.toFixed(1)} s = ${Math.round(loaded.rows / total).toLocaleString('en')} records/s`,
    );

    await recordThroughput(ctx, say);
    await explainBoards(db, dialect, say);
    if (dialect === 'sqlite') {
      // The app never runs ANALYZE on SQLite; with statistics the plan must hold as well.
      await sql`analyze`.execute(db);
      await explainBoards(db, dialect, (line) => say(`${line} (after ANALYZE)`));
      await sql`drop table sqlite_stat1`.execute(db);
    }

    await createUser(ctx, { username: 'bench-viewer', unit: 'P', roles: ['viewer'] });
    const { token } = await createToken(ctx, 'bench-viewer', { name: 'bench' });
    await handle.close();
    const url =
      dialect === 'postgres'
        ? `${benchPgUrl}${benchPgUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
        : '';
    await boardsOverHttp(dir, url, token, shape, say);
  } finally {
    await drop();
  }
}

interface Shape {
  rootId: number;
  counties: number;
  towns: number;
  branches: number;
}

/** Root P (a province) → counties C<i> → towns T<i> → villages V<i>, a branch per village. */
async function loadUnits(db: Db, members: number): Promise<Shape> {
  const branches = Math.ceil(members / MEMBERS_PER_BRANCH);
  const towns = Math.ceil(branches / VILLAGES_PER_TOWN);
  const counties = Math.ceil(towns / TOWNS_PER_COUNTY);
  const now = NOW;
  const unit = (code: string, name: string, kind: UnitKind, parent: number | null) => ({
    code,
    name,
    kind,
    parent_id: parent,
    source: 'custom',
    created_at: now,
    updated_at: now,
  });
  const rootId = (
    await db
      .insertInto('units')
      .values(unit('P', '某省', 'province', null))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const batch = async (rows: ReturnType<typeof unit>[]) => {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('units')
        .values(rows.slice(i, i + 1000))
        .execute();
  };
  const ids = async (prefix: string) =>
    new Map(
      (
        await db
          .selectFrom('units')
          .select(['id', 'code'])
          .where('code', 'like', `${prefix}%`)
          .execute()
      ).map((u) => [u.code, u.id]),
    );
  await batch(
    Array.from({ length: counties }, (_, c) => unit(`C${c}`, `县${c}`, 'county', rootId)),
  );
  const countyIds = await ids('C');
  await batch(
    Array.from({ length: towns }, (_, t) =>
      unit(`T${t}`, `镇${t}`, 'town', countyIds.get(`C${Math.floor(t / TOWNS_PER_COUNTY)}`)!),
    ),
  );
  const townIds = await ids('T');
  await batch(
    Array.from({ length: branches }, (_, v) =>
      unit(`V${v}`, `村${v}`, 'village', townIds.get(`T${Math.floor(v / VILLAGES_PER_TOWN)}`)!),
    ),
  );
  const villageIds = await ids('V');
  // Branch ids follow the villages' numbers (1 … branches) in a fresh database.
  await insertRows(
    db,
    'points_branches',
    ['unit_id', 'name', 'created_at'],
    Array.from({ length: branches }, (_, v) => [villageIds.get(`V${v}`)!, `村${v}党支部`, now]),
  );
  return { rootId, counties, towns, branches };
}

async function loadRules(db: Db, rootId: number) {
  const ids: number[] = [];
  for (const r of RULES) {
    const row = await db
      .insertInto('points_rules')
      .values({
        organizer_unit_id: rootId,
        category: r.category,
        item: r.item,
        points: r.points,
        item_cap: r.itemCap,
        category_cap: r.categoryCap,
        created_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '建国秀英志强明华玉兰海军丽娟文斌桂芳红梅德胜春花宝山凤霞永刚淑珍'.match(/.{1,2}/g)!;

/** Members 1 … n (ids in a fresh database), a hundred a branch; one in a hundred transferred out. */
async function loadMembers(db: Db, n: number, branches: number) {
  const rand = generator(7);
  const chunk = 100_000;
  for (let start = 0; start < n; start += chunk) {
    const rows: (string | number | null)[][] = [];
    for (let i = start; i < Math.min(n, start + chunk); i++) {
      const year = 1950 + Math.floor(rand() * 50);
      const out = i % 100 === 99;
      rows.push([
        Math.min(branches, 1 + Math.floor(i / MEMBERS_PER_BRANCH)),
        SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!,
        rand() < 0.7 ? '男' : '女',
        year,
        `${year + 22 + Math.floor(rand() * 20)}-07-01`,
        out ? 'transferred_out' : 'active',
        out ? `${YEAR}-09-30` : null,
        NOW,
        NOW,
      ]);
    }
    await insertRows(
      db,
      'points_members',
      [
        'branch_id',
        'name',
        'gender',
        'birth_year',
        'joined_on',
        'status',
        'transferred_out_on',
        'created_at',
        'updated_at',
      ],
      rows,
    );
  }
}

/** The table's indexes other than its primary key, with the statements that make them. */
async function secondaryIndexes(db: Db, dialect: 'sqlite' | 'postgres') {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ name: string; sql: string }>`
      select indexname as name, indexdef as sql from pg_indexes
      where schemaname = current_schema() and tablename = 'points_records'
        and indexname not like '%pkey'`.execute(db);
    // A partitioned table's index reads `ON ONLY`, which would make the parent's alone (invalid,
    // no partition indexes); made `ON` the table it covers every partition again.
    return rows.map((r) => ({ ...r, sql: r.sql.replace(' ON ONLY ', ' ON ') }));
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and tbl_name = 'points_records' and sql is not null`.execute(db);
  return rows;
}

const RECORD_COLUMNS = [
  'member_id',
  'branch_id',
  'rule_id',
  'points',
  'occurred_on',
  'status',
  'reviewed_at',
  'created_at',
  'counted',
] as const;

/**
 * Each member's records of the year, in counting order (date; ids follow), pending in December
 * now and then, rejected rarely, deductions one in twenty; `counted` by the core clamp over the
 * approved ones, as `recount` stores it after every approval.
 */
function* memberRecords(
  members: number,
  records: number,
  ruleIds: readonly number[],
): Generator<(string | number)[]> {
  const rand = generator(16);
  const base = Math.floor(records / members);
  const extra = records - base * members;
  const days = DAY_OF_YEAR.length;
  for (let m = 1; m <= members; m++) {
    const branch = Math.ceil(m / MEMBERS_PER_BRANCH);
    const n = base + (m <= extra ? 1 : 0);
    const picks: { day: number; rule: number; status: string }[] = [];
    // A transferred-out member's records stop at the end of September.
    const lastDay = m % 100 === 99 ? 272 : days - 1;
    for (let k = 0; k < n; k++) {
      const day = Math.floor(rand() * (lastDay + 1));
      const rule = rand() < 0.05 ? 6 + Math.floor(rand() * 2) : Math.floor(rand() * 6);
      const status =
        day >= 334 && rand() < 0.2 ? 'pending' : rand() < 0.01 ? 'rejected' : 'approved';
      picks.push({ day, rule, status });
    }
    picks.sort((a, b) => a.day - b.day);
    const approved: ClampInput[] = [];
    picks.forEach((p, i) => {
      if (p.status !== 'approved') return;
      const r = RULES[p.rule]!;
      approved.push({
        id: i,
        item: r.item,
        category: r.category,
        points: r.points,
        itemCap: r.itemCap,
        categoryCap: r.categoryCap,
      });
    });
    const counted = new Map(clampYear(approved).map((c) => [c.id, c.counted]));
    for (let i = 0; i < picks.length; i++) {
      const p = picks[i]!;
      const on = DAY_OF_YEAR[p.day]!;
      yield [
        m,
        branch,
        ruleIds[p.rule]!,
        RULES[p.rule]!.points,
        on,
        p.status,
        p.status === 'pending' ? (null as unknown as string) : `${on}T12:00:00Z`,
        `${on}T10:00:00Z`,
        counted.get(i) ?? 0,
      ];
    }
  }
}

async function loadRecords(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  location: string,
  members: number,
  records: number,
  ruleIds: readonly number[],
) {
  let rows = 0;
  let approved = 0;
  let clamped = 0;
  const count = (r: readonly (string | number)[]) => {
    rows++;
    if (r[5] === 'approved') {
      approved++;
      if (r[8] !== r[3]) clamped++;
    }
  };
  if (dialect === 'sqlite') {
    // A second connection to the same file: better-sqlite3's prepared statement, 100k a transaction.
    const raw = new SQLite(location);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    const insert = raw.prepare(
      `insert into points_records (${RECORD_COLUMNS.join(', ')}) values (${RECORD_COLUMNS.map(() => '?').join(', ')})`,
    );
    const many = raw.transaction((batch: (string | number)[][]) => {
      for (const r of batch) insert.run(r);
    });
    let batch: (string | number)[][] = [];
    for (const r of memberRecords(members, records, ruleIds)) {
      count(r);
      batch.push(r);
      if (batch.length === 100_000) {
        many(batch);
        batch = [];
      }
    }
    many(batch);
    raw.close();
    return { rows, approved, clamped };
  }
  // PostgreSQL: COPY through insertRows, a million rows at a time (each in its own transaction).
  let batch: (string | number)[][] = [];
  const flush = async () => {
    await db
      .transaction()
      .execute((trx) => insertRows(trx, 'points_records', RECORD_COLUMNS, batch));
    batch = [];
  };
  for (const r of memberRecords(members, records, ruleIds)) {
    count(r);
    batch.push(r);
    if (batch.length === 1_000_000) await flush();
  }
  await flush();
  return { rows, approved, clamped };
}

/** A clerk records USECASE records through `createRecord`; the secretary approves each one. */
async function recordThroughput(ctx: AppContext, say: (line: string) => void) {
  const as = async (username: string, role: 'recorder' | 'reviewer'): Promise<AppContext> => {
    const { user } = await createUser(ctx, { username, unit: 'V0', roles: ['reporter'] });
    await assignBranchUser(ctx, 1, { user: username, role });
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      name: username,
      unitId: user.unitId,
      roles: parseRoles('reporter'),
    };
    return { ...ctx, actor };
  };
  const clerk = await as('bench-clerk', 'recorder');
  const secretary = await as('bench-secretary', 'reviewer');
  const ids: number[] = [];
  let t = performance.now();
  for (let i = 0; i < USECASE; i++) {
    const record = await createRecord(clerk, {
      member: 1 + (i % 98),
      rule: 1 + (i % 6),
      occurredOn: DAY_OF_YEAR[334 + (i % 30)]!,
      note: null,
    });
    ids.push(record.id);
  }
  say(
    `createRecord (a clerk, one transaction each with its audit event): ${USECASE} records at ${rate(USECASE, t)} records/s`,
  );
  t = performance.now();
  for (const id of ids) await reviewRecord(secretary, String(id), { decision: 'approve' });
  say(
    `reviewRecord approve (the secretary; re-clamps the member's year, bumps the version): ${USECASE} at ${rate(USECASE, t)} records/s`,
  );
}

/** The board's aggregate as the planner runs it; on PostgreSQL, the partitions it reads. */
async function explainBoards(db: Db, dialect: 'sqlite' | 'postgres', say: (line: string) => void) {
  const town = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'T0')
    .executeTakeFirstOrThrow();
  const county = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'C0')
    .executeTakeFirstOrThrow();
  for (const [what, id, from, to] of [
    [`town T0, month ${MONTH}`, town.id, `${MONTH}-01`, `${YEAR}-12-01`],
    [`county C0, ${QUARTER}`, county.id, `${YEAR}-10-01`, `${YEAR + 1}-01-01`],
  ] as const) {
    const compiled = boardTotalsQuery(db, id, from, to).compile();
    if (dialect === 'postgres') {
      const { rows } = await sql<{
        'QUERY PLAN': unknown;
      }>`explain (analyze, format json) ${sql.raw(
        inline(compiled.sql, compiled.parameters),
      )}`.execute(db);
      const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
      const parts = new Set(
        [...plan.matchAll(/"Relation Name":"(points_records_y\d{4}m\d{2})"/g)].map((m) => m[1]),
      );
      const ms = /"Execution Time":([\d.]+)/.exec(plan)?.[1];
      const nodes = new Set([...plan.matchAll(/"Node Type":"([^"]+)"/g)].map((m) => m[1]));
      say(
        `EXPLAIN board of ${what}: ${parts.size} of 12 month partitions scanned (${[...parts].join(', ')}), plan ${[...nodes].join(' / ')}, ${ms} ms`,
      );
    } else {
      const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(
        inline(compiled.sql, compiled.parameters),
      )}`.execute(db);
      say(`EXPLAIN board of ${what}: ${rows.map((r) => r.detail).join(' | ')}`);
    }
  }
}

/** Parameters written into the statement (numbers and ISO dates only), for EXPLAIN. */
function inline(text: string, parameters: readonly unknown[]): string {
  const lit = (v: unknown) =>
    typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  let i = 0;
  return text.replace(/\$(\d+)|\?/g, (_m, n) => lit(parameters[n ? Number(n) - 1 : i++]));
}

function serve(
  dir: string,
  databaseUrl: string,
): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // The CLI from source (tsx), so the server is this checkout's code without a build first.
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(process.argv.slice(1));",
        'serve',
        '--data',
        dir,
        '--host',
        '127.0.0.1',
        '--port',
        '0',
      ],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, address: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`leitai serve exited with ${code}: ${out}`)));
  });
}

async function boardsOverHttp(
  dir: string,
  databaseUrl: string,
  token: string,
  shape: Shape,
  say: (line: string) => void,
) {
  const server = await serve(dir, databaseUrl);
  const headers = { authorization: `Bearer ${token}` };
  const board = (scope: string, period: string) =>
    `/api/v1/points/leaderboard?scope=${scope}&period=${period}&limit=100`;
  try {
    // What any signed-in request costs on this machine right now (the session, no board).
    await fetch(`${server.address}/api/v1/session`, { headers });
    const base = await autocannon({
      url: `${server.address}/api/v1/session`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
    });
    say(
      `baseline GET /session (token check, no board) at ${CONNECTIONS} connections: p50 ${base.latency.p50} ms, p99 ${base.latency.p99} ms, ${Math.round(base.requests.average)} req/s`,
    );
    for (const [level, scope] of [
      ['branch', 'V0'],
      ['town', 'T0'],
      ['county', 'C0'],
    ] as const) {
      for (const period of [MONTH, QUARTER, String(YEAR)]) {
        const url = `${server.address}${board(scope, period)}`;
        const t = performance.now();
        const probe = await fetch(url, { headers });
        const body = (await probe.json()) as { total?: number; message?: string };
        const cold = Math.round(performance.now() - t);
        if (probe.status !== 200) throw new Error(`${url}: ${probe.status} ${body.message}`);
        const result = await autocannon({
          url,
          connections: CONNECTIONS,
          duration: SECONDS,
          headers,
        });
        say(
          `${level} board ${scope} ${period} (${body.total} members): first request ${cold} ms; then at ${CONNECTIONS} connections p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ${result.errors + result.non2xx} errors   (target p99 ≤ 50 ms)`,
        );
      }
    }
    // Every request a different board than the cache (200 boards) still holds: computed each time.
    for (const [level, prefix, count] of [
      ['branch', 'V', shape.branches],
      ['town', 'T', shape.towns],
    ] as const) {
      const scopes = Math.min(count, 1000);
      const periods = [MONTH, QUARTER, String(YEAR)];
      let next = 0;
      const result = await autocannon({
        url: `${server.address}${board(`${prefix}0`, MONTH)}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers,
        requests: [
          {
            setupRequest: (request: autocannon.Request) => {
              const k = next++;
              // Spread over the scopes (a stride coprime with most counts) and the three periods.
              const scope = `${prefix}${Math.floor((k * 7919) % scopes)}`;
              return { ...request, path: board(scope, periods[k % 3]!) };
            },
          },
        ],
      });
      say(
        `${level} boards rotating over ${scopes} ${level === 'town' ? 'towns' : 'branches'} × month/quarter/year (${scopes * 3 > 200 ? 'mostly uncached' : 'cached after the first of each'}) at ${CONNECTIONS} connections: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ${result.errors + result.non2xx} errors   (target p99 ≤ 50 ms)`,
      );
    }
  } finally {
    server.child.kill();
  }
}

const only = process.env.BENCH_POINTS_ONLY;
const scale = (dialect: 'sqlite' | 'postgres') => {
  const members = Number(
    process.env.BENCH_POINTS_MEMBERS ?? (dialect === 'sqlite' ? 60_000 : 1_000_000),
  );
  const records = Number(
    process.env.BENCH_POINTS_RECORDS ?? (dialect === 'sqlite' ? 3_000_000 : 50_000_000),
  );
  return [members, records] as const;
};
if (only !== 'postgres') await run('sqlite', ...scale('sqlite'));
if (only !== 'sqlite') {
  if (!benchPgUrl)
    console.log('points [PostgreSQL]: skipped — set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  else await run('postgres', ...scale('postgres'));
}
