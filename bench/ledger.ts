/**
 * The project ledger at a province's scale (issue 15): 20,000 projects × 12 months of investment
 * and 100,000 problems on SQLite. Prints the month-end snapshot time, the ledger-feed time over
 * every unit, and the ledger list query's latency (in-process, one at a time: NOT the issue's
 * HTTP p99 at 50 connections, which is still to be measured). Targets beside the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppContext, systemActor } from '../src/app/context.ts';
import { ledgerFigures } from '../src/app/ledger-feed.ts';
import { refreshAllLights, snapshotLights } from '../src/app/ledger-lights.ts';
import { listProjectsView } from '../src/app/projects.ts';
import { DEFAULT_LIGHT_THRESHOLDS } from '../src/core/ledger.ts';
import { openSqlite } from '../src/db/dialect.ts';
import { insertInvestments } from '../src/db/ledger.repository.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const PROBLEMS = PROJECTS * 5;
const UNITS = 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-bench-ledger-'));
const handle = openSqlite(dir);
const db = handle.db;
await migrateToLatest(db);
const now = '2026-12-01T08:00:00Z';
const ctx = {
  db,
  actor: systemActor,
  clock: { now: () => new Date(now) },
  ledger: { office: 'none', thresholds: DEFAULT_LIGHT_THRESHOLDS },
} as AppContext & { ledger: { office: string; thresholds: typeof DEFAULT_LIGHT_THRESHOLDS } };

const t0 = performance.now();
await db.transaction().execute(async (trx) => {
  const units = Array.from({ length: UNITS }, (_, i) => ({
    code: `B${i}`,
    name: `单位${i}`,
    kind: 'town' as const,
    parent_id: null,
    source: 'custom',
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < units.length; i += 500)
    await trx
      .insertInto('units')
      .values(units.slice(i, i + 500))
      .execute();
  const ids = (await trx.selectFrom('units').select('id').execute()).map((u) => u.id);
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
        completed: m < 12 ? 300 + ((p * m) % 200) : null,
      });
    }
  }
  await insertInvestments(trx, rows, now);
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
          deadline: `2026-${String(1 + ((i + k) % 11)).padStart(2, '0')}-15`,
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
console.log(
  `ledger: loaded ${PROJECTS} projects × 12 months, ${PROBLEMS} problems in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

let t = performance.now();
await snapshotLights(ctx, { month: '2026-11' });
console.log(
  `ledger: month-end snapshot ${((performance.now() - t) / 1000).toFixed(2)} s   (target ≤ 10 s)`,
);
t = performance.now();
await snapshotLights(ctx, { month: '2026-11' });
console.log(`ledger: snapshot again (idempotent) ${((performance.now() - t) / 1000).toFixed(2)} s`);

t = performance.now();
for (const m of [
  'investment_rate',
  'started_on_time',
  'problems_closed_on_time',
  'green_share',
] as const) {
  await ledgerFigures(ctx, m, '2026-11');
}
console.log(
  `ledger: four ledger measures for every unit ${((performance.now() - t) / 1000).toFixed(2)} s   (target ≤ 5 s for 62,074 units; here ${UNITS} units, not yet through a round)`,
);

t = performance.now();
await refreshAllLights(ctx);
console.log(`ledger: refresh every current light ${((performance.now() - t) / 1000).toFixed(2)} s`);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const s = performance.now();
  await listProjectsView(ctx, {
    kind: 'key_project',
    light: i % 2 ? 'red' : 'green',
    limit: 50,
    offset: 0,
  });
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log(
  `ledger: list with filters, in-process p50 ${times[100]!.toFixed(1)} ms, p99 ${times[197]!.toFixed(1)} ms   (target p99 ≤ 50 ms over HTTP at 50 connections: not measured here)`,
);
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
