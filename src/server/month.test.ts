/**
 * A month of a contest, through the API, with every role (DESIGN §1–§3): the organizer sets it
 * up and publishes the rubric, towns report, the lead office scores and checks, review and notice,
 * an appeal upheld, publication with flags, a correction, and the next month's movement.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';

const RUBRIC = `title: 基层党建重点任务擂台赛·组织建设
precision: 2
indicators:
  - { code: A1, name: 村级活动场所标准化, points: 40, method: manual }
  - { code: A2, name: 后备干部人数, points: 60, method: relative }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
  - { code: V1, name: 发生重大安全事故, kind: veto }
flags:
  red: { top: 3 }
  yellow: { bottom: 2 }
`;

const HSP = '371323104'; // 黄山铺镇
const YZ = '371323109'; // 杨庄镇

describeEachDialect('a month of a contest through the API', (use) => {
  let s: TestServer;
  let contestId: number;
  let roundId: number;
  let towns: string[];
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  const put = (user: string, items: unknown[]) =>
    s.as(user, { method: 'PUT', url: `/api/v1/rounds/${roundId}/entries`, payload: items });
  const move = (user: string, to: string) =>
    s.as(user, { method: 'POST', url: `/api/v1/rounds/${roundId}/transition`, payload: { to } });
  const results = async (user: string | null, query = '') =>
    (await s.as(user, { url: `/api/v1/rounds/${roundId}/results${query}` })).json();

  it('the organizer creates the contest for all towns and streets and publishes its rubric', async () => {
    const created = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/contests',
      payload: {
        title: '基层党建重点任务擂台赛·组织建设',
        category: '基层党建',
        organizer: '371323',
        cadence: 'month',
        participants: { under: '371323', kinds: ['street', 'town', 'township'] },
        evaluators: { A1: '371323-D01', B1: '371323-D01', V1: '371323-D01' },
      },
    });
    expect(created.statusCode).toBe(201);
    contestId = created.json().id;
    towns = created.json().participants.map((p: { code: string }) => p.code);
    expect(towns).toHaveLength(18);

    const early = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06' },
    });
    expect(early.json().error.code).toBe('NO_PUBLISHED_RUBRIC');

    const broken = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml: RUBRIC.replace('points: 40', 'points: -40') },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.problems[0]).toMatchObject({
      line: 4,
      field: 'indicators[0].points',
    });

    const draft = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics`,
      payload: { yaml: RUBRIC },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft' });
    expect((await s.as(null, { url: `/api/v1/contests/${contestId}/rubrics/1` })).statusCode).toBe(
      401,
    );
    const published = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics/1/publish`,
    });
    expect(published.json().status).toBe('published');
    expect(
      (await s.as(null, { url: `/api/v1/contests/${contestId}/rubrics/1` })).json().rubric.title,
    ).toContain('组织建设');
    const again = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rubrics/1/publish`,
    });
    expect(again.json().error.code).toBe('RUBRIC_FROZEN');

    const round = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06', deadline: '2026-07-05' },
    });
    expect(round.statusCode).toBe(201);
    roundId = round.json().id;
    expect(round.json()).toMatchObject({
      state: 'draft',
      periodLabel: '2026年6月',
      rubricVersion: 1,
    });
    const dup = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-06' },
    });
    expect(dup.statusCode).toBe(409);
    const badPeriod = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-Q3' },
    });
    expect(badPeriod.json().error.code).toBe('BAD_PERIOD');
    expect((await move('admin', 'published')).json().error.code).toBe('INVALID_TRANSITION');
    expect((await move('huangshanpu', 'collecting')).statusCode).toBe(403);
    expect((await move('admin', 'collecting')).json().state).toBe('collecting');
    const mayOf = async (user: string | null) =>
      (await s.as(user, { url: `/api/v1/rounds/${roundId}` })).json().may;
    expect(await mayOf('admin')).toMatchObject({ manage: true, evaluates: [], reportsFor: null });
    expect(await mayOf('zuzhibu')).toMatchObject({
      manage: false,
      evaluates: ['A1', 'B1', 'V1'],
      reportsFor: null,
    });
    expect(await mayOf('huangshanpu')).toMatchObject({
      manage: false,
      evaluates: [],
      reportsFor: HSP,
      fill: true,
      transition: [],
    });
  });

  it('a town reports its own self-reported values only; a bad batch is refused whole', async () => {
    expect(
      (await put('huangshanpu', [{ unit: HSP, indicator: 'A2', value: 6, note: '见附件' }]))
        .statusCode,
    ).toBe(200);
    const notMine = await put('huangshanpu', [
      { unit: HSP, indicator: 'A2', value: 7 },
      { unit: YZ, indicator: 'A2', value: 1 },
      { unit: HSP, indicator: 'A1', value: 30 },
      { unit: HSP, indicator: 'ZZ', value: 1 },
      { unit: HSP, indicator: 'B1', value: 'x' },
    ]);
    expect(notMine.statusCode).toBe(400);
    const mine = await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/entries` });
    expect(mine.json().items).toEqual([
      expect.objectContaining({ unit: HSP, indicator: 'A2', value: 6, version: 1 }),
    ]);
    expect(mine.json().editable).toEqual({ units: [HSP], indicators: ['A2'] });

    const refused = await put('huangshanpu', [
      { unit: HSP, indicator: 'A2', value: 7 },
      { unit: YZ, indicator: 'A2', value: 1 },
      { unit: HSP, indicator: 'A1', value: 30 },
      { unit: HSP, indicator: 'ZZ', value: 1 },
      { unit: '370000', indicator: 'A2', value: 1 },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .error.details.problems.map((p: { index: number; code: string }) => `${p.index}:${p.code}`),
    ).toEqual(['1:NOT_PERMITTED', '2:NOT_PERMITTED', '3:UNKNOWN_INDICATOR', '4:UNKNOWN_UNIT']);
    const after = await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/entries` });
    expect(after.json().items[0].value).toBe(6);

    const others = towns
      .filter((t) => t !== HSP)
      .map((unit, i) => ({ unit, indicator: 'A2', value: 2 + (i % 7) }));
    expect((await put('admin', others)).json().saved).toBe(17);
  });

  it('the lead office scores its indicators, and a stale save is refused with 409', async () => {
    const scores = towns.map((unit, i) => ({ unit, indicator: 'A1', value: 20 + i }));
    expect((await put('zuzhibu', scores)).statusCode).toBe(200);
    expect((await put('zuzhibu', [{ unit: HSP, indicator: 'A2', value: 1 }])).statusCode).toBe(403);
    expect(
      (await put('zuzhibu', [{ unit: YZ, indicator: 'A1', value: 41 }])).json().error.code,
    ).toBe('INVALID_ENTRIES');

    const first = await put('zuzhibu', [{ unit: YZ, indicator: 'B1', value: 1, version: 0 }]);
    expect(first.statusCode).toBe(200);
    const stale = await put('zuzhibu', [
      { unit: HSP, indicator: 'B1', value: 1 },
      { unit: YZ, indicator: 'B1', value: 3, version: 0 },
    ]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.problems[0]).toMatchObject({
      unit: YZ,
      code: 'STALE_VERSION',
    });
    const entries = (await s.as('zuzhibu', { url: `/api/v1/rounds/${roundId}/entries` })).json()
      .items;
    expect(
      entries.find(
        (e: { unit: string; indicator: string }) => e.unit === YZ && e.indicator === 'B1',
      ),
    ).toMatchObject({ value: 1, version: 1 });
    expect(
      entries.some(
        (e: { unit: string; indicator: string }) => e.unit === HSP && e.indicator === 'B1',
      ),
    ).toBe(false);
  });

  it('review computes the results; the lead office records a field check', async () => {
    expect(
      (await s.as('admin', { url: `/api/v1/rounds/${roundId}/results` })).json().error.code,
    ).toBe('NO_RESULTS');
    expect((await move('admin', 'reviewing')).json().state).toBe('reviewing');
    const r = await results('admin');
    expect(r.total).toBe(18);
    expect(r.items[0].rank).toBe(1);
    const yz = r.items.find((x: { code: string }) => x.code === YZ);
    expect(yz.indicators.B1.score).toBe(-2);
    expect(
      (await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/results` })).statusCode,
    ).toBe(403);
    expect((await put('huangshanpu', [{ unit: HSP, indicator: 'A2', value: 9 }])).statusCode).toBe(
      403,
    );

    const check = await s.as('zuzhibu', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/verifications`,
      payload: {
        unit: HSP,
        indicator: 'A1',
        kind: 'field_check',
        date: '2026-07-02',
        finding: '四不两直实地查看，活动场所标准化属实',
      },
    });
    expect(check.statusCode).toBe(201);
    const seen = (await s.as('huangshanpu', { url: `/api/v1/rounds/${roundId}/entries` })).json();
    expect(seen.verifications).toEqual([
      expect.objectContaining({
        kind: 'field_check',
        finding: expect.stringContaining('四不两直'),
      }),
    ]);
  });

  it('in notice a town sees the results and appeals; publishing waits for the answer', async () => {
    expect((await move('admin', 'notice')).json().state).toBe('notice');
    const before = (await results('huangshanpu')).items.find(
      (x: { code: string }) => x.code === HSP,
    );
    expect(
      (await put('zuzhibu', [{ unit: HSP, indicator: 'A1', value: 40 }])).json().error.code,
    ).toBe('ROUND_CLOSED');
    const foreign = await s.as('huangshanpu', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/appeals`,
      payload: { unit: YZ, indicator: 'A1', reason: '替别人申诉' },
    });
    expect(foreign.statusCode).toBe(403);
    const appeal = await s.as('huangshanpu', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/appeals`,
      payload: {
        unit: HSP,
        indicator: 'A1',
        reason: '我镇活动场所已于6月底完成标准化改造，附验收单',
      },
    });
    expect(appeal.statusCode).toBe(201);
    expect(appeal.json()).toMatchObject({
      status: 'pending',
      oldValue: before.indicators.A1.value,
    });
    expect((await move('admin', 'published')).json().error.code).toBe('APPEALS_PENDING');
    expect(
      (await s.as('yangzhuang', { url: `/api/v1/rounds/${roundId}/appeals` })).json().total,
    ).toBe(0);

    const byReporter = await s.as('huangshanpu', {
      method: 'POST',
      url: `/api/v1/appeals/${appeal.json().id}/decision`,
      payload: { decision: 'upheld', value: 40, reason: '自己支持自己' },
    });
    expect(byReporter.statusCode).toBe(403);
    const upheld = await s.as('zuzhibu', {
      method: 'POST',
      url: `/api/v1/appeals/${appeal.json().id}/decision`,
      payload: { decision: 'upheld', value: 40, reason: '经复核，验收单属实，改为满分' },
    });
    expect(upheld.json()).toMatchObject({
      status: 'upheld',
      newValue: 40,
      oldValue: before.indicators.A1.value,
    });
    const after = (await results('huangshanpu')).items.find(
      (x: { code: string }) => x.code === HSP,
    );
    expect(after.indicators.A1.score).toBe(40);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.rank).toBeLessThanOrEqual(before.rank);
  });

  it('publishing awards the flags; afterwards only a correction changes the round', async () => {
    // Before the notice's 3 days are over, publishing needs a reason (DESIGN §2).
    const early = await move('admin', 'published');
    expect(early.json().error).toMatchObject({
      code: 'NOTICE_NOT_ENDED',
      details: { field: 'reason' },
    });
    s.clock.advanceMinutes(3 * 24 * 60);
    const published = await move('admin', 'published');
    expect(published.json()).toMatchObject({ state: 'published', revision: 0 });
    const r = await results(null);
    const reds = r.items.filter((x: { flag: string }) => x.flag === 'red');
    const yellows = r.items.filter((x: { flag: string }) => x.flag === 'yellow');
    expect(reds.length).toBeGreaterThanOrEqual(3);
    expect(yellows.length).toBeGreaterThanOrEqual(2);
    const flags = (await s.as(null, { url: '/api/v1/flags', query: { year: '2026' } })).json();
    expect(flags.items.reduce((n: number, t: { red: number }) => n + t.red, 0)).toBe(reds.length);
    expect((await put('admin', [{ unit: HSP, indicator: 'A2', value: 1 }])).json().error.code).toBe(
      'ROUND_CLOSED',
    );
    expect((await move('admin', 'notice')).json().error.code).toBe('INVALID_TRANSITION');

    const last = r.items.at(-1);
    const correction = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${roundId}/corrections`,
      payload: {
        reason: '县委组织部复核发现录入错误',
        entries: [{ unit: last.code, indicator: 'A1', value: 40 }],
      },
    });
    expect(correction.statusCode).toBe(200);
    expect(correction.json().revision).toBe(1);
    expect(
      correction.json().changes.find((c: { code: string }) => c.code === last.code),
    ).toMatchObject({
      before: { rank: last.rank, flag: last.flag },
    });
    const now = await results(null);
    expect(now.revision).toBe(1);
    expect(now.items.find((x: { code: string }) => x.code === last.code).total).toBeGreaterThan(
      last.total,
    );
    const old = await results(null, '?revision=0');
    expect(old.items.find((x: { code: string }) => x.code === last.code).total).toBe(last.total);
    const revisions = (await s.as(null, { url: `/api/v1/rounds/${roundId}/revisions` })).json()
      .items;
    expect(
      revisions.map((v: { revision: number; reason: string | null }) => [v.revision, v.reason]),
    ).toEqual([
      [0, null],
      [1, '县委组织部复核发现录入错误'],
    ]);
    const flagsAfter = (
      await s.as(null, {
        url: '/api/v1/flags',
        query: { year: '2026', contest: String(contestId) },
      })
    ).json();
    expect(flagsAfter.items.reduce((n: number, t: { red: number }) => n + t.red, 0)).toBe(
      now.items.filter((x: { flag: string }) => x.flag === 'red').length,
    );
    const audit = (
      await s.as('admin', {
        url: '/api/v1/audit',
        query: { entity: `round:${roundId}`, action: 'round.correct' },
      })
    ).json();
    expect(audit.items[0].after.reason).toBe('县委组织部复核发现录入错误');
  });

  it('the next month shows movement, my positions and what waits for me', async () => {
    const july = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/contests/${contestId}/rounds`,
      payload: { period: '2026-07' },
    });
    const julyId = july.json().id;
    await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${julyId}/transition`,
      payload: { to: 'collecting' },
    });
    const tasks = (await s.as('huangshanpu', { url: '/api/v1/me/tasks' })).json();
    expect(tasks.items).toEqual([
      expect.objectContaining({ task: 'report', round: expect.objectContaining({ id: julyId }) }),
    ]);
    const evaluatorTasks = (await s.as('zuzhibu', { url: '/api/v1/me/tasks' })).json();
    expect(evaluatorTasks.items[0]).toMatchObject({
      task: 'score',
      indicators: ['A1', 'B1', 'V1'],
    });

    await s.as('admin', {
      method: 'PUT',
      url: `/api/v1/rounds/${julyId}/entries`,
      payload: towns.flatMap((unit, i) => [
        { unit, indicator: 'A1', value: 40 - i },
        { unit, indicator: 'A2', value: 5 },
      ]),
    });
    await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${julyId}/transition`,
      payload: { to: 'reviewing' },
    });
    const julyResults = (await s.as('admin', { url: `/api/v1/rounds/${julyId}/results` })).json();
    const june = (await results(null)).items;
    for (const x of julyResults.items) {
      const prev = june.find((j: { code: string }) => j.code === x.code);
      expect(x.previousRank).toBe(prev.rank);
      expect(x.rankChange).toBe(prev.rank - x.rank);
    }
    const positions = (await s.as('huangshanpu', { url: '/api/v1/me/positions' })).json();
    expect(positions.items[0]).toMatchObject({
      contest: { id: contestId },
      latest: { period: '2026-06' },
    });
  });
});
