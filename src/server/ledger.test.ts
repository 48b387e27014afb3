// The project ledger through the API, on both databases: scope (a unit its own projects, the
// planning office the plans), bad input refused naming the field with nothing written, the
// problem loop with every step audited, lights computed and snapshotted idempotently.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUser } from '../app/users.ts';
import { ledgerState } from '../db/ledger.repository.ts';

const TOWN = '371323104'; // 黄山铺镇 (user huangshanpu)
const OFFICE = '371323-D05'; // 县发展和改革局, the planning office by default

describeEachDialect('project ledger', (use) => {
  let s: TestServer;
  let project = 0;
  let taskforce = 0;

  const as = (user: string | null, method: string, url: string, payload?: unknown) =>
    s.as(user, {
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    s = await startTestServer(use());
    await createUser(use().ctx, { username: 'fagai', unit: OFFICE, roles: ['organizer'] });
  });
  afterAll(() => s.close());

  it('lets the planning office set up task forces and projects, and nobody else', async () => {
    const tf = await as('fagai', 'POST', '/taskforces', {
      name: '黄山铺镇新材料产业园专班',
      leaderPost: '县委常委、常务副县长',
      head: '县发展和改革局局长',
      department: OFFICE,
      members: ['县工业和信息化局', '黄山铺镇'],
    });
    expect(tf.statusCode, tf.body).toBe(201);
    taskforce = tf.json().id;
    const input = {
      code: 'XM-001',
      name: '新材料产业园一期',
      kind: 'key_project',
      state: 'active',
      unit: TOWN,
      owner: '山东某新材料有限公司',
      location: '黄山铺镇工业园',
      industry: '新材料',
      totalInvestment: 12000,
      startYear: 2026,
      taskforce,
    };
    expect(
      (await as('huangshanpu', 'POST', '/projects', { ...input, code: 'XM-x' })).statusCode,
    ).toBe(403);
    const created = await as('fagai', 'POST', '/projects', input);
    expect(created.statusCode, created.body).toBe(201);
    project = created.json().id;
    expect(created.json().taskforce.leaderPost).toBe('县委常委、常务副县长');
    const dup = await as('admin', 'POST', '/projects', input);
    expect(dup.statusCode).toBe(409);
  });

  it('keeps plans with the planning office and each unit to its own projects', async () => {
    const plan = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      planned: 100,
    }));
    const byUnit = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, plan);
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().error.details.field).toBe('[0].planned');
    expect((await as('fagai', 'PUT', `/projects/${project}/investments`, plan)).statusCode).toBe(
      200,
    );

    const report = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-01', completed: 90 },
      { month: '2026-02', completed: 110 },
    ]);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().totals).toMatchObject({
      yearPlanned: 1200,
      ytdPlanned: 600,
      ytdCompleted: 200,
    });

    const other = await as('yangzhuang', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-03', completed: 10 },
    ]);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details.field).toBe('unit');
    expect((await as('yangzhuang', 'GET', `/projects/${project}`)).statusCode).toBe(403);
    expect(
      (await as('yangzhuang', 'PATCH', `/projects/${project}`, { owner: 'x' })).statusCode,
    ).toBe(403);

    const edit = await as('huangshanpu', 'PATCH', `/projects/${project}`, {
      location: '黄山铺镇驻地',
    });
    expect(edit.statusCode).toBe(200);
    const total = await as('huangshanpu', 'PATCH', `/projects/${project}`, { totalInvestment: 1 });
    expect(total.statusCode).toBe(403);
    expect(total.json().error.details.field).toBe('totalInvestment');
  });

  it('refuses bad investment, naming the field, and writes nothing', async () => {
    const before = (await as('huangshanpu', 'GET', `/projects/${project}`)).json().investments;
    const negative = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-03', completed: 50 },
      { month: '2026-04', completed: -1 },
    ]);
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('body.1.completed');
    const text = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-03', completed: '很多' },
    ]);
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('body.0.completed');
    const huge = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-03', completed: 50 },
      { month: '2026-04', completed: 1001 },
    ]);
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error).toMatchObject({
      code: 'NEEDS_CONFIRMATION',
      details: { field: '[1].completed' },
    });
    expect((await as('huangshanpu', 'GET', `/projects/${project}`)).json().investments).toEqual(
      before,
    );
    const confirmed = await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-04', completed: 1001, confirm: true },
    ]);
    expect(confirmed.statusCode).toBe(200);
    // Put it back: the rest of the suite wants a project behind schedule.
    await as('huangshanpu', 'PUT', `/projects/${project}/investments`, [
      { month: '2026-04', completed: 0 },
    ]);
  });

  it('never takes a typed light', async () => {
    const res = await as('admin', 'PATCH', `/projects/${project}`, { light: 'green' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'LIGHT_COMPUTED', details: { field: 'light' } });
  });

  it('records milestones in order only', async () => {
    const start = await as('fagai', 'POST', `/projects/${project}/milestones`, {
      kind: 'start',
      planned: '2026-03-01',
    });
    expect(start.statusCode, start.body).toBe(201);
    const early = await as('fagai', 'POST', `/projects/${project}/milestones`, {
      kind: 'finished',
      planned: '2026-02-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'MILESTONE_ORDER',
      details: { field: 'planned' },
    });
    const finish = await as('fagai', 'POST', `/projects/${project}/milestones`, {
      kind: 'finished',
      planned: '2026-12-01',
    });
    expect(finish.statusCode).toBe(201);
    const ms = finish.json().milestones as { id: number; kind: string }[];
    const finished = ms.find((m) => m.kind === 'finished')!.id;
    const started = ms.find((m) => m.kind === 'start')!.id;
    // 竣工 reached before 开工: refused.
    const out = await as('huangshanpu', 'PATCH', `/milestones/${finished}`, {
      actual: '2026-06-01',
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details.field).toBe('actual');
    const moved = await as('huangshanpu', 'PATCH', `/milestones/${started}`, {
      planned: '2026-04-01',
    });
    expect(moved.statusCode).toBe(403);
    const reached = await as('huangshanpu', 'PATCH', `/milestones/${started}`, {
      actual: '2026-03-20',
    });
    expect(reached.statusCode, reached.body).toBe(200);
  });

  it('computes the light by the §9 rule and snapshots it once a month', async () => {
    // June 30th: 49.6% of the year gone, 200 of 1200 done (16.7%): 32.9 points behind → red.
    const p = (await as('huangshanpu', 'GET', `/projects/${project}`)).json();
    expect(p.light).toBe('red');
    expect(p.lightReasons[0]).toContain('滞后序时进度');
    expect(
      (await as('huangshanpu', 'POST', '/ledger/snapshots', { month: '2026-06' })).statusCode,
    ).toBe(403);
    const first = await as('fagai', 'POST', '/ledger/snapshots', { month: '2026-05' });
    expect(first.statusCode, first.body).toBe(200);
    const again = await as('fagai', 'POST', '/ledger/snapshots', { month: '2026-05' });
    expect(again.json()).toEqual(first.json());
    const rows = await use()
      .ctx.db.selectFrom('ledger_lights')
      .select(['project_id', 'month', 'light'])
      .where('month', '=', '2026-05')
      .execute();
    // May 31st: 41.4% of the year gone, 16.7% done: 24.7 points behind → yellow that month.
    expect(rows).toEqual([{ project_id: project, month: '2026-05', light: 'yellow' }]);
    expect((await as('fagai', 'POST', '/ledger/snapshots', { month: '2026-08' })).statusCode).toBe(
      400,
    );
    const listed = await as('lingdao', 'GET', `/projects?light=red&unit=${TOWN}&kind=key_project`);
    expect(listed.json().total).toBe(1);
    expect((await as('lingdao', 'GET', '/projects?light=green')).json().total).toBe(0);
    expect((await as('yangzhuang', 'GET', '/projects')).json().total).toBe(0);
  });

  it('runs a problem round its closed loop, audited, with overdue computed', async () => {
    const past = await as('huangshanpu', 'POST', `/projects/${project}/problems`, {
      title: '用电增容',
      deadline: '2026-06-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.field).toBe('deadline');
    const raised = await as('huangshanpu', 'POST', `/projects/${project}/problems`, {
      title: '用电增容审批慢',
      detail: '需要新增一台变压器',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().id;
    const act = (user: string, body: object) => as(user, 'POST', `/problems/${id}/actions`, body);
    expect(
      (
        await act('huangshanpu', {
          action: 'assign',
          ownerUnit: '371323-D06',
          deadline: '2026-07-10',
        })
      ).statusCode,
    ).toBe(403);
    expect((await act('fagai', { action: 'close' })).statusCode).toBe(409);
    const assigned = await act('fagai', {
      action: 'assign',
      ownerUnit: TOWN,
      deadline: '2026-07-10',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      state: 'assigned',
      overdue: false,
      deadline: '2026-07-10',
    });
    expect((await act('fagai', { action: 'remind', note: '请抓紧' })).json().state).toBe(
      'reminded',
    );
    // Time passes beyond the deadline: overdue is computed, not typed; the board shows it.
    s.clock.advanceMinutes(60 * 24 * 15); // July 15th
    const board = await as('fagai', 'GET', '/problems?overdue=1');
    expect(
      board.json().items.map((p: { id: number; daysOverdue: number }) => [p.id, p.daysOverdue]),
    ).toEqual([[id, 5]]);
    expect((await act('fagai', { action: 'escalate', note: '县级督办' })).json().state).toBe(
      'escalated',
    );
    expect((await act('yangzhuang', { action: 'reply', reply: 'x' })).statusCode).toBe(403);
    const replied = await act('huangshanpu', { action: 'reply', reply: '已协调供电公司完成增容' });
    expect(replied.json().state).toBe('replied');
    expect((await act('huangshanpu', { action: 'confirm' })).statusCode).toBe(403);
    expect((await act('fagai', { action: 'confirm' })).json().state).toBe('confirmed');
    const closed = await act('fagai', { action: 'close', note: '销号' });
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closedOn: '2026-07-15',
      overdue: false,
      closedOnTime: false,
    });
    const steps = (await as('fagai', 'GET', `/problems?project=${project}`)).json().items[0].steps;
    expect(steps.map((x: { action: string }) => x.action)).toEqual([
      'raise',
      'assign',
      'remind',
      'escalate',
      'reply',
      'confirm',
      'close',
    ]);
    const audited = await use()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'problem')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'problem.raise',
      'problem.assign',
      'problem.remind',
      'problem.escalate',
      'problem.reply',
      'problem.confirm',
      'problem.close',
    ]);
  });

  it('fills ledger-sourced indicators when a round opens; only the organizer changes them, with a note', async () => {
    const contest = await as('admin', 'POST', '/contests', {
      title: '重点工业项目擂台赛',
      category: '重点工业项目',
      organizer: '371323',
      cadence: 'month',
      participants: { under: '371323', kinds: ['town', 'street'] },
    });
    expect(contest.statusCode, contest.body).toBe(201);
    const id = contest.json().id;
    const yaml = `title: 重点工业项目
indicators:
  - { code: L1, name: 投资完成率, points: 60, method: relative, source: ledger.investment_rate }
  - { code: L2, name: 问题按期销号率, points: 20, method: relative, source: ledger.problems_closed_on_time }
  - { code: M1, name: 服务企业次数, points: 20, method: relative }
`;
    expect((await as('admin', 'POST', `/contests/${id}/rubrics`, { yaml })).statusCode).toBe(201);
    const bad = await as('admin', 'POST', `/contests/${id}/rubrics`, {
      yaml: yaml.replace('ledger.investment_rate', 'ledger.nothing'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('source');
    expect((await as('admin', 'POST', `/contests/${id}/rubrics/1/publish`)).statusCode).toBe(200);
    const round = await as('admin', 'POST', `/contests/${id}/rounds`, { period: '2026-06' });
    expect(round.statusCode, round.body).toBe(201);
    const roundId = round.json().id;
    await as('admin', 'POST', `/rounds/${roundId}/transition`, { to: 'collecting' });
    const entries = (await as('admin', 'GET', `/rounds/${roundId}/entries`)).json();
    const list = (entries.items ?? entries) as {
      unit: string;
      indicator: string;
      value: number;
      note: string;
    }[];
    const l1 = list.filter((e) => e.indicator === 'L1');
    // Only 黄山铺镇 has projects: 200 of 600 planned by June = 33.3%.
    expect(l1.map((e) => [e.unit, e.value])).toEqual([[TOWN, 33.3]]);
    expect(l1[0]!.note).toContain('来自项目台账');
    const byUnit = await as('huangshanpu', 'PUT', `/rounds/${roundId}/entries`, [
      { unit: TOWN, indicator: 'L1', value: 90 },
    ]);
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().error.details.field).toBe('[0].value');
    const noNote = await as('admin', 'PUT', `/rounds/${roundId}/entries`, [
      { unit: TOWN, indicator: 'L1', value: 40 },
    ]);
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.field).toBe('[0].note');
    const withNote = await as('admin', 'PUT', `/rounds/${roundId}/entries`, [
      { unit: TOWN, indicator: 'L1', value: 40, note: '补报5月完成投资，经项目办核实' },
    ]);
    expect(withNote.statusCode, withNote.body).toBe(200);
    // The unit still fills the indicators that are not sourced from the ledger.
    const manual = await as('huangshanpu', 'PUT', `/rounds/${roundId}/entries`, [
      { unit: TOWN, indicator: 'M1', value: 18 },
    ]);
    expect(manual.statusCode, manual.body).toBe(200);
  });

  it('moves projects through the library, with reasons where the design asks', async () => {
    const back = await as('fagai', 'POST', `/projects/${project}/transition`, { to: 'planning' });
    expect(back.statusCode).toBe(409);
    const stop = await as('fagai', 'POST', `/projects/${project}/transition`, { to: 'suspended' });
    expect(stop.statusCode).toBe(400);
    expect(stop.json().error.details.field).toBe('reason');
    expect(
      (await as('huangshanpu', 'POST', `/projects/${project}/transition`, { to: 'completed' }))
        .statusCode,
    ).toBe(403);
    const stopped = await as('fagai', 'POST', `/projects/${project}/transition`, {
      to: 'suspended',
      reason: '环评未通过',
    });
    expect(stopped.json()).toMatchObject({ state: 'suspended', stateReason: '环评未通过' });
  });

  it('pages and searches the list: a literal % or _ in the search, a page past the end still counted', async () => {
    const base = {
      kind: 'urban_work',
      state: 'active',
      unit: TOWN,
      totalInvestment: 100,
      startYear: 2026,
    };
    for (const [code, name] of [
      ['CJ-1', '老城改造100%覆盖工程'],
      ['CJ-2', '老城改造1000户工程'],
      ['CJ-3', 'Road_A 道路工程'],
      ['CJ-4', 'RoadBA 道路工程'],
    ]) {
      const made = await as('fagai', 'POST', '/projects', { ...base, code, name });
      expect(made.statusCode, made.body).toBe(201);
    }
    const names = async (query: string) => {
      const body = (await as('fagai', 'GET', `/projects?kind=urban_work&${query}`)).json();
      return { total: body.total, names: body.items.map((p: { name: string }) => p.name) };
    };
    expect(await names(`q=${encodeURIComponent('100%')}`)).toEqual({
      total: 1,
      names: ['老城改造100%覆盖工程'],
    });
    expect((await names(`q=${encodeURIComponent('road_a')}`)).names).toEqual(['Road_A 道路工程']);
    expect(await names('limit=3')).toMatchObject({ total: 4 });
    expect((await names('limit=3')).names).toHaveLength(3);
    expect(await names('limit=3&offset=3')).toEqual({ total: 4, names: ['RoadBA 道路工程'] });
    expect(await names('limit=3&offset=9')).toEqual({ total: 4, names: [] });
    expect(await names(`q=${encodeURIComponent('无此项目')}`)).toEqual({ total: 0, names: [] });
  });

  it('keeps the list true to every write, through the API or behind its back, while it caches pages', async () => {
    const page = async (query: string) => {
      const body = (await as('fagai', 'GET', `/projects?kind=urban_work&${query}`)).json();
      return body.items.map((p: { code: string; name: string; unit: { name: string } }) =>
        [p.code, p.name, p.unit.name].join(' '),
      );
    };
    const before = await page('limit=10');
    expect(before).toHaveLength(4);
    expect(await page('limit=10')).toEqual(before);
    // Through the API.
    const id = (await as('fagai', 'GET', '/projects?q=RoadBA')).json().items[0].id;
    const renamed = await as('fagai', 'PATCH', `/projects/${id}`, {
      name: 'RoadBA 道路工程（二期）',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await page('limit=10')).toContain('CJ-4 RoadBA 道路工程（二期） 黄山铺镇');
    // Another writer (the month-end job, another server, psql): the database raises the version.
    const db = use().ctx.db;
    expect(await page('light=red')).toEqual([]);
    await db
      .updateTable('ledger_projects')
      .set({ light: 'red' })
      .where('code', '=', 'CJ-1')
      .execute();
    expect(await page('light=red')).toEqual(['CJ-1 老城改造100%覆盖工程 黄山铺镇']);
    // The responsible unit's name, shown in every row.
    await db
      .updateTable('units')
      .set({ name: '黄山铺镇（测试）' })
      .where('code', '=', TOWN)
      .execute();
    try {
      expect(await page('light=red')).toEqual(['CJ-1 老城改造100%覆盖工程 黄山铺镇（测试）']);
    } finally {
      await db.updateTable('units').set({ name: '黄山铺镇' }).where('code', '=', TOWN).execute();
    }
    expect(await page('light=red')).toEqual(['CJ-1 老城改造100%覆盖工程 黄山铺镇']);
    // A unit moved (a subtree's lists hold its units' projects) moves the version too.
    const version = (await ledgerState(db, OFFICE)).version;
    const town = await db
      .selectFrom('units')
      .select('parent_id')
      .where('code', '=', TOWN)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('units')
      .set({ parent_id: town.parent_id })
      .where('code', '=', TOWN)
      .execute();
    expect((await ledgerState(db, OFFICE)).version).toBeGreaterThan(version);
    await db.deleteFrom('ledger_projects').where('code', '=', 'CJ-3').execute();
    expect(await page('limit=10')).toHaveLength(3);
  });
});
