import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { dialectOf } from '../db/dialect.ts';
import { claimStars, claimStep, createHousehold, createStar, revokeStars } from './households.ts';
import {
  addMember,
  createBranch,
  createRecord,
  createRule,
  leaderboard,
  reviewRecord,
} from './points.ts';
import { createItem, memberBalance, redeem } from './points-market.ts';
import { createUnit } from './units.ts';

describeEachDialect('star households, points market, partitions', (use) => {
  let village = 0;
  let member = 0;
  let item = 0;

  it('sets up a town, a village, its branch, a member with approved points', async () => {
    const { ctx } = use();
    await createUnit(ctx, { code: 'C', name: '县', kind: 'county' });
    await createUnit(ctx, { code: 'T', name: '镇', kind: 'town', parent: 'C' });
    village = (await createUnit(ctx, { code: 'V', name: '村', kind: 'village', parent: 'T' })).id;
    const branch = await createBranch(ctx, { unit: village, name: '党支部' });
    member = (
      await addMember(ctx, branch.id, {
        name: '王建国',
        gender: '男',
        birthYear: 1970,
        joinedOn: '1995-07-01',
      })
    ).id;
    const rule = await createRule(ctx, {
      organizer: 'T',
      category: '志愿服务',
      item: '志愿服务',
      points: 5,
      itemCap: 12,
    });
    for (const d of ['2026-04-02', '2026-05-02', '2026-06-02']) {
      const r = await createRecord(ctx, { member, rule: rule.id, occurredOn: d });
      await reviewRecord(ctx, String(r.id), { decision: 'approve' });
    }
    // 5 + 5 + 2 (clamped at the item cap of 12).
    const board = await leaderboard(ctx, { scope: 'V', period: '2026', limit: 10 });
    expect(board.rows[0]!.total).toBe(12);
  });

  it('redeems against the balance, never the ranking points; refuses overspending and empty stock', async () => {
    const { ctx } = use();
    item = (await createItem(ctx, { unit: village, name: '洗衣粉', cost: 5, stock: 1 })).id;
    const done = await redeem(ctx, { member, item, quantity: 1 });
    expect(done.balance).toBe(7);
    expect(done.stock).toBe(0);
    await expect(redeem(ctx, { member, item, quantity: 1 })).rejects.toMatchObject({
      code: 'OUT_OF_STOCK',
    });
    const big = (await createItem(ctx, { unit: village, name: '电饭锅', cost: 100, stock: 3 })).id;
    await expect(redeem(ctx, { member, item: big })).rejects.toMatchObject({
      code: 'INSUFFICIENT_POINTS',
    });
    const balance = await memberBalance(ctx, String(member));
    expect(balance).toMatchObject({ earned: 12, spent: 5, balance: 7 });
    expect(balance.redemptions).toHaveLength(1);
    const board = await leaderboard(ctx, { scope: 'T', period: '2026', limit: 10 });
    expect(board.rows[0]!.total).toBe(12);
  });

  it('runs a star claim through villagers, committee and filing; revocation bars two years', async () => {
    const { ctx } = use();
    const star = await createStar(ctx, { organizer: 'T', name: '遵纪守法星', criteria: '无违法' });
    const star2 = await createStar(ctx, {
      organizer: 'T',
      name: '卫生健康星',
      criteria: '庭院整洁',
    });
    const h = await createHousehold(ctx, { unit: village, headName: '李秀英', size: 4 });
    await claimStars(ctx, String(h.id), { year: 2026, stars: [star.id, star2.id] });
    await expect(
      claimStep(ctx, String(h.id), {
        year: 2026,
        step: 'committee',
        results: { [star.id]: 'pass', [star2.id]: 'pass' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      claimStep(ctx, String(h.id), {
        year: 2026,
        step: 'villagers',
        results: { [star.id]: 'pass' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await claimStep(ctx, String(h.id), {
      year: 2026,
      step: 'villagers',
      results: { [star.id]: 'pass', [star2.id]: 'fail' },
    });
    // A star failed by the villagers cannot pass later.
    await expect(
      claimStep(ctx, String(h.id), {
        year: 2026,
        step: 'committee',
        results: { [star.id]: 'pass', [star2.id]: 'pass' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await claimStep(ctx, String(h.id), {
      year: 2026,
      step: 'committee',
      results: { [star.id]: 'pass', [star2.id]: 'fail' },
    });
    const filed = await claimStep(ctx, String(h.id), {
      year: 2026,
      step: 'filing',
      results: { [star.id]: 'pass', [star2.id]: 'fail' },
    });
    expect(filed).toMatchObject({ stage: 'filed', awarded: 1 });
    const revoked = await revokeStars(ctx, String(h.id), { reason: '违反村规民约' });
    expect(revoked.household.barredUntil).toBe('2028-06-30');
    await expect(
      claimStars(ctx, String(h.id), { year: 2027, stars: [star.id] }),
    ).rejects.toMatchObject({ code: 'HOUSEHOLD_BARRED' });
  });

  it('refuses ID-number-shaped text anywhere and writes nothing', async () => {
    const { ctx } = use();
    const before = await ctx.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      createHousehold(ctx, { unit: village, headName: '张三 37132319800101123X' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      createItem(ctx, { unit: village, name: '110101199003074211', cost: 1, stock: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const after = await ctx.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('on PostgreSQL, keeps records in month partitions and a month board reads one of them', async () => {
    const { ctx } = use();
    if (dialectOf(ctx.db) !== 'postgres') return;
    const parts = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
      where p.relname = 'points_records' and p.relnamespace = current_schema()::regnamespace
      order by 1`.execute(ctx.db);
    expect(parts.rows.map((r) => r.name)).toEqual([
      'points_records_y2026m04',
      'points_records_y2026m05',
      'points_records_y2026m06',
    ]);
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select member_id, sum(counted) from points_records
      where status = 'approved' and occurred_on >= '2026-05-01' and occurred_on < '2026-06-01'
      group by member_id`.execute(ctx.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('points_records_y2026m05');
    expect(text).not.toContain('points_records_y2026m04');
    expect(text).not.toContain('points_records_y2026m06');
  });
});
