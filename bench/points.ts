/**
 * Party-member points at scale (DESIGN §10, issues 16 and 18): a county on SQLite, a province on
 * PostgreSQL — bulk load, use-case throughput, partition pruning, in-process board timings, then
 * boards over HTTP at 50 connections. Prints figures, asserts nothing. BENCH_POINTS_ONLY=sqlite|
 * postgres, BENCH_POINTS_MEMBERS, BENCH_POINTS_RECORDS size it; BENCH_KEEP=1 stops before the
 * HTTP phase and leaves the database (printing its folder, URL and a viewer's token) for profiling
 * a server by hand.
 */
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Actor, type AppContext, systemActor } from '../src/app/context.ts';
import { RULES } from '../src/app/demo-points.ts';
import {
  assignBranchUser,
  computeLeaderboard,
  createRecord,
  reviewRecord,
} from '../src/app/points.ts';
import { createToken, createUser } from '../src/app/users.ts';
import { parseRoles } from '../src/core/permissions.ts';
import { type ClampInput, clampYear, parsePointsPeriod } from '../src/core/points.ts';
import type { UnitKind } from '../src/core/units.ts';
import { ensureMonthPartitions, insertRows, openPostgres, openSqlite } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import {
  boardTotals,
  boardTotalsQuery,
  branchesUnder,
  bumpPointsVersion,
  periodTotals,
  storedTotalsQuery,
} from '../src/db/points.repository.ts';
import type { Database } from '../src/db/schema.ts';
import { benchPgUrl, freshDatabase, serveLeitai } from './support.ts';

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
    const indexes = [
      ...(await secondaryIndexes(db, dialect, 'points_records')),
      ...(await secondaryIndexes(db, dialect, 'points_totals')),
    ];
    for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
    await ensureMonthPartitions(
      db,
      'points_records',
      DAY_OF_YEAR.filter((d) => d.endsWith('-01')).map((d) => d.slice(0, 7)),
    );
    let t = performance.now();
    const cpu = process.cpuUsage();
    const loaded = await loadRecords(
      db,
      dialect,
      dialect === 'postgres' ? schemaUrl(schema!) : handle.location,
      members,
      records,
      ruleIds,
    );
    const loadSeconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const generating = (used.user + used.system) / 1e6;
    t = performance.now();
    for (const i of indexes) await sql.raw(i.sql).execute(db);
    const indexSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // PostgreSQL: what autovacuum would do soon after a load (statistics, the visibility map
    // that lets the board's index answer alone).
    if (dialect === 'postgres') {
      await sql`vacuum analyze points_records`.execute(db);
      await sql`vacuum analyze points_totals`.execute(db);
    }
    const total = loadSeconds + indexSeconds + (performance.now() - t) / 1000;
    say(
      `bulk load ${loaded.rows.toLocaleString('en')} records (${loaded.approved.toLocaleString('en')} approved, ${loaded.clamped.toLocaleString('en')} cut by a cap) and their ${loaded.totals.toLocaleString('en')} stored totals (member × month, quarter, year) in ${loadSeconds.toFixed(1)} s = ${Math.round(loaded.rows / loadSeconds).toLocaleString('en')} records/s (${dialect === 'postgres' ? `COPY, ${COPY_STREAMS} record streams and a totals stream in parallel` : 'prepared INSERTs, 100k a transaction'}; this process ${generating.toFixed(1)} s of CPU generating${dialect === 'sqlite' ? ' and inserting' : ''}); indexes ${indexSeconds.toFixed(1)} s; ${dialect === 'postgres' ? 'vacuum analyze; ' : ''}in all ${total.toFixed(1)} s = ${Math.round(loaded.rows / total).toLocaleString('en')} records/s`,
    );

    await recordThroughput(ctx, say);
    await explainBoards(db, dialect, say);
    await timeBoards(ctx, say);
    if (dialect === 'sqlite') {
      // The app never runs ANALYZE on SQLite; with statistics the plan must hold as well.
      await sql`analyze`.execute(db);
      await explainBoards(db, dialect, (line) => say(`${line} (after ANALYZE)`));
      await sql`drop table sqlite_stat1`.execute(db);
    }

    await createUser(ctx, { username: 'bench-viewer', unit: 'P', roles: ['viewer'] });
    const { token } = await createToken(ctx, 'bench-viewer', { name: 'bench' });
    await handle.close();
    const url = dialect === 'postgres' ? schemaUrl(schema!) : '';
    if (process.env.BENCH_KEEP) {
      say(`kept: KEEP_DIR=${dir} KEEP_URL='${url}' KEEP_TOKEN=${token}`);
      return;
    }
    // A second connection of the bench's own, for what approvals do to the boards meanwhile.
    const writer = dialect === 'postgres' ? openPostgres(benchPgUrl!, { schema }) : openSqlite(dir);
    try {
      await boardsOverHttp(dir, url, token, shape, say, () => bumpPointsVersion(writer.db));
    } finally {
      await writer.close();
    }
  } finally {
    if (!process.env.BENCH_KEEP) await drop();
  }
}

/** The bench database's URL with its schema as the search path. */
const schemaUrl = (schema: string) =>
  `${benchPgUrl}${benchPgUrl!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

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
async function secondaryIndexes(db: Db, dialect: 'sqlite' | 'postgres', table: string) {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ name: string; sql: string }>`
      select indexname as name, indexdef as sql from pg_indexes
      where schemaname = current_schema() and tablename = ${table}
        and indexname not like '%pkey'`.execute(db);
    // A partitioned table's index reads `ON ONLY`, which would make the parent's alone (invalid,
    // no partition indexes); made `ON` the table it covers every partition again.
    return rows.map((r) => ({ ...r, sql: r.sql.replace(' ON ONLY ', ' ON ') }));
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
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

const TOTAL_COLUMNS = ['branch_id', 'period', 'member_id', 'awarded', 'deducted'] as const;
/** Parallel COPY streams of records on PostgreSQL (the generator feeds them in turn). */
const COPY_STREAMS = Number(process.env.BENCH_POINTS_STREAMS ?? 2);

type Row = (string | number | null)[];

/**
 * Each member's records of the year, in counting order (date; ids follow), pending in December
 * now and then, rejected rarely, deductions one in twenty; `counted` by the core clamp over the
 * approved ones, as `recount` stores it after every approval; and the member's stored totals
 * (`periodTotals`, what `recount` and bulk inserts keep).
 */
function* memberRecords(
  members: number,
  records: number,
  ruleIds: readonly number[],
): Generator<{ records: Row[]; totals: Row[] }> {
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
    const rows: Row[] = [];
    for (let i = 0; i < picks.length; i++) {
      const p = picks[i]!;
      const on = DAY_OF_YEAR[p.day]!;
      rows.push([
        m,
        branch,
        ruleIds[p.rule]!,
        RULES[p.rule]!.points,
        on,
        p.status,
        p.status === 'pending' ? null : `${on}T12:00:00Z`,
        `${on}T10:00:00Z`,
        counted.get(i) ?? 0,
      ]);
    }
    const totals = periodTotals(
      picks.map((p, i) => ({
        branchId: branch,
        memberId: m,
        occurredOn: DAY_OF_YEAR[p.day]!,
        counted: counted.get(i) ?? 0,
      })),
    ).map((t) => [t.branchId, t.period, t.memberId, t.awarded, t.deducted]);
    yield { records: rows, totals };
  }
}

/** COPY's text format of a row (numbers, ISO dates and plain names only, nulls as \N). */
const copyLine = (row: Row) => `${row.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;

/** A COPY FROM STDIN of its own connection, written to with backpressure. */
async function copyStream(url: string, table: string, columns: readonly string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  return {
    async write(text: string) {
      if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
    },
    async end() {
      stream.end();
      await done;
      await client.end();
    },
  };
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
  let totals = 0;
  const count = (r: Row) => {
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
    const insertTotal = raw.prepare(
      `insert into points_totals (${TOTAL_COLUMNS.join(', ')}) values (?, ?, ?, ?, ?)`,
    );
    const many = raw.transaction((batch: Row[], totalBatch: Row[]) => {
      for (const r of batch) insert.run(r);
      for (const r of totalBatch) insertTotal.run(r);
    });
    let batch: Row[] = [];
    let totalBatch: Row[] = [];
    for (const member of memberRecords(members, records, ruleIds)) {
      for (const r of member.records) {
        count(r);
        batch.push(r);
      }
      totals += member.totals.length;
      for (const t of member.totals) totalBatch.push(t);
      if (batch.length >= 100_000) {
        many(batch, totalBatch);
        batch = [];
        totalBatch = [];
      }
    }
    many(batch, totalBatch);
    raw.close();
    return { rows, approved, clamped, totals };
  }
  // PostgreSQL: COPY_STREAMS connections each COPY a share of the records (members' runs of
  // ~256 KiB in turn) while one more COPYs the totals; generation overlaps the server's work.
  void db;
  const streams = await Promise.all(
    Array.from({ length: COPY_STREAMS }, () =>
      copyStream(location, 'points_records', RECORD_COLUMNS),
    ),
  );
  const totalStream = await copyStream(location, 'points_totals', TOTAL_COLUMNS);
  let chunk = '';
  let totalChunk = '';
  let next = 0;
  for (const member of memberRecords(members, records, ruleIds)) {
    for (const r of member.records) {
      count(r);
      chunk += copyLine(r);
    }
    for (const t of member.totals) totalChunk += copyLine(t);
    totals += member.totals.length;
    if (chunk.length >= 262_144) {
      await streams[next++ % streams.length]!.write(chunk);
      chunk = '';
    }
    if (totalChunk.length >= 262_144) {
      await totalStream.write(totalChunk);
      totalChunk = '';
    }
  }
  if (chunk) await streams[next % streams.length]!.write(chunk);
  if (totalChunk) await totalStream.write(totalChunk);
  await Promise.all([...streams, totalStream].map((s) => s.end()));
  return { rows, approved, clamped, totals };
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

/**
 * The boards' queries as the planner runs them: a month's, quarter's or year's board reads the
 * stored totals; the records' aggregate (week boards, and every board before the totals) on
 * PostgreSQL with the month partitions it reads.
 */
async function explainBoards(db: Db, dialect: 'sqlite' | 'postgres', say: (line: string) => void) {
  // A board reads its branches first, then their stored totals or records by branch id.
  const branchesOf = async (code: string) => {
    const { id } = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return (await branchesUnder(db, id)).map((b) => b.id);
  };
  const town = await branchesOf('T0');
  const county = await branchesOf('C0');
  const explain = async (compiled: { sql: string; parameters: readonly unknown[] }) => {
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
      return { parts: [...parts], plan: [...nodes].join(' / '), ms };
    }
    const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(
      inline(compiled.sql, compiled.parameters),
    )}`.execute(db);
    return { parts: [], plan: rows.map((r) => r.detail).join(' | '), ms: undefined };
  };
  for (const [what, id, period] of [
    [`town T0, month ${MONTH}`, town, MONTH],
    [`county C0, ${QUARTER}`, county, QUARTER],
    [`county C0, year ${YEAR}`, county, String(YEAR)],
  ] as const) {
    const e = await explain(storedTotalsQuery(db, id, period).compile());
    say(
      `EXPLAIN stored-totals board of ${what}: ${e.plan}${e.ms ? `, ${e.ms} ms` : ''} (records not read)`,
    );
  }
  for (const [what, id, from, to] of [
    [`town T0, week ${YEAR}-W45`, town, `${YEAR}-11-02`, `${YEAR}-11-09`],
    [`town T0, month ${MONTH}`, town, `${MONTH}-01`, `${YEAR}-12-01`],
    [`county C0, ${QUARTER}`, county, `${YEAR}-10-01`, `${YEAR + 1}-01-01`],
  ] as const) {
    const e = await explain(boardTotalsQuery(db, id, from, to).compile());
    say(
      dialect === 'postgres'
        ? `EXPLAIN records aggregate (week boards) of ${what}: ${e.parts.length} of 12 month partitions scanned (${e.parts.join(', ')}), plan ${e.plan}, ${e.ms} ms`
        : `EXPLAIN records aggregate (week boards) of ${what}: ${e.plan}`,
    );
  }
}

/**
 * In this process, each board computed once: the stored totals it reads, the records' aggregate
 * that every board ran before them (the same sums, checked), and the whole first computation
 * (members, ranks, classes) that an uncached request waits for, without HTTP.
 */
async function timeBoards(ctx: AppContext, say: (line: string) => void) {
  for (const code of ['V0', 'T0', 'C0']) {
    const id = (
      await ctx.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
    for (const key of [MONTH, QUARTER, String(YEAR)]) {
      const period = parsePointsPeriod(key)!;
      let t = performance.now();
      const branchIds = (await branchesUnder(ctx.db, id)).map((b) => b.id);
      const stored = await boardTotals(ctx.db, branchIds, period);
      const storedMs = performance.now() - t;
      t = performance.now();
      const fromRecords = await boardTotalsQuery(
        ctx.db,
        branchIds,
        period.from,
        period.to,
      ).execute();
      const recordsMs = performance.now() - t;
      const sums = new Map(stored.map((r) => [r.memberId, r.awarded + r.deducted]));
      const same = fromRecords.every(
        (r) => (sums.get(r.member_id) ?? 0) === Number(r.awarded) + Number(r.deducted),
      );
      t = performance.now();
      const board = await computeLeaderboard(ctx, id, key);
      const boardMs = performance.now() - t;
      say(
        `in-process board ${code} ${key} (${board.length} members): stored totals ${storedMs.toFixed(0)} ms, records aggregate ${recordsMs.toFixed(0)} ms (${same ? 'same sums' : 'SUMS DIFFER'}); whole first computation ${boardMs.toFixed(0)} ms`,
      );
    }
  }
}

/** Parameters written into the statement (numbers and ISO dates only), for EXPLAIN. */
function inline(text: string, parameters: readonly unknown[]): string {
  const lit = (v: unknown) =>
    typeof v === 'number'
      ? String(v)
      : Array.isArray(v)
        ? `'{${v.join(',')}}'`
        : `'${String(v).replace(/'/g, "''")}'`;
  let i = 0;
  return text.replace(/\$(\d+)|\?/g, (_m, n) => lit(parameters[n ? Number(n) - 1 : i++]));
}

async function boardsOverHttp(
  dir: string,
  databaseUrl: string,
  token: string,
  shape: Shape,
  say: (line: string) => void,
  approve: () => Promise<unknown>,
) {
  const server = await serveLeitai(dir, { DATABASE_URL: databaseUrl });
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
    // A working day: approvals move the points version (here every 100 ms, as an approval does,
    // through a connection of the bench's own) while people read a few boards; every board read
    // after a move is computed again, from the stored totals (each scope's roster is kept).
    const watched = [...Array.from({ length: 5 }, (_, k) => `V${k}`), 'T0', 'T1', 'C0'];
    let approving = true;
    let approvals = 0;
    const approvalsRun = (async () => {
      while (approving) {
        await approve();
        approvals++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let next = 0;
    const busy = await autocannon({
      url: `${server.address}${board('V0', MONTH)}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
      requests: [
        {
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            path: board(watched[next++ % watched.length]!, MONTH),
          }),
        },
      ],
    });
    approving = false;
    await approvalsRun;
    say(
      `boards while approvals move the points version every 100 ms (${approvals} moves; 5 branches, 2 towns and a county, month) at ${CONNECTIONS} connections: p50 ${busy.latency.p50} ms, p99 ${busy.latency.p99} ms, ${Math.round(busy.requests.average)} req/s, ${busy.errors + busy.non2xx} errors`,
    );
  } finally {
    await server.stop();
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
