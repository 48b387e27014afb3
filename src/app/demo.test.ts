import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { verifyAuditChain } from '../db/audit.repository.ts';
import { listSeries } from '../db/series.repository.ts';
import { assessmentResults } from './assessments.ts';
import { listContests } from './contests.ts';
import { loadDemo } from './demo.ts';
import { getFlagTallies } from './flags.ts';
import { publicPractices } from './public.ts';
import { listRectificationsFor } from './rectifications.ts';
import { getResults, getRevisions } from './rounds.ts';
import { seriesTallies } from './series.ts';

describeEachDialect('the demo county', (use) => {
  it('holds the contests of DESIGN §6 with published months and the current one collecting', async () => {
    // The demo counts back from its clock's day: mid-November 2026 here, so the months are fixed.
    const ctx = { ...use().ctx, clock: { now: () => new Date('2026-11-16T02:00:00Z') } };
    const first = await loadDemo(ctx);
    expect(first.contests).toMatchObject({ contests: 35, rounds: 187, assessments: 1 });
    // The demo says how its first 党建 month reads against the report's 红旗6个，黄旗2个, and why.
    expect(first.firstRound).toMatchObject({ series: '基层党建十大擂台赛', period: '2026-07' });
    expect(first.firstRound!.redUnits).toBeGreaterThan(0);
    expect(first.firstRound!.yellowUnits).toBeGreaterThan(0);
    expect(first.firstRound!.note).toContain('首轮打擂：红旗乡镇6个，黄旗乡镇2个');
    expect(first.credentials.map((c) => c.username)).toEqual([
      'admin',
      'zuzhibu',
      'huangshanpu',
      'yangzhuang',
      'lingdao',
      'hsp-zuzhi',
      'huangshancun',
      'huangshancun-shuji',
      'hsp-cunwen',
      'hsp-shuji',
    ]);

    const all = (await listContests(ctx.db, { limit: 500, offset: 0 })).items;
    const party = all.filter((c) => c.category === '基层党建');
    expect(party).toHaveLength(10);
    const boards = all.filter((c) => c.title.startsWith('龙虎榜'));
    expect(boards).toHaveLength(22);
    expect(new Set(boards.map((b) => b.category)).size).toBe(6);
    const templates = all.filter((c) => c.isTemplate);
    expect(templates).toHaveLength(3);
    const villages = all.filter((c) => c.organizer.code === '371323104');
    expect(villages.every((c) => templates.some((t) => t.id === c.templateId))).toBe(true);
    expect(villages.map((c) => c.title)).toEqual([
      '黄山铺镇乡村振兴擂台赛·组织建设先锋',
      '黄山铺镇乡村振兴擂台赛·党员干部先锋',
      '黄山铺镇乡村振兴擂台赛·乡村人才先锋',
    ]);

    const rounds = await ctx.db
      .selectFrom('rounds')
      .select(['id', 'state', 'period', 'contest_id'])
      .execute();
    // 32 county contests × 4 months; 黄山铺镇's 3 × (4 months, 3 weeks, the derived quarter).
    expect(rounds.filter((r) => r.state === 'published')).toHaveLength(32 * 4 + 3 * 8);
    expect(rounds.filter((r) => r.period === '2026-Q3')).toHaveLength(3);
    expect(
      rounds.filter((r) => r.state === 'collecting').every((r) => r.period === '2026-11'),
    ).toBe(true);

    // 黄山铺镇's party-member points, star households and points markets, in every village; its
    // village contests take 党员积分平均分 and 星级文明户占比 from them when a round opens.
    const hsp = (await ctx.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '371323104')
      .executeTakeFirstOrThrow())!.id;
    const hspVillages = (
      await ctx.db.selectFrom('units').select('id').where('parent_id', '=', hsp).execute()
    ).map((u) => u.id);
    expect(hspVillages).toHaveLength(18);
    const branches = await ctx.db
      .selectFrom('points_branches')
      .select('unit_id')
      .where('unit_id', 'in', hspVillages)
      .execute();
    expect(branches).toHaveLength(18);
    const stars = await ctx.db
      .selectFrom('household_stars')
      .select('name')
      .where('organizer_unit_id', '=', hsp)
      .execute();
    expect(stars.map((x) => x.name)).toContain('孝老爱亲星');
    const claims = await ctx.db
      .selectFrom('household_claims as c')
      .innerJoin('households as h', 'h.id', 'c.household_id')
      .select(['c.stage', 'c.year', 'h.unit_id', 'h.barred_until'])
      .execute();
    expect(new Set(claims.map((c) => c.stage))).toEqual(
      new Set(['claimed', 'reviewed', 'checked', 'rejected', 'filed', 'revoked']),
    );
    expect(claims.filter((c) => c.stage === 'revoked').map((c) => c.barred_until)).toEqual([
      '2028-11-16',
    ]);
    for (const year of [2025, 2026])
      expect(
        new Set(claims.filter((c) => c.stage === 'filed' && c.year === year).map((c) => c.unit_id))
          .size,
      ).toBe(18);
    const items = await ctx.db
      .selectFrom('points_market_items')
      .select(['unit_id', 'stock'])
      .where('unit_id', 'in', hspVillages)
      .execute();
    expect(new Set(items.map((i) => i.unit_id)).size).toBe(18);
    expect(items.some((i) => i.stock === 0)).toBe(true);
    const redeemed = await ctx.db
      .selectFrom('points_redemptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(redeemed.n)).toBeGreaterThan(18);
    const sourced = await ctx.db
      .selectFrom('ledger_entry_sources as s')
      .innerJoin('rounds as r', 'r.id', 's.round_id')
      .select(['s.measure', 's.unit_id', 's.value'])
      .where('r.period', '=', '2026-10')
      .where('s.measure', 'like', 'points.%')
      .execute();
    for (const measure of ['points.member_average', 'points.star_household_share']) {
      const mine = sourced.filter((x) => x.measure === measure);
      expect(new Set(mine.map((x) => x.unit_id))).toEqual(new Set(hspVillages));
      expect(mine.some((x) => Number(x.value) > 0)).toBe(true);
    }

    // The past months' notices (进入公示 …) are history: every user starts with none unread.
    const unread = await ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(unread.n)).toBe(0);
    expect(
      Number(
        (
          await ctx.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);

    const assessment = await assessmentResults(ctx, '1');
    expect(assessment.total).toBe(18);
    expect(assessment.items[0]!.components).toHaveLength(10 + 19);
    expect(new Set(assessment.items.map((u) => u.grade))).toEqual(
      new Set(['优秀', '良好', '一般', '较差']),
    );
    // DESIGN §8: streets and towns apart (two streets: 优秀 and 良好, never 较差), ratings
    // trimmed, one 加分 and one 减分 approved, every explanation adding up.
    const streets = assessment.items.filter((u) => u.class === 'street');
    expect(streets.map((u) => u.grade)).toEqual(['优秀', '良好']);
    expect(assessment.items.filter((u) => u.class === 'town')).toHaveLength(16);
    for (const u of assessment.items) {
      expect(u.ratings.map((r) => [r.code, r.count, r.dropped.length])).toEqual([
        ['LD', 1, 0],
        ['QZ', 5, 2],
      ]);
      const sum = u.lines.reduce((t, l) => t + l.points, 0);
      expect(Math.round(sum * 100) / 100).toBe(u.total);
    }
    const line = (code: string, kind: string) =>
      assessment.items.find((u) => u.code === code)!.lines.filter((l) => l.kind === kind);
    expect(line('371323104', 'adjustment').map((l) => l.points)).toEqual([1.5]);
    expect(line('371323109', 'adjustment').map((l) => l.points)).toEqual([-1]);

    const firstParty = rounds.find((r) => r.contest_id === party[0]!.id && r.period === '2026-08')!;
    const results = await getResults(ctx, String(firstParty.id));
    expect(results.total).toBe(18);
    expect(results.items.some((r) => r.flag === 'red')).toBe(true);
    expect((await getRevisions(ctx, String(firstParty.id))).map((r) => r.revision)).toEqual([0, 1]);

    const flags = await getFlagTallies(ctx.db, { year: 2026 });
    expect(flags.items.some((t) => t.red > 0)).toBe(true);
    expect(flags.items.some((t) => t.yellow > 0)).toBe(true);
    const practices = await publicPractices(ctx.db, { limit: 20, offset: 0 });
    expect(practices.items.map((p) => [p.title, p.periodLabel])).toEqual([
      ['清源河畔的“先锋擂台”', '2026年10月'],
      ['“三会一课”提质增效，党支部标准化建设全域提升', '2026年10月'],
    ]);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    // The whole demo county takes a while on a busy machine.
  }, 240_000);

  it('shows DESIGN §8: series, flag-free weekly rounds, no flags for the two streets, rectifications', async () => {
    const { ctx } = use();
    const series = await listSeries(ctx.db);
    expect(series.map((x) => [x.title, x.contestIds.length])).toEqual([
      ['基层党建十大擂台赛', 10],
      ['龙虎榜', 22],
      ['黄山铺镇乡村振兴擂台赛', 3],
    ]);
    const flags = await ctx.db
      .selectFrom('flags as f')
      .innerJoin('units as u', 'u.id', 'f.unit_id')
      .innerJoin('contests as c', 'c.id', 'f.contest_id')
      .select(['f.period', 'u.kind', 'c.title', 'f.color'])
      .execute();
    expect(flags.some((f) => f.period.includes('W') || f.period.includes('Q'))).toBe(false);
    // On the boards the two streets form a group of two, below minGroup: no red for either
    // (a yellow only for a veto, which DESIGN §3 keeps even in a small group).
    const boardStreets = flags.filter((f) => f.kind === 'street' && f.title.startsWith('龙虎榜'));
    expect(boardStreets.filter((f) => f.color === 'red')).toEqual([]);
    const party = await seriesTallies(ctx, series[0]!, { period: '2026-07' });
    expect(party.redUnits).toBeGreaterThan(0);
    expect(party.yellowUnits).toBeGreaterThan(0);
    const rect = (await listRectificationsFor(ctx, {})).items;
    const yellows =
      flags.length -
      (await ctx.db.selectFrom('flags').select('id').where('color', '=', 'red').execute()).length;
    expect(rect).toHaveLength(yellows);
    expect(new Set(rect.map((r) => r.state))).toEqual(new Set(['signed_off', 'submitted', 'open']));
    // The older open ones are past their deadline: the organizer's and leaders' pages show them.
    const demoDay = { ...ctx, clock: { now: () => new Date('2026-11-16T02:00:00Z') } };
    const overdue = (await listRectificationsFor(demoDay, {})).items.filter((r) => r.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.state === 'open')).toBe(true);
  });

  it('adds nothing twice when run again', async () => {
    const { ctx } = use();
    const again = await loadDemo(ctx);
    expect(again.contests).toEqual({ contests: 0, rounds: 0, entries: 0, assessments: 0 });
    expect((await listContests(ctx.db, { limit: 500, offset: 0 })).total).toBe(38);
  });
});
