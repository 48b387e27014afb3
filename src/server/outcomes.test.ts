/**
 * DESIGN §8 through the API on both databases: flag cadences (weekly rounds and derived
 * quarters award none), the notice window, 回避, a series month (open all, all-or-nothing moves
 * with a preview, tallies, the numbered 通报, the workbook) and the follow-up of yellow flags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';

const HSP = '371323104'; // 黄山铺镇
const YZ = '371323109'; // 杨庄镇
const ZZB = '371323-D01'; // 县委组织部: competes and leads A1 (回避)
const UNITS = [HSP, YZ, ZZB];

const RUBRIC = `title: 测试
indicators:
  - { code: A1, name: 组织建设, points: 100, method: manual }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;
const DAY = 24 * 60;

describeEachDialect('outcomes a county can publish and defend', (use) => {
  let s: TestServer;
  const contests: number[] = [];
  let seriesId = 0;
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  const post = (user: string, url: string, payload: unknown) =>
    s.as(user, { method: 'POST', url: `/api/v1${url}`, payload: payload as object });
  const get = (user: string | null, url: string) => s.as(user, { url: `/api/v1${url}` });

  async function contest(title: string, extra: Record<string, unknown> = {}) {
    const res = await post('admin', '/contests', {
      title,
      category: '基层党建',
      organizer: '371323',
      cadence: 'month',
      participants: UNITS,
      evaluators: { A1: ZZB },
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    await post('admin', `/contests/${id}/rubrics`, { yaml: RUBRIC });
    await post('admin', `/contests/${id}/rubrics/1/publish`, {});
    return id;
  }
  const roundOf = async (contestId: number, period: string) =>
    (await get('admin', `/contests/${contestId}`))
      .json()
      .rounds.find((r: { period: string }) => r.period === period).id as number;
  const fill = (roundId: number, values: number[]) =>
    s.as('admin', {
      method: 'PUT',
      url: `/api/v1/rounds/${roundId}/entries`,
      payload: UNITS.map((unit, k) => ({ unit, indicator: 'A1', value: values[k] })),
    });

  it('a contest says its flag cadences (default the main one) and its notice days', async () => {
    const bad = await post('admin', '/contests', {
      title: 'x',
      category: 'x',
      organizer: '371323',
      cadence: 'month',
      participants: UNITS,
      flagCadences: ['week'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('flagCadences');
    const id = await contest('组织建设擂台赛', {
      extraCadences: ['week', 'quarter'],
      noticeDays: 5,
    });
    const view = (await get('admin', `/contests/${id}`)).json();
    expect(view).toMatchObject({ flagCadences: ['month'], noticeDays: 5 });
    contests.push(id);
    contests.push(await contest('党员干部擂台赛'));
  });

  it('a series opens every member round in one step, after a preview that changes nothing', async () => {
    const created = await post('admin', '/series', {
      title: '基层党建擂台赛',
      organizer: '371323',
      office: '中共沂水县委组织部',
      docPrefix: '沂组通',
      copyTo: '县委办公室，县政府办公室',
      contests,
    });
    expect(created.statusCode, created.body).toBe(201);
    seriesId = created.json().id;
    const preview = await post('admin', `/series/${seriesId}/rounds`, {
      period: '2026-06',
      deadline: '2026-06-25',
      dryRun: true,
    });
    expect(preview.json()).toMatchObject({ dryRun: true, changed: 2 });
    expect(preview.json().lines.map((l: { action: string }) => l.action)).toEqual(['open', 'open']);
    expect((await get('admin', `/contests/${contests[0]}`)).json().rounds).toEqual([]);
    const done = await post('admin', `/series/${seriesId}/rounds`, {
      period: '2026-06',
      deadline: '2026-06-25',
    });
    expect(done.json()).toMatchObject({ dryRun: false, changed: 2 });
    const view = (await get('admin', `/series/${seriesId}?period=2026-06`)).json();
    expect(view.contests.map((c: { round: { state: string } }) => c.round.state)).toEqual([
      'collecting',
      'collecting',
    ]);
  });

  it('回避: the lead office does not score its own unit; the organizer does', async () => {
    const r = await roundOf(contests[0]!, '2026-06');
    const own = await s.as('zuzhibu', {
      method: 'PUT',
      url: `/api/v1/rounds/${r}/entries`,
      payload: [
        { unit: HSP, indicator: 'A1', value: 90 },
        { unit: ZZB, indicator: 'A1', value: 99 },
      ],
    });
    expect(own.statusCode).toBe(403);
    const problems = own.json().error.details.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ unit: ZZB, indicator: 'A1' });
    expect(problems[0].message).toContain('回避');
    const entries = (await get('zuzhibu', `/rounds/${r}/entries`)).json();
    expect(entries.editable.recused).toEqual({ units: [ZZB], indicators: ['A1'] });
    expect((await fill(r, [90, 60, 80])).statusCode).toBe(200);
    expect((await fill(await roundOf(contests[1]!, '2026-06'), [70, 95, 50])).statusCode).toBe(200);
  });

  it('moving a series is all or nothing: one round not ready and nothing moves', async () => {
    const second = await roundOf(contests[1]!, '2026-06');
    await post('admin', `/rounds/${second}/transition`, { to: 'reviewing' });
    const refused = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'notice',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('NOT_ALL_READY');
    expect(refused.json().error.message).toContain('组织建设擂台赛');
    const first = await roundOf(contests[0]!, '2026-06');
    expect((await get('admin', `/rounds/${first}`)).json().state).toBe('collecting');
    expect((await get('admin', `/rounds/${second}`)).json().state).toBe('reviewing');
    const moved = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'reviewing',
    });
    expect(moved.json().lines.map((l: { action: string }) => l.action)).toEqual(['move', 'skip']);
  });

  it('entering notice opens the window: its end is the contest notice days away', async () => {
    const res = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'notice',
    });
    expect(res.statusCode, res.body).toBe(200);
    const first = (await get('admin', `/rounds/${await roundOf(contests[0]!, '2026-06')}`)).json();
    const second = (await get('admin', `/rounds/${await roundOf(contests[1]!, '2026-06')}`)).json();
    const now = s.clock.now().getTime();
    expect(Date.parse(first.notice.endsAt) - now).toBe(5 * DAY * 60_000);
    expect(Date.parse(second.notice.endsAt) - now).toBe(3 * DAY * 60_000);
    const pub = (await get(null, '/public/notices')).json();
    expect(pub.items).toHaveLength(2);
    expect(pub.items[0]).toMatchObject({ stateName: '公示中', noticeEndsAt: first.notice.endsAt });
    expect(pub.items[0].results).toHaveLength(3);
  });

  it('publishing before the notice ends needs a reason; the preview shows the flags', async () => {
    const early = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'published',
      dryRun: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.lines[0].message).toContain('提前发布须写明理由');
    const preview = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'published',
      reason: '县委常委会议定提前发布',
      dryRun: true,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().lines[0].flags).toEqual({ red: ['黄山铺镇'], yellow: ['杨庄镇'] });
    expect(
      (await get('admin', `/rounds/${await roundOf(contests[0]!, '2026-06')}`)).json().state,
    ).toBe('notice');
  });

  it('appeals are refused once the window has ended', async () => {
    s.clock.advanceMinutes(3 * DAY + 1);
    const r = await roundOf(contests[1]!, '2026-06');
    const late = await post('huangshanpu', `/rounds/${r}/appeals`, {
      unit: HSP,
      indicator: 'A1',
      reason: '请复核本单位得分',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NOTICE_ENDED');
    const inTime = await post(
      'huangshanpu',
      `/rounds/${await roundOf(contests[0]!, '2026-06')}/appeals`,
      {
        unit: HSP,
        indicator: 'A1',
        reason: '请复核本单位得分',
      },
    );
    expect(inTime.statusCode).toBe(201);
    // 回避: the lead office decides appeals of others only; this one is the organizer's.
    await post('admin', `/appeals/${inTime.json().id}/decision`, {
      decision: 'rejected',
      reason: '依据充分',
    });
  });

  it('publishing the series awards flags; tallies per series and period in one call', async () => {
    const res = await post('admin', `/series/${seriesId}/transition`, {
      period: '2026-06',
      to: 'published',
      reason: '县委常委会议定提前发布',
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await get('lingdao', `/series/${seriesId}?period=2026-06`)).json();
    expect(view.tallies.period).toMatchObject({ red: 2, yellow: 2, redUnits: 2, yellowUnits: 2 });
    const flags = (await get(null, `/flags?series=${seriesId}&period=2026-06`)).json();
    expect(flags.items.map((u: { unit: { code: string } }) => u.unit.code).sort()).toEqual(
      [...UNITS].sort(),
    );
    const round = (await get('admin', `/rounds/${await roundOf(contests[0]!, '2026-06')}`)).json();
    expect(round.notice.earlyReason).toBe('县委常委会议定提前发布');
  });

  it('the series bulletin is numbered per office and year, once; the workbook has a sheet a contest', async () => {
    const doc = await get('lingdao', `/series/${seriesId}/bulletin.docx?period=2026-06`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const again = await get('admin', `/series/${seriesId}/bulletin.docx?period=2026-06`);
    expect(again.statusCode).toBe(200);
    const { db } = use().ctx;
    const numbers = await db.selectFrom('document_numbers').selectAll().execute();
    expect(numbers.map((n) => [n.doc_prefix, n.year, n.number])).toEqual([['沂组通', 2026, 1]]);
    const wb = await get('admin', `/series/${seriesId}/workbook.xlsx?period=2026-06`);
    expect(wb.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(wb.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '组织建设擂台赛',
      '党员干部擂台赛',
    ]);
  });

  describe('follow-up of yellow flags', () => {
    /** The rectification's may as a user's list presents it, or null when the list leaves it out. */
    const mayOf = async (user: string, id: number) =>
      (await get(user, '/rectifications')).json().items.find((x: { id: number }) => x.id === id)
        ?.may ?? null;
    const none = { submit: false, decide: false, interview: false };

    it('each yellow opened a rectification; a unit without one is refused, naming the field', async () => {
      const list = (await get('admin', '/rectifications')).json();
      expect(list.items.map((r: { unit: { code: string } }) => r.unit.code).sort()).toEqual(
        [YZ, ZZB].sort(),
      );
      const r = await roundOf(contests[0]!, '2026-06');
      const none = await post('admin', '/rectifications', { round: r, unit: HSP });
      expect(none.statusCode).toBe(400);
      expect(none.json().error).toMatchObject({
        code: 'NO_YELLOW_FLAG',
        details: { field: 'unit' },
      });
      expect(none.json().error.message).toContain('没有黄旗');
      // A reporter sees its own unit's only.
      const mine = (await get('yangzhuang', '/rectifications')).json();
      expect(mine.items.map((x: { unit: { code: string } }) => x.unit.code)).toEqual([YZ]);
      expect((await get('huangshanpu', '/rectifications')).json().items).toEqual([]);
    });

    it('the unit commits; the organizer signs off; overdue ones are listed', async () => {
      const [rect] = (await get('yangzhuang', '/rectifications')).json().items;
      // may (policies/rectification.ts) agrees with what each is then let do.
      expect(await mayOf('yangzhuang', rect.id)).toEqual({ ...none, submit: true });
      expect(await mayOf('admin', rect.id)).toEqual({ ...none, submit: true });
      expect(await mayOf('lingdao', rect.id)).toEqual(none);
      expect(await mayOf('huangshanpu', rect.id)).toBeNull();
      const answer = { action: 'submit', commitment: '立行立改', measures: '补齐短板' };
      const leader = await post('lingdao', `/rectifications/${rect.id}/actions`, answer);
      expect(leader.statusCode).toBe(403);
      // The unit's month lists it as its task to answer; the organizer's does not (yet).
      const tasks = async (user: string) =>
        (await get(user, '/me/month'))
          .json()
          .rectifications.filter((x: { id: number }) => x.id === rect.id);
      expect(await tasks('yangzhuang')).toMatchObject([{ task: 'submit' }]);
      expect(await tasks('admin')).toEqual([]);
      const empty = await post('yangzhuang', `/rectifications/${rect.id}/actions`, {
        action: 'submit',
        commitment: '',
        measures: '补齐短板',
      });
      expect(empty.statusCode).toBe(400);
      const other = await post('huangshanpu', `/rectifications/${rect.id}/actions`, {
        action: 'submit',
        commitment: '立行立改',
        measures: '补齐短板',
      });
      expect(other.statusCode).toBe(403);
      const submitted = await post('yangzhuang', `/rectifications/${rect.id}/actions`, {
        action: 'submit',
        commitment: '立行立改，确保下期赶上来',
        measures: '一、补齐台账；二、每周调度',
      });
      expect(submitted.json()).toMatchObject({ state: 'submitted', stateName: '待销号' });
      expect(submitted.json().may).toEqual(none);
      expect(await mayOf('admin', rect.id)).toEqual({ ...none, decide: true });
      expect(await tasks('admin')).toMatchObject([{ task: 'signoff' }]);
      expect(await tasks('yangzhuang')).toEqual([]);
      const self = await post('yangzhuang', `/rectifications/${rect.id}/actions`, {
        action: 'approve',
      });
      expect(self.statusCode).toBe(403);
      const signed = await post('admin', `/rectifications/${rect.id}/actions`, {
        action: 'approve',
      });
      expect(signed.json()).toMatchObject({ state: 'signed_off', may: none });
      s.clock.advanceMinutes(20 * DAY);
      const overdue = (await get('lingdao', '/rectifications?overdue=1')).json();
      expect(overdue.items.map((x: { unit: { code: string } }) => x.unit.code)).toEqual([ZZB]);
      expect(overdue.items[0].overdue).toBe(true);
    });

    it('a second yellow in a row in one contest records an interview (约谈) before sign-off', async () => {
      const id = contests[1]!;
      await post('admin', `/contests/${id}/rounds`, { period: '2026-07' });
      const r = await roundOf(id, '2026-07');
      await post('admin', `/rounds/${r}/transition`, { to: 'collecting' });
      await fill(r, [70, 95, 40]);
      for (const to of ['reviewing', 'notice'])
        await post('admin', `/rounds/${r}/transition`, { to });
      s.clock.advanceMinutes(3 * DAY + 1);
      const pub = await post('admin', `/rounds/${r}/transition`, { to: 'published' });
      expect(pub.statusCode, pub.body).toBe(200);
      const items = (await get('admin', `/rectifications?contest=${id}`)).json().items;
      const second = items.find((x: { period: string }) => x.period === '2026-07');
      expect(second).toMatchObject({ unit: { code: ZZB }, interviewRequired: true });
      await post('admin', `/rectifications/${second.id}/actions`, {
        action: 'submit',
        commitment: '深刻反思',
        measures: '逐项整改',
      });
      const early = await post('admin', `/rectifications/${second.id}/actions`, {
        action: 'approve',
      });
      expect(early.json().error.message).toContain('约谈');
      expect(await mayOf('admin', second.id)).toEqual({ ...none, decide: true, interview: true });
      expect(await mayOf('lingdao', second.id)).toEqual(none);
      const leader = await post('lingdao', `/rectifications/${second.id}/actions`, {
        action: 'interview',
        date: '2026-08-05',
        note: '约谈',
      });
      expect(leader.statusCode).toBe(403);
      await post('admin', `/rectifications/${second.id}/actions`, {
        action: 'interview',
        date: '2026-08-05',
        note: '县委组织部主要负责同志约谈',
      });
      expect(await mayOf('admin', second.id)).toEqual({ ...none, decide: true });
      const ok = await post('admin', `/rectifications/${second.id}/actions`, { action: 'approve' });
      expect(ok.json().state).toBe('signed_off');
    });
  });
});
