/**
 * Ledger races, on both dialects (PostgreSQL is where requests really interleave): the same step
 * of a problem's loop sent N times at once has exactly one winner, the rest told 409 and nothing
 * recorded twice; month-end snapshots taken at once leave one row a project and month, never a 500.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUser } from '../app/users.ts';

const TOWN = '371323104'; // 黄山铺镇
const OFFICE = '371323-D05'; // 县发展和改革局
const N = 8;

function statuses(responses: { statusCode: number }[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.statusCode] = (out[r.statusCode] ?? 0) + 1;
  return out;
}

describeEachDialect('ledger races', (use) => {
  let s: TestServer;
  let project = 0;
  const as = (user: string, method: string, url: string, payload?: unknown) =>
    s.as(user, {
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    s = await startTestServer(use());
    await createUser(use().ctx, { username: 'fagai', unit: OFFICE, roles: ['organizer'] });
    const created = await as('fagai', 'POST', '/projects', {
      code: 'RACE-1',
      name: '并发测试项目',
      kind: 'key_project',
      state: 'active',
      unit: TOWN,
      totalInvestment: 1000,
      startYear: 2026,
    });
    expect(created.statusCode, created.body).toBe(201);
    project = created.json().id;
  });
  afterAll(() => s.close());

  it('lets one of N identical problem steps win; the rest are 409 and the step is kept once', async () => {
    const raised = await as('huangshanpu', 'POST', `/projects/${project}/problems`, {
      title: '土地指标未落实',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().id as number;
    const act = (user: string, body: object) => as(user, 'POST', `/problems/${id}/actions`, body);
    const assigns = await Promise.all(
      Array.from({ length: N }, () =>
        act('fagai', { action: 'assign', ownerUnit: TOWN, deadline: '2026-08-01' }),
      ),
    );
    expect(statuses(assigns)).toEqual({ 200: 1, 409: N - 1 });
    expect((await act('huangshanpu', { action: 'reply', reply: '已落实' })).statusCode).toBe(200);
    expect((await act('fagai', { action: 'confirm' })).statusCode).toBe(200);
    const closes = await Promise.all(
      Array.from({ length: N }, () => act('fagai', { action: 'close', note: '销号' })),
    );
    expect(statuses(closes)).toEqual({ 200: 1, 409: N - 1 });
    const steps = await use()
      .ctx.db.selectFrom('ledger_problem_steps')
      .select('action')
      .where('problem_id', '=', id)
      .orderBy('id')
      .execute();
    expect(steps.map((x) => x.action)).toEqual(['raise', 'assign', 'reply', 'confirm', 'close']);
    const audited = await use()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'problem')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audited.filter((a) => a.action === 'problem.close')).toHaveLength(1);
    expect(audited.filter((a) => a.action === 'problem.assign')).toHaveLength(1);
  });

  it('keeps one snapshot row a project when month-end snapshots run at once', async () => {
    const runs = await Promise.all(
      Array.from({ length: N }, () =>
        as('fagai', 'POST', '/ledger/snapshots', { month: '2026-05' }),
      ),
    );
    const seen = statuses(runs);
    expect(Object.keys(seen).every((code) => code === '200' || code === '409')).toBe(true);
    expect(seen[200] ?? 0).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('CONFLICT');
    }
    const rows = await use()
      .ctx.db.selectFrom('ledger_lights')
      .select(['project_id'])
      .where('month', '=', '2026-05')
      .execute();
    expect(rows.map((r) => r.project_id).sort()).toEqual(
      [...new Set(rows.map((r) => r.project_id))].sort(),
    );
    expect(rows.some((r) => r.project_id === project)).toBe(true);
  });
});
