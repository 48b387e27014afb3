// The lights of many projects come from one grouped read (the earliest late milestone and the
// earliest overdue problem per project, picked in SQL); on both databases they must equal the
// rule applied to every milestone and problem of each project, and the stored current light
// must be what a full rewrite would have left.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { computeLight, DEFAULT_LIGHT_THRESHOLDS, isLit, PROJECT_STATES } from '../core/ledger.ts';
import { insertInvestments } from '../db/ledger.repository.ts';
import { lightsAsOf, refreshAllLights, snapshotLights } from './ledger-lights.ts';
import type { LedgerContext } from './policies/ledger.ts';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const day = (r: () => number, year = 2026) =>
  `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;

describeEachDialect('ledger lights from one grouped read', (use) => {
  it('equal the §9 rule over every milestone and problem, and store only what changed', async () => {
    const ctx = {
      ...use().ctx,
      ledger: { office: 'NONE', thresholds: DEFAULT_LIGHT_THRESHOLDS },
    } as LedgerContext;
    const db = ctx.db;
    const now = '2026-06-30T08:00:00Z';
    const unit = await db
      .insertInto('units')
      .values({
        code: 'LL1',
        name: '测试镇',
        kind: 'town',
        parent_id: null,
        source: 'custom',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = random(15);
    const projects: number[] = [];
    for (let i = 0; i < 60; i++) {
      const row = await db
        .insertInto('ledger_projects')
        .values({
          code: `LL-${i}`,
          name: `项目${i}`,
          kind: 'key_project',
          state: PROJECT_STATES[Math.floor(r() * PROJECT_STATES.length)]!,
          unit_id: unit.id,
          owner: null,
          location: null,
          industry: null,
          description: null,
          total_investment: 1000,
          start_year: 2026,
          taskforce_id: null,
          supplement_reason: null,
          // Some stored lights already right, some stale, some in the old '[]' form.
          light: i % 4 === 0 ? null : i % 4 === 1 ? 'green' : 'red',
          light_reasons: i % 4 === 1 ? '[]' : null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      projects.push(row.id);
    }
    const investments = [];
    for (const id of projects.slice(0, 50)) {
      for (const month of ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-05']) {
        investments.push({
          projectId: id,
          month,
          planned: r() < 0.15 ? null : Math.round(r() * 500),
          completed: r() < 0.3 ? null : Math.round(r() * 500 * 10) / 10,
        });
      }
    }
    await insertInvestments(db, investments, now);
    for (const id of projects) {
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        await db
          .insertInto('ledger_milestones')
          .values({
            project_id: id,
            kind: 'start',
            name: '节点',
            planned_on: day(r),
            actual_on: r() < 0.5 ? null : day(r),
            updated_at: now,
          })
          .execute();
      }
      for (let k = Math.floor(r() * 5); k > 0; k--) {
        await db
          .insertInto('ledger_problems')
          .values({
            project_id: id,
            title: '问题',
            detail: null,
            state: 'assigned',
            owner_unit_id: null,
            deadline: r() < 0.2 ? null : day(r),
            reply: null,
            raised_on: '2026-01-01',
            closed_on: r() < 0.5 ? null : day(r),
            created_by: null,
            updated_at: now,
          })
          .execute();
      }
    }

    const literal = async (asOf: string) => {
      const milestones = await db.selectFrom('ledger_milestones').selectAll().execute();
      const problems = await db.selectFrom('ledger_problems').selectAll().execute();
      const rows = await db.selectFrom('ledger_investments').selectAll().execute();
      const out = new Map<number, ReturnType<typeof computeLight>>();
      for (const p of await db.selectFrom('ledger_projects').selectAll().execute()) {
        if (!isLit(p.state as never)) continue;
        const mine = rows.filter(
          (i) => i.project_id === p.id && i.month.slice(0, 4) === asOf.slice(0, 4),
        );
        out.set(
          p.id,
          computeLight(
            {
              asOf,
              yearPlanned: mine.reduce((s, i) => s + (i.planned ?? 0), 0),
              ytdCompleted: mine
                .filter((i) => i.month <= asOf.slice(0, 7))
                .reduce((s, i) => s + (i.completed ?? 0), 0),
              milestones: milestones
                .filter((m) => m.project_id === p.id)
                .map((m) => ({ planned: m.planned_on, actual: m.actual_on })),
              problems: problems
                .filter((x) => x.project_id === p.id)
                .map((x) => ({ deadline: x.deadline, closedOn: x.closed_on })),
            },
            DEFAULT_LIGHT_THRESHOLDS,
          ),
        );
      }
      return out;
    };

    let reds = 0;
    let yellows = 0;
    for (const asOf of ['2026-01-31', '2026-03-15', '2026-06-30', '2026-09-30']) {
      const expected = await literal(asOf);
      const got = await lightsAsOf(ctx, asOf);
      expect(got.map((l) => l.projectId).sort()).toEqual([...expected.keys()].sort());
      for (const l of got) {
        // Sums of decimals may differ in the last bit between SQL and JavaScript.
        const round = (x: ReturnType<typeof computeLight> | undefined) =>
          x && { ...x, behind: x.behind === null ? null : Number(x.behind.toFixed(9)) };
        expect(round(l.result), `project ${l.projectId} as of ${asOf}`).toEqual(
          round(expected.get(l.projectId)),
        );
        if (l.result.light === 'red') reds++;
        if (l.result.light === 'yellow') yellows++;
      }
    }
    // The data reaches every light and reason, or the comparison proves little.
    expect(reds).toBeGreaterThan(10);
    expect(yellows).toBeGreaterThan(3);

    // The current light as a full rewrite leaves it: reasons null when there are none.
    await refreshAllLights(ctx);
    const expected = await literal('2026-06-30');
    const stored = await db.selectFrom('ledger_projects').selectAll().orderBy('id').execute();
    for (const p of stored) {
      const e = expected.get(p.id);
      if (!e) continue;
      expect([p.light, p.light_reasons], `project ${p.id}`).toEqual([
        e.light,
        e.reasons.length ? JSON.stringify(e.reasons) : null,
      ]);
    }
    const snapshot = await snapshotLights(ctx, { month: '2026-06' });
    const rows = await db
      .selectFrom('ledger_lights')
      .selectAll()
      .where('month', '=', '2026-06')
      .execute();
    expect(rows).toHaveLength(expected.size);
    expect(snapshot.red + snapshot.yellow + snapshot.green).toBe(expected.size);
    for (const row of rows) {
      expect(row.light).toBe(expected.get(row.project_id)!.light);
      expect(JSON.parse(row.reasons)).toEqual(expected.get(row.project_id)!.reasons);
    }
  });
});
