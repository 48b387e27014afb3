/**
 * Only published data reaches the public: drafts, rounds before publication, unpublished rubric
 * versions, evidence, appeals and user data stay behind sign-in. Published rounds carry an ETag
 * and come from a cache that a correction invalidates.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { fileAppeal } from '../app/appeals.ts';
import { createContest } from '../app/contests.ts';
import { correctRound } from '../app/corrections.ts';
import { saveEntries } from '../app/entries.ts';
import { attachEvidence } from '../app/evidence.ts';
import { openRound, transitionRound } from '../app/rounds.ts';
import { draftRubric, publishRubric } from '../app/rubrics.ts';

const RUBRIC = `title: 乡村振兴擂台赛·组织建设先锋
indicators:
  - { code: A1, name: 党支部标准化建设, points: 60, method: manual }
  - { code: E1, name: 人居环境整治, points: 40, method: manual }
flags:
  red: { top: 2 }
  yellow: { bottom: 1 }
`;

describeEachDialect('the public face', (use) => {
  let s: TestServer;
  const ids = {
    contest: 0,
    draftOnly: 0,
    published: 0,
    collecting: 0,
    reviewing: 0,
    notice: 0,
    evidence: 0,
    appeal: 0,
  };
  let villages: string[] = [];
  const anon = (url: string, headers: Record<string, string> = {}) =>
    s.app.inject({ url, headers });

  beforeAll(async () => {
    s = await startTestServer(use());
    const ctx = use().ctx;
    const contest = await createContest(ctx, {
      title: '黄山铺镇乡村振兴擂台赛',
      category: '乡村振兴',
      organizer: '371323104',
      cadence: 'month',
      participants: { under: '371323104', kinds: ['village', 'community'] },
    });
    ids.contest = contest.id;
    villages = contest.participants.map((p) => p.code);
    await draftRubric(ctx, String(contest.id), { yaml: RUBRIC });
    await publishRubric(ctx, String(contest.id), 1);
    await draftRubric(ctx, String(contest.id), {
      yaml: RUBRIC.replace('points: 60', 'points: 70').replace('points: 40', 'points: 30'),
    });
    const hidden = await createContest(ctx, {
      title: '尚未发布的擂台赛',
      category: '乡村振兴',
      organizer: '371323104',
      cadence: 'month',
      participants: [villages[0]!],
    });
    ids.draftOnly = hidden.id;
    const round = async (
      period: string,
      to: ('collecting' | 'reviewing' | 'notice' | 'published')[],
    ) => {
      const r = await openRound(ctx, String(contest.id), { period });
      for (const state of to) {
        if (state === 'reviewing') {
          await saveEntries(
            ctx,
            String(r.id),
            villages.flatMap((unit, i) => [
              { unit, indicator: 'A1', value: 30 + (i % 30) },
              { unit, indicator: 'E1', value: 20 + (i % 20) },
            ]),
          );
        }
        await transitionRound(ctx, String(r.id), state);
      }
      return r.id;
    };
    ids.published = await round('2026-06', ['collecting', 'reviewing', 'notice', 'published']);
    ids.collecting = await round('2026-07', ['collecting']);
    ids.reviewing = await round('2026-08', ['collecting', 'reviewing']);
    ids.notice = await round('2026-09', ['collecting', 'reviewing', 'notice']);
    ids.evidence = (
      await attachEvidence(
        { ...ctx, dataDir: s.dataDir },
        String(ids.collecting),
        { unit: villages[0]!, indicator: 'A1' },
        {
          filename: '验收单.pdf',
          bytes: Buffer.from('%PDF-1.4 test'),
        },
      )
    ).id;
    ids.appeal = (
      await fileAppeal(ctx, String(ids.notice), {
        unit: villages[0]!,
        indicator: 'A1',
        reason: '申请复核',
      })
    ).id;
  });
  afterAll(() => s.close());

  it('lists only contests with a published round, and only their published parts', async () => {
    const list = (await anon('/api/v1/public/contests')).json();
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([ids.contest]);
    const contest = (await anon(`/api/v1/public/contests/${ids.contest}`)).json();
    expect(contest.rounds.map((r: { id: number }) => r.id)).toEqual([ids.published]);
    expect(contest.rubricVersions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(contest.rubric.indicators[0].points).toBe(60);
    expect((await anon(`/api/v1/public/contests/${ids.draftOnly}`)).statusCode).toBe(404);
    expect((await anon(`/api/v1/public/contests/${ids.contest}/rubrics/2`)).statusCode).toBe(404);
    expect((await anon(`/api/v1/contests/${ids.contest}/rubrics/2`)).statusCode).toBe(401);
    // Anonymous users read through /public/* only (issue 12).
    expect((await anon(`/api/v1/contests/${ids.contest}`)).statusCode).toBe(401);
    expect((await anon(`/api/v1/contests/${ids.draftOnly}`)).statusCode).toBe(401);
    expect((await anon('/api/v1/contests')).statusCode).toBe(401);
  });

  it('shows a published round, and nothing of rounds in collecting, review or notice', async () => {
    const res = await anon(`/api/v1/public/rounds/${ids.published}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBe(villages.length);
    expect(res.json().items[0]).toMatchObject({ rank: 1, flag: 'red' });
    for (const id of [ids.collecting, ids.reviewing, ids.notice, 999_999]) {
      const hidden = await anon(`/api/v1/public/rounds/${id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('NOT_FOUND');
      if (id === 999_999) continue;
      expect((await anon(`/api/v1/rounds/${id}/results`)).statusCode).toBe(401);
      expect((await anon(`/api/v1/rounds/${id}/entries`)).statusCode).toBe(401);
      expect((await anon(`/api/v1/rounds/${id}/appeals`)).statusCode).toBe(401);
    }
    expect((await anon(`/api/v1/rounds/${ids.reviewing}/results`)).statusCode).toBe(401);
    expect((await anon(`/api/v1/rounds/${ids.notice}`)).statusCode).toBe(401);
  });

  it('never serves evidence, appeals or user data to the public', async () => {
    expect((await anon(`/api/v1/evidence/${ids.evidence}`)).statusCode).toBe(401);
    expect((await anon(`/api/v1/rounds/${ids.published}/entries`)).statusCode).toBe(401);
    expect((await anon('/api/v1/users')).statusCode).toBe(401);
    expect((await anon('/api/v1/users/admin')).statusCode).toBe(401);
    expect((await anon('/api/v1/audit')).statusCode).toBe(401);
    const published = (await anon(`/api/v1/public/rounds/${ids.published}`)).body;
    expect(published).not.toMatch(/password|argon2|csrf|申请复核|验收单/);
    const history = (await anon(`/api/v1/public/units/${villages[0]}/history`)).json();
    expect(history.items.map((h: { roundId: number }) => h.roundId)).toEqual([ids.published]);
  });

  it('serves a published round with an ETag, from a cache that a correction invalidates', async () => {
    const first = await anon(`/api/v1/public/rounds/${ids.published}`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"r\d+\.0\./);
    expect(first.headers['cache-control']).toMatch(/public/);
    const hitsBefore = s.cache.hits;
    const again = await anon(`/api/v1/public/rounds/${ids.published}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(s.cache.hits).toBe(hitsBefore + 1);

    // A value whose score would not be finite is refused, naming the cell (issue 12).
    const huge = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${ids.published}/corrections`,
      payload: {
        reason: '复核更正',
        entries: [{ unit: villages[0], indicator: 'A1', value: 1e308 }],
      },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details.problems[0]).toMatchObject({
      unit: villages[0],
      indicator: 'A1',
      code: 'TOO_LARGE',
    });
    const last = first.json().items.at(-1);
    const corrected = await s.as('admin', {
      method: 'POST',
      url: `/api/v1/rounds/${ids.published}/corrections`,
      payload: { reason: '复核更正', entries: [{ unit: last.code, indicator: 'A1', value: 60 }] },
    });
    expect(corrected.statusCode).toBe(200);
    const fresh = await anon(`/api/v1/public/rounds/${ids.published}`, { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(etag);
    expect(fresh.json().round.revision).toBe(1);
    expect(
      fresh.json().items.find((x: { code: string }) => x.code === last.code).total,
    ).toBeGreaterThan(last.total);
    expect(fresh.json().revisions.map((r: { reason: string | null }) => r.reason)).toEqual([
      null,
      '复核更正',
    ]);
    const version = (await anon('/api/v1/public/version')).json().version;
    expect(version).toMatch(/^1\.1\./);
  });

  it('a session that has just written reads past the cache; others meet the change when it arrives', async () => {
    // As with a live change feed: entries trusted until the feed says otherwise.
    const recheckMs = s.cache.recheckMs;
    s.cache.recheckMs = Number.POSITIVE_INFINITY;
    try {
      const before = (await anon(`/api/v1/public/rounds/${ids.published}`)).json().round.revision;
      // Another app server corrects the round; its notification has not reached this one yet.
      const last = (await anon(`/api/v1/public/rounds/${ids.published}`)).json().items.at(-1);
      await correctRound(use().ctx, String(ids.published), {
        reason: '另一台服务器上的更正',
        entries: [{ unit: last.code, indicator: 'E1', value: 39 }],
      });
      expect((await anon(`/api/v1/public/rounds/${ids.published}`)).json().round.revision).toBe(
        before,
      );
      // A cookie that is not a write position is no reason to read past the cache.
      const junk = await anon(`/api/v1/public/rounds/${ids.published}`, {
        cookie: 'leitai_wal=nonsense',
      });
      expect(junk.json().round.revision).toBe(before);
      // The session that wrote carries its write position: it reads the correction at once.
      const own = { cookie: 'leitai_wal=0/16B3A50' };
      const mine = await anon(`/api/v1/public/rounds/${ids.published}`, own);
      expect(mine.json().round.revision).toBe(before + 1);
      expect(
        mine.json().items.find((x: { code: string }) => x.code === last.code).indicators.E1.value,
      ).toBe(39);
    } finally {
      s.cache.recheckMs = recheckMs;
    }
  });

  it('lists public contests in a few queries with an ETag, and a write drops the cached list', async () => {
    const first = await anon('/api/v1/public/contests');
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toMatch(/public/);
    expect(first.json().items[0]).toMatchObject({
      id: ids.contest,
      rounds: 1,
      organizer: { code: '371323104' },
      latestRound: { id: ids.published },
    });
    const again = await anon('/api/v1/public/contests', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect((await anon('/api/v1/public/contests?category=无此类别')).json().items).toEqual([]);
    const retitled = await s.as('admin', {
      method: 'PATCH',
      url: `/api/v1/contests/${ids.contest}`,
      payload: { title: '黄山铺镇乡村振兴擂台赛（更名）' },
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    const fresh = await anon('/api/v1/public/contests', { 'if-none-match': etag });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().items[0].title).toBe('黄山铺镇乡村振兴擂台赛（更名）');
  });

  it('sanitises practices on the server and shows them only once published', async () => {
    const made = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/practices',
      payload: {
        contest: ids.contest,
        round: ids.published,
        unit: villages[0],
        title: '清源河畔的先锋擂台',
        bodyHtml:
          '<p onclick="x()">72处活动场所全面升级</p><script>alert(1)</script><a href="javascript:alert(1)">看</a><img src="https://evil/p.gif"><p style="position:fixed">浮层</p>',
      },
    });
    expect(made.statusCode).toBe(201);
    const practice = made.json();
    expect(practice.bodyHtml).not.toMatch(/script|onclick|javascript|evil|position/);
    expect(practice.bodyHtml).toContain('72处活动场所全面升级');
    expect((await anon(`/api/v1/public/practices/${practice.id}`)).statusCode).toBe(404);
    expect((await anon('/api/v1/public/practices')).json().total).toBe(0);
    expect(
      (
        await s.as('huangshanpu', {
          method: 'POST',
          url: `/api/v1/practices/${practice.id}/publish`,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.as('admin', { method: 'POST', url: `/api/v1/practices/${practice.id}/publish` })
      ).json().status,
    ).toBe('published');
    const shown = (await anon(`/api/v1/public/practices/${practice.id}`)).json();
    expect(shown).toMatchObject({ title: '清源河畔的先锋擂台', unit: { code: villages[0] } });
    expect((await anon(`/api/v1/public/practices?round=${ids.published}`)).json().total).toBe(1);
  });
});
