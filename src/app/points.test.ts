import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { parseRoles } from '../core/permissions.ts';
import { findUnit } from '../db/unit.repository.ts';
import type { Actor, AppContext } from './context.ts';
import { loadDemo } from './demo.ts';
import {
  addMember,
  answerPointsDispute,
  assignBranchUser,
  createBranch,
  createRecord,
  createRule,
  fileDispute,
  leaderboard,
  memberStatement,
  publicLeaderboard,
  reviewQueue,
  reviewRecord,
  setQuarter,
  transferMemberOut,
} from './points.ts';
import { createUnit } from './units.ts';
import { createUser } from './users.ts';

describeEachDialect('party-member points', (use) => {
  let village = 0;
  let village2 = 0;
  const as = (
    ctx: AppContext,
    user: { id: number; unitId: number; roles: string },
  ): AppContext => ({
    ...ctx,
    actor: {
      kind: 'user',
      userId: user.id,
      name: `u${user.id}`,
      unitId: user.unitId,
      roles: parseRoles(user.roles),
    } satisfies Actor,
  });
  const users: Record<string, { id: number; unitId: number; roles: string }> = {};
  let branch = 0;
  let member = 0;
  let selfMember = 0;
  let award = 0;
  let deduct = 0;

  it('sets up a branch, its clerk and secretary, members and a town rules catalogue', async () => {
    const { ctx } = use();
    await loadDemo(ctx, { contests: false });
    // Two villages of 黄山铺镇 without a branch (the demo gives every real one its branch).
    for (const [code, name] of [
      ['371323104901', '测试一村'],
      ['371323104902', '测试二村'],
    ] as const)
      await createUnit(ctx, { code, name, kind: 'village', parent: '371323104' });
    village = (await findUnit(ctx.db, '371323104901'))!.id;
    village2 = (await findUnit(ctx.db, '371323104902'))!.id;
    for (const [username, unit, roles] of [
      ['clerk', village, ['reporter']],
      ['secretary', village, ['reporter']],
      ['other', village2, ['reporter']],
      ['town', '371323104', ['organizer']],
    ] as const) {
      const { user: u } = await createUser(ctx, { username, unit, roles: [...roles] });
      users[username] = { id: u.id, unitId: u.unitId, roles: roles.join(',') };
    }
    const b = await createBranch(ctx, { unit: village, name: '测试村党支部' });
    branch = b.id;
    await expect(createBranch(ctx, { unit: village, name: '重复' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await assignBranchUser(ctx, branch, { user: 'clerk', role: 'recorder' });
    await assignBranchUser(ctx, branch, { user: 'secretary', role: 'reviewer' });
    await assignBranchUser(ctx, branch, { user: 'clerk', role: 'reviewer' });

    const clerk = as(ctx, users.clerk!);
    member = (
      await addMember(clerk, branch, {
        name: '王建国',
        gender: '男',
        birthYear: 1970,
        joinedOn: '1995-07-01',
      })
    ).id;
    selfMember = (
      await addMember(clerk, branch, {
        name: '李秀英',
        gender: '女',
        birthYear: 1980,
        joinedOn: '2005-07-01',
        user: 'secretary',
      })
    ).id;
    await expect(
      addMember(clerk, branch, {
        name: '张三 371323199001011234',
        gender: '男',
        birthYear: 1990,
        joinedOn: '2015-07-01',
      }),
    ).rejects.toThrow(/身份证/);
    await expect(
      addMember(as(ctx, users.other!), branch, {
        name: '外村人',
        gender: '男',
        birthYear: 1990,
        joinedOn: '2015-07-01',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const townUser = as(ctx, users.town!);
    award = (
      await createRule(townUser, {
        organizer: '371323104',
        category: '学习教育',
        item: '参加三会一课',
        points: 5,
        itemCap: 8,
        categoryCap: 12,
      })
    ).id;
    await createRule(townUser, {
      organizer: '371323104',
      category: '学习教育',
      item: '主题党日',
      points: 5,
      itemCap: null,
      categoryCap: 12,
    });
    deduct = (
      await createRule(townUser, {
        organizer: '371323104',
        category: '纪律扣分',
        item: '无故缺席',
        points: -3,
        itemCap: null,
        categoryCap: null,
      })
    ).id;
    await expect(
      createRule(townUser, {
        organizer: '371323104',
        category: '志愿服务',
        item: '志愿',
        points: 10,
        itemCap: 5,
      }),
    ).rejects.toThrow(/单项年度上限 5 低于单次分值 10/);
    await expect(
      createRule(as(ctx, users.clerk!), {
        organizer: '371323104',
        category: '志愿服务',
        item: '志愿',
        points: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The demo of all of 黄山铺镇's villages takes longer than the default on a loaded PostgreSQL.
  }, 120_000);

  it('enforces maker–checker: the recorder never approves, nobody approves records about themselves', async () => {
    const { ctx } = use();
    const clerk = as(ctx, users.clerk!);
    const secretary = as(ctx, users.secretary!);
    const r1 = await createRecord(clerk, { member, rule: award, occurredOn: '2026-04-10' });
    expect(r1.status).toBe('pending');
    await expect(reviewRecord(clerk, String(r1.id), { decision: 'approve' })).rejects.toMatchObject(
      { code: 'SELF_REVIEW' },
    );
    await expect(
      createRecord(secretary, { member, rule: award, occurredOn: '2026-04-10' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await reviewQueue(secretary, String(branch))).map((r) => r.id)).toEqual([r1.id]);
    expect((await reviewRecord(secretary, String(r1.id), { decision: 'approve' })).status).toBe(
      'approved',
    );
    await expect(
      reviewRecord(secretary, String(r1.id), { decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const aboutSecretary = await createRecord(clerk, {
      member: selfMember,
      rule: award,
      occurredOn: '2026-04-11',
    });
    await expect(
      reviewRecord(secretary, String(aboutSecretary.id), { decision: 'approve' }),
    ).rejects.toThrow(/关于自己/);
    await expect(
      reviewRecord(as(ctx, users.other!), String(aboutSecretary.id), { decision: 'approve' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('clamps at the item and category caps and shows the clamp in the statement', async () => {
    const { ctx } = use();
    const clerk = as(ctx, users.clerk!);
    const secretary = as(ctx, users.secretary!);
    for (const [rule, on] of [
      [award, '2026-05-10'],
      [award + 1, '2026-05-20'],
      [deduct, '2026-06-01'],
    ] as const) {
      const r = await createRecord(clerk, { member, rule, occurredOn: on });
      await reviewRecord(secretary, String(r.id), { decision: 'approve' });
    }
    const statement = await memberStatement(secretary, String(member), 2026);
    expect(statement.lines.map((l) => [l.points, l.counted, l.clampedBy])).toEqual([
      [5, 5, null],
      [5, 3, 'item'],
      [5, 4, 'category'],
      [-3, -3, null],
    ]);
    expect(statement.total).toBe(9);
    const town = as(ctx, users.town!);
    const q2 = await leaderboard(town, { scope: String(village), period: '2026-Q2', limit: 100 });
    expect(q2.rows[0]).toMatchObject({ name: '王建国', total: 9, awarded: 12, deducted: -3 });
    expect(q2.rows[0]!.pointsClass).not.toBeNull();
    const may = await leaderboard(town, { scope: String(village), period: '2026-05', limit: 100 });
    expect(may.rows.find((r) => r.name === '王建国')!.total).toBe(7);
    await expect(
      leaderboard(as(ctx, users.other!), { scope: String(village), period: '2026', limit: 10 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const pub = await publicLeaderboard(ctx, {
      scope: String(village),
      period: '2026-Q2',
      limit: 100,
    });
    expect(pub.rows[0]).toEqual({
      rank: 1,
      name: '王*国',
      branch: expect.any(String),
      total: 9,
      pointsClass: expect.any(String),
    });
    expect(JSON.stringify(pub)).not.toMatch(/deducted|evidence|王建国/);
  });

  it('refuses points on a transferred-out member; answers disputes; records revisions after a freeze', async () => {
    const { ctx } = use();
    const clerk = as(ctx, users.clerk!);
    const secretary = as(ctx, users.secretary!);
    const town = as(ctx, users.town!);
    const leaving = await addMember(clerk, branch, {
      name: '赵志强',
      gender: '男',
      birthYear: 1985,
      joinedOn: '2010-07-01',
    });
    await transferMemberOut(clerk, String(leaving.id), { on: '2026-06-15' });
    await expect(
      createRecord(clerk, { member: leaving.id, rule: award, occurredOn: '2026-06-01' }),
    ).rejects.toThrow(/已于 2026-06-15 转出/);

    const r = await createRecord(clerk, { member, rule: deduct, occurredOn: '2026-06-20' });
    await reviewRecord(secretary, String(r.id), { decision: 'approve' });
    const d = await fileDispute(clerk, String(r.id), { reason: '当天请假已报备' });
    await expect(
      answerPointsDispute(clerk, String(d.id), { decision: 'upheld', answer: '属实' }),
    ).rejects.toMatchObject({
      code: 'SELF_REVIEW',
    });
    await answerPointsDispute(secretary, String(d.id), {
      decision: 'upheld',
      answer: '经核实已报备，撤销扣分',
    });
    const statement = await memberStatement(secretary, String(member), 2026);
    const line = statement.lines.find((l) => l.id === r.id)!;
    expect(line.status).toBe('rejected');
    expect(line.disputes[0]).toMatchObject({ status: 'upheld' });

    await expect(
      setQuarter(town, { organizer: '371323104', quarter: '2026-Q2', state: 'frozen' }),
    ).rejects.toThrow(/先公示/);
    await setQuarter(town, { organizer: '371323104', quarter: '2026-Q2', state: 'notice' });
    await setQuarter(town, { organizer: '371323104', quarter: '2026-Q2', state: 'frozen' });
    const late = await createRecord(clerk, { member, rule: award + 1, occurredOn: '2026-06-25' });
    expect(late.revision).toBe(true);
    const events = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'points.%')
      // The demo's points markets (items, redemptions) are not this test's.
      .where('action', 'not like', 'points.market.%')
      .execute();
    expect(new Set(events.map((e) => e.action))).toEqual(
      new Set([
        'points.branch.create',
        'points.branch.assign',
        'points.member.create',
        'points.rule.create',
        'points.record.create',
        'points.record.approve',
        'points.member.transfer_out',
        'points.dispute.file',
        'points.dispute.answer',
        'points.quarter.notice',
        'points.quarter.frozen',
        'points.record.revision',
        'points.demo.load',
      ]),
    );
  });

  it('takes today as the date in China: at 04:00 there, that day is not in the future', async () => {
    const { ctx } = use();
    // 2026-06-30T20:00Z is 2026-07-01 04:00 in China.
    const early = {
      ...as(ctx, users.clerk!),
      clock: { now: () => new Date('2026-06-30T20:00:00Z') },
    };
    const r = await createRecord(early, { member, rule: award, occurredOn: '2026-07-01' });
    expect(r.occurredOn).toBe('2026-07-01');
    await expect(
      createRecord(early, { member, rule: award, occurredOn: '2026-07-02' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { field: 'occurredOn' } });
  });
});

describeEachDialect('demo points', (use) => {
  it('loads 黄山铺镇 branches, members and reviewed records, once', async () => {
    const { ctx } = use();
    const first = await loadDemo(ctx, { contests: false });
    expect(first.credentials.map((c) => c.username)).toEqual(
      expect.arrayContaining(['hsp-cunwen', 'hsp-shuji']),
    );
    const board = await leaderboard(ctx, { scope: '371323104', period: '2026-Q2', limit: 500 });
    expect(board.rows.length).toBe(18 * 18);
    expect(board.rows[0]!.total).toBeGreaterThan(0);
    await loadDemo(ctx, { contests: false });
    const again = await leaderboard(ctx, { scope: '371323104', period: '2026-Q2', limit: 500 });
    expect(again.rows.length).toBe(18 * 18);
  });
});
