/**
 * The project ledger at a province's scale (issue 15): 62,074 units, 20,000 projects × 12 months
 * of investment and 100,000 problems, on SQLite and (with BENCH_DATABASE_URL, an empty database)
 * on PostgreSQL. Prints, beside the issue's targets: the month-end snapshot; opening a round of a
 * contest among all 62,074 units whose rubric has four ledger-sourced indicators (the feed fills
 * them); and the ledger list with filters over HTTP, p99 at 50 connections (autocannon against
 * `leitai serve` in its own process, as bench/http.ts does). Asserts nothing.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createContest } from '../src/app/contests.ts';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { ledgerFigures } from '../src/app/ledger-feed.ts';
import { refreshAllLights, snapshotLights } from '../src/app/ledger-lights.ts';
import { openRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { createToken, createUser } from '../src/app/users.ts';
import { DEFAULT_LIGHT_THRESHOLDS } from '../src/core/ledger.ts';
import { insertInvestments } from '../src/db/ledger.repository.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freshDatabase, serveLeitai } from './support.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const PROBLEMS = PROJECTS * 5;
const UNITS = Number(process.env.BENCH_UNITS ?? 62_074);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
const dialect = databaseUrl ? 'PostgreSQL' : 'SQLite';
// PostgreSQL: a fresh schema of its own (bench/support.ts), dropped at the end; `leitai serve`
// reaches it through the URL's search_path option.
const fresh = await freshDatabase(databaseUrl ? 'postgres' : 'sqlite');
const { dir, handle } = fresh;
const db = handle.db;
const schemaName = databaseUrl
  ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
  : '';
const serveUrl = databaseUrl
  ? `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schemaName}`)}`
  : '';
await migrateToLatest(db);
const now = '2026-12-01T08:00:00Z';
const ctx = {
  db,
  actor: systemActor,
  clock: { now: () => new Date(now) },
  ledger: { office: 'BOFFICE', thresholds: DEFAULT_LIGHT_THRESHOLDS },
} as AppContext & { ledger: { office: string; thresholds: typeof DEFAULT_LIGHT_THRESHOLDS } };
const say = (line: string) => console.log(`ledger [${dialect}]: ${line}`);

const t0 = performance.now();
await db.transaction().execute(async (trx) => {
  const province = await trx
    .insertInto('units')
    .values({
      code: 'BROOT',
      name: '某省',
      kind: 'county',
      parent_id: null,
      source: 'custom',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('units')
    .values({
      code: 'BOFFICE',
      name: '省发展和改革委员会',
      kind: 'department',
      parent_id: province.id,
      source: 'custom',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const units = Array.from({ length: UNITS }, (_, i) => ({
    code: `B${i}`,
    name: `单位${i}`,
    kind: 'town' as const,
    parent_id: province.id,
    source: 'custom',
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < units.length; i += 1000)
    await trx
      .insertInto('units')
      .values(units.slice(i, i + 1000))
      .execute();
  const ids = (
    await trx.selectFrom('units').select('id').where('kind', '=', 'town').orderBy('id').execute()
  ).map((u) => u.id);
  const kinds = ['key_project', 'critical_project', 'key_enterprise', 'urban_work', 'key_task'];
  for (let i = 0; i < PROJECTS; i += 500) {
    await trx
      .insertInto('ledger_projects')
      .values(
        Array.from({ length: Math.min(500, PROJECTS - i) }, (_, k) => ({
          code: `P${i + k}`,
          name: `项目${i + k}`,
          kind: kinds[(i + k) % 5]!,
          state: 'active',
          unit_id: ids[(i + k) % ids.length]!,
          owner: null,
          location: null,
          industry: null,
          description: null,
          total_investment: 10_000,
          start_year: 2026,
          taskforce_id: null,
          supplement_reason: null,
          light: null,
          light_reasons: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  const rows = [];
  for (let p = 1; p <= PROJECTS; p++) {
    for (let m = 1; m <= 12; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      rows.push({
        projectId: p,
        month,
        planned: 400,
        // Each project at its own pace, 75–115 % of plan with some month-to-month noise: most
        // green, some behind (yellow, red), as a real ledger.
        completed:
          m < 12 ? Math.round(400 * (0.75 + ((p * 7919) % 100) / 250) + ((p * m) % 60) - 30) : null,
      });
    }
  }
  await insertInvestments(trx, rows, now);
  const overdue = (n: number) => {
    const r = ((1 + (n % PROJECTS)) * 37 + Math.floor(n / PROJECTS)) % 40;
    if (r === 0) return '2026-10-15';
    if (r === 1) return '2026-11-20';
    return `2027-${String(1 + (n % 6)).padStart(2, '0')}-15`;
  };
  for (let i = 0; i < PROBLEMS; i += 1000) {
    await trx
      .insertInto('ledger_problems')
      .values(
        Array.from({ length: 1000 }, (_, k) => ({
          project_id: 1 + ((i + k) % PROJECTS),
          title: '问题',
          detail: null,
          state: (i + k) % 3 === 0 ? 'closed' : 'assigned',
          owner_unit_id: null,
          // Most deadlines ahead; one problem in 40 overdue for weeks (red), one just overdue
          // (yellow), spread over the projects of every kind.
          deadline: overdue(i + k),
          reply: null,
          raised_on: '2026-01-02',
          closed_on: (i + k) % 3 === 0 ? '2026-10-01' : null,
          created_by: null,
          updated_at: now,
        })),
      )
      .execute();
  }
});
say(
  `loaded ${UNITS} units, ${PROJECTS} projects × 12 months, ${PROBLEMS} problems in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
// Wall seconds, and the CPU seconds of this process in them (on SQLite that includes the
// database's work): on a machine shared with other work, the CPU figure is the steadier one.
let cpu = process.cpuUsage();
const seconds = (since: number) => {
  const used = process.cpuUsage(cpu);
  return `${((performance.now() - since) / 1000).toFixed(2)} s (CPU here ${((used.user + used.system) / 1e6).toFixed(2)} s)`;
};

let t = performance.now();
cpu = process.cpuUsage();
await snapshotLights(ctx, { month: '2026-11' });
say(`month-end snapshot ${seconds(t)}   (target ≤ 10 s)`);
t = performance.now();
cpu = process.cpuUsage();
await snapshotLights(ctx, { month: '2026-11' });
say(`snapshot again (idempotent) ${seconds(t)}   (target ≤ 10 s)`);
t = performance.now();
cpu = process.cpuUsage();
await refreshAllLights(ctx);
say(`refresh every current light ${seconds(t)}`);

t = performance.now();
cpu = process.cpuUsage();
for (const m of [
  'investment_rate',
  'started_on_time',
  'problems_closed_on_time',
  'green_share',
] as const) {
  await ledgerFigures(ctx, m, '2026-11');
}
say(`four ledger measures for every unit ${seconds(t)}`);

// A contest among every unit whose rubric takes four indicators from the ledger: opening its
// round fills them (4 × the units with projects) and marks them ledger-sourced.
t = performance.now();
cpu = process.cpuUsage();
const contest = await createContest(ctx, {
  title: '重点项目擂台赛',
  category: '重点工业项目',
  organizer: 'BROOT',
  cadence: 'month',
  participants: { under: 'BROOT', kinds: ['town'] },
});
await draftRubric(ctx, String(contest.id), {
  yaml: `title: 重点项目
indicators:
  - { code: L1, name: 投资完成率, points: 40, method: relative, source: ledger.investment_rate }
  - { code: L2, name: 按期开工率, points: 20, method: relative, source: ledger.started_on_time }
  - { code: L3, name: 问题按期销号率, points: 20, method: relative, source: ledger.problems_closed_on_time }
  - { code: L4, name: 绿灯项目占比, points: 20, method: relative, source: ledger.green_share }
`,
});
await publishRubric(ctx, String(contest.id), 1);
say(`contest among ${contest.participants.length} units set up in ${seconds(t)}`);
t = performance.now();
cpu = process.cpuUsage();
await openRound(ctx, String(contest.id), { period: '2026-11' });
const filled = await db
  .selectFrom('ledger_entry_sources')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
say(
  `opening a round, ledger-sourced indicators filled for ${contest.participants.length} units (${Number(filled.n)} cells) ${seconds(t)}   (target ≤ 5 s)`,
);

// The list over HTTP: the planning office's token, `leitai serve` in its own process.
await createUser(ctx, { username: 'bench-office', unit: 'BOFFICE', roles: ['organizer'] });
const { token } = await createToken(ctx, 'bench-office', { name: 'bench' });
await handle.close();

/** CPU time the server process has used (Linux /proc), or null elsewhere. */
function serverCpuMs(child: ChildProcess): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const server = await serveLeitai(dir, {
  DATABASE_URL: serveUrl,
  LEITAI_LEDGER_OFFICE: 'BOFFICE',
});
const headers = { authorization: `Bearer ${token}` };
/** autocannon at 50 connections; the server's own CPU per request beside the latency. */
async function load(what: string, url: string, requests?: autocannon.Options['requests']) {
  const cpu0 = serverCpuMs(server.child);
  const result = await autocannon({
    url: `${server.address}${url}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    ...(requests ? { requests } : {}),
  });
  const cpu1 = serverCpuMs(server.child);
  // The server's own CPU per request: on a loaded machine, the figure latency hides behind.
  const perRequest =
    cpu0 !== null && cpu1 !== null && result.requests.total > 0
      ? `, server CPU ${((cpu1 - cpu0) / result.requests.total).toFixed(2)} ms/request`
      : '';
  say(
    `list ${what} over HTTP at ${CONNECTIONS} connections: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s, ${result.errors + result.non2xx} errors${perRequest}   (target p99 ≤ 50 ms)`,
  );
}
try {
  // Warm-up, not counted: the server's code compiled by the optimiser, as in a server that runs.
  await autocannon({
    url: `${server.address}/api/v1/projects?kind=key_task&limit=50`,
    connections: CONNECTIONS,
    duration: 3,
    headers,
  });
  // The same list asked again and again (a county's towns opening one filter): read once, then
  // served from the cache until the ledger changes (app/projects.ts).
  const lists = [
    ['kind + light', '/api/v1/projects?kind=key_project&light=yellow&limit=50'],
    [
      'kind + state + light, page 3',
      '/api/v1/projects?kind=urban_work&state=active&light=yellow&limit=50&offset=100',
    ],
    ['unit', '/api/v1/projects?unit=B777&limit=50'],
  ] as const;
  for (const [what, url] of lists) {
    const probe = await fetch(`${server.address}${url}`, { headers });
    const total = ((await probe.json()) as { total?: number }).total;
    await load(`by ${what} (${total} matching)`, url);
  }
  // Every request another filter and page, cycling through more of them than the cache holds
  // (500 pages), so each is read from the database: the uncached cost.
  const kinds = ['key_project', 'critical_project', 'key_enterprise', 'urban_work', 'key_task'];
  const pages: string[] = [];
  for (const kind of kinds)
    for (const light of ['green', 'yellow'])
      for (const state of ['', '&state=active'])
        for (let page = 0; page < 27; page++)
          pages.push(
            `/api/v1/projects?kind=${kind}&light=${light}${state}&limit=50&offset=${page * 50}`,
          );
  let next = 0;
  await load(
    `cycling through ${pages.length} filter × page combinations (kind, light, state; pages 1–27), each read from the database`,
    pages[0]!,
    [{ setupRequest: (request) => ({ ...request, path: pages[next++ % pages.length]! }) }],
  );
} finally {
  await server.stop();
}
await fresh.drop();
