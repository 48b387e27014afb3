/**
 * Demo party-member points (党员积分) for 黄山铺镇: a branch in every one of its villages, generated
 * members, a town rules catalogue modelled on common 党员积分管理办法, a year of reviewed records
 * counted back from the clock, and a village clerk and a branch secretary; star households
 * (星级文明户: the town's stars and criteria, each village's register, filed ratings for this year
 * and last, one household at each step, one revoked and barred); and each village's points
 * market (积分超市) with stock and a few redemptions. The town's village contests take their
 * 党员积分平均分 and 星级文明户占比 from these (demo-contests.ts).
 */

import { DomainError } from '../core/errors.ts';
import type { Role } from '../core/permissions.ts';
import {
  advanceClaim,
  insertClaim,
  insertHouseholds,
  insertStar,
  insertStep,
  listHouseholds,
  type StarResults,
} from '../db/households.repository.ts';
import {
  findBranchByUnit,
  insertAssignment,
  insertBranch,
  insertMembers,
  insertRecords,
  insertRule,
  listMembers,
  type NewRecord,
  type Rule,
} from '../db/points.repository.ts';
import { findUnit, listChildren } from '../db/unit.repository.ts';
import { findUser } from '../db/user.repository.ts';
import { type AppContext, audit } from './context.ts';
import { claimStars, claimStep, revokeStars, yearlyReview } from './households.ts';
import { clampBulk } from './points.ts';
import { createItem, redeem } from './points-market.ts';
import { changeUser, createUser } from './users.ts';

const TOWN = '371323104'; // 黄山铺镇
const MEMBERS = 18;
/** Months of records counted back from the clock's month (its own included). */
const MONTHS = 12;
const HOUSEHOLDS = 24;
const DEMO_PASSWORDS = { forceChange: false };

/** The demo's rules catalogue, modelled on a common 党员积分管理办法 (the points bench uses it too). */
export const RULES: {
  category: string;
  item: string;
  points: number;
  itemCap: number | null;
  categoryCap: number | null;
}[] = [
  { category: '组织生活', item: '参加“三会一课”', points: 2, itemCap: 24, categoryCap: 40 },
  { category: '组织生活', item: '参加主题党日', points: 2, itemCap: 24, categoryCap: 40 },
  { category: '志愿服务', item: '参加志愿服务活动', points: 3, itemCap: 30, categoryCap: 40 },
  { category: '志愿服务', item: '人居环境整治义务劳动', points: 2, itemCap: 20, categoryCap: 40 },
  { category: '带头致富', item: '带动群众增收', points: 5, itemCap: 20, categoryCap: 30 },
  { category: '带头致富', item: '创办领办合作社', points: 10, itemCap: 10, categoryCap: 30 },
  {
    category: '违纪扣分',
    item: '无故不参加组织生活',
    points: -3,
    itemCap: null,
    categoryCap: null,
  },
  { category: '违纪扣分', item: '未按时交纳党费', points: -2, itemCap: null, categoryCap: null },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '建国秀英志强明华玉兰海军丽娟文斌桂芳红梅德胜春花宝山凤霞永刚淑珍'.match(/.{1,2}/g)!;

/** A small deterministic generator, so every demo load looks the same. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export interface DemoPointsSummary {
  branches: number;
  members: number;
  records: number;
  households: number;
  /** Claims filed (乡镇已备案) this year and last. */
  filed: number;
  items: number;
  redemptions: number;
  credentials: { username: string; displayName: string; roles: Role[]; password: string }[];
}

export async function loadDemoPoints(ctx: AppContext): Promise<DemoPointsSummary> {
  const town = await findUnit(ctx.db, TOWN);
  if (!town)
    return {
      branches: 0,
      members: 0,
      records: 0,
      households: 0,
      filed: 0,
      items: 0,
      redemptions: 0,
      credentials: [],
    };
  const { items: villages } = await listChildren(ctx.db, town.id, {
    kind: 'village',
    limit: 1000,
    offset: 0,
  });
  const now = ctx.clock.now();
  const stamp = now.toISOString();
  const rand = generator(16);
  let branches = 0;
  let members = 0;
  let records = 0;
  let households = 0;
  let filed = 0;
  let items = 0;
  let redemptions = 0;
  let rules: Rule[] = [];
  const fresh = villages.length > 0 && !(await findBranchByUnit(ctx.db, villages[0]!.id));
  if (fresh) {
    for (const r of RULES)
      rules.push(await insertRule(ctx.db, { ...r, organizerUnitId: town.id }, stamp));
    for (const v of villages) {
      const branch = await insertBranch(ctx.db, v.id, `中共${v.name}支部委员会`, stamp);
      branches += 1;
      await insertMembers(
        ctx.db,
        Array.from({ length: MEMBERS }, () => {
          const year = 1950 + Math.floor(rand() * 50);
          return {
            branchId: branch.id,
            name:
              SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
              GIVEN[Math.floor(rand() * GIVEN.length)]!,
            gender: rand() < 0.7 ? '男' : '女',
            birthYear: year,
            joinedOn: `${year + 22 + Math.floor(rand() * 20)}-07-01`,
            status: 'active' as const,
            transferredInOn: null,
            transferredOutOn: null,
            userId: null,
          };
        }),
        stamp,
      );
      const rows: NewRecord[] = [];
      for (const m of await listMembers(ctx.db, [branch.id])) {
        members += 1;
        for (let back = 0; back < MONTHS; back++) {
          const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
          const perMonth = 1 + Math.floor(rand() * 3);
          for (let k = 0; k < perMonth; k++) {
            // Deductions are rare; awards lean on organisational life.
            const pick = rand();
            const rule =
              pick < 0.05 ? rules[6 + Math.floor(rand() * 2)]! : rules[Math.floor(rand() * 6)]!;
            const day = 1 + Math.floor(rand() * 27);
            const occurredOn = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
            if (occurredOn > stamp.slice(0, 10)) continue;
            rows.push({
              memberId: m.id,
              branchId: branch.id,
              ruleId: rule.id,
              points: rule.points,
              occurredOn,
              note: null,
              evidenceSha256: null,
              evidenceType: null,
              status: back === 0 && rand() < 0.2 ? 'pending' : 'approved',
              revision: false,
              recordedBy: null,
              reviewedBy: null,
              reviewedAt: stamp,
            });
          }
        }
      }
      // In counting order, with what each approved record counts after the yearly caps.
      await insertRecords(ctx.db, clampBulk(rows, new Map(rules.map((r) => [r.id, r]))), stamp);
      records += rows.length;
    }
    const stars = await loadDemoHouseholds(ctx, town.id, villages, rand);
    const market = await loadDemoMarket(ctx, villages);
    households = stars.households;
    filed = stars.filed;
    items = market.items;
    redemptions = market.redemptions;
    await audit(ctx, {
      action: 'points.demo.load',
      entityType: 'unit',
      entityId: town.id,
      unitId: town.id,
      after: { branches, members, records, households, filed, items, redemptions },
    });
  }
  rules = [];
  // The clerk records and the secretary reviews for the first village's branch.
  const credentials: DemoPointsSummary['credentials'] = [];
  const first = villages[0] && (await findBranchByUnit(ctx.db, villages[0].id));
  if (first) {
    for (const [username, displayName, role] of [
      ['hsp-cunwen', `${villages[0]!.name}文书`, 'recorder'],
      ['hsp-shuji', `${villages[0]!.name}党支部书记`, 'reviewer'],
    ] as const) {
      const existing = await findUser(ctx.db, username);
      const roles: Role[] = ['reporter'];
      // Printed for the walkthrough, like the other demo users': not forced to change.
      const { password } = existing
        ? await changeUser(ctx, String(existing.id), { resetPassword: true }, DEMO_PASSWORDS)
        : await createUser(
            ctx,
            { username, displayName, unit: villages[0]!.id, roles },
            DEMO_PASSWORDS,
          );
      if (!existing)
        await insertAssignment(ctx.db, (await findUser(ctx.db, username))!.id, first.id, role);
      credentials.push({ username, displayName, roles, password: password! });
    }
  }
  return { branches, members, records, households, filed, items, redemptions, credentials };
}

const STARS: [string, string][] = [
  ['遵纪守法星', '家庭成员遵守法律法规和村规民约，无违法违纪行为'],
  ['勤劳致富星', '勤劳肯干，家庭人均收入高于全村平均，或带动他人增收'],
  ['孝老爱亲星', '尊老爱幼，家庭和睦，邻里团结互助'],
  ['移风易俗星', '红白事简办，不大操大办，不参与封建迷信活动'],
  ['环境卫生星', '庭院整洁，房前屋后无乱堆乱放，落实“门前三包”'],
];

/**
 * The town's stars and every village's household register; ratings filed for last year and this
 * (a share that differs by village, for the 星级文明户占比 indicator), and in the first village one
 * household at each step: claimed, reviewed by villagers, checked by the committee, rejected,
 * re-rated by the yearly review, and revoked (barred two years).
 */
async function loadDemoHouseholds(
  ctx: AppContext,
  townId: number,
  villages: readonly { id: number; name: string }[],
  rand: () => number,
) {
  const stamp = ctx.clock.now().toISOString();
  // The year in China (UTC+8).
  const year = Number(
    new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4),
  );
  const stars = [];
  for (const [name, criteria] of STARS)
    stars.push(await insertStar(ctx.db, { organizerUnitId: townId, name, criteria }, stamp));
  const starIds = stars.map((x) => x.id);
  let households = 0;
  let filed = 0;
  const fileBulk = async (householdId: number, y: number, claimed: number[], all = false) => {
    const results: StarResults = Object.fromEntries(
      claimed.map((id) => [String(id), all || rand() < 0.9 ? 'pass' : 'fail']),
    );
    const passed = claimed.filter((id) => results[id] === 'pass').length;
    if (passed === 0) results[String(claimed[0]!)] = 'pass';
    const at = `${y}-${y === year ? '06' : '11'}-20T02:00:00.000Z`;
    const claim = await insertClaim(
      ctx.db,
      { householdId, year: y, stars: claimed, stage: 'claimed' },
      at,
    );
    for (const step of ['claim', 'villagers', 'committee', 'filing'] as const)
      await insertStep(
        ctx.db,
        {
          claimId: claim.id,
          step,
          results: step === 'claim' ? null : results,
          note: null,
          userId: null,
        },
        at,
      );
    await advanceClaim(ctx.db, claim.id, 'claimed', 'filed', results, Math.max(1, passed), at);
    filed += 1;
  };
  for (const [v, village] of villages.entries()) {
    await insertHouseholds(
      ctx.db,
      Array.from({ length: HOUSEHOLDS }, (_, i) => ({
        unitId: village.id,
        headName:
          SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
          GIVEN[Math.floor(rand() * GIVEN.length)]!,
        groupName: `第${1 + (i % 4)}村民小组`,
        size: 2 + Math.floor(rand() * 5),
        barredUntil: null,
      })),
      stamp,
    );
    const register = await listHouseholds(ctx.db, village.id);
    households += register.length;
    // Some villages rate many households, some few: 10–40% of the register.
    const share = 0.1 + 0.3 * rand();
    for (const [i, h] of register.entries()) {
      if (v === 0 && i < 6) continue; // the first village's showcase, below
      const claimed = starIds.filter(() => rand() < 0.6);
      if (claimed.length === 0) claimed.push(starIds[0]!);
      if (rand() < share) await fileBulk(h.id, year - 1, claimed);
      if (rand() < share) await fileBulk(h.id, year, claimed);
    }
  }
  // The first village's showcase goes through the use cases, as its clerk and the town would.
  const first = villages[0] && (await listHouseholds(ctx.db, villages[0].id));
  if (first && first.length >= 6) {
    const [a, b, c, d, e, f] = first.map((h) => String(h.id));
    const three = starIds.slice(0, 3);
    const judge = (ids: number[], fail: number[] = []): StarResults =>
      Object.fromEntries(ids.map((id) => [String(id), fail.includes(id) ? 'fail' : 'pass']));
    await claimStars(ctx, a!, { year, stars: three, note: '本户申报三星' });
    await claimStars(ctx, b!, { year, stars: three });
    await claimStep(ctx, b!, { year, step: 'villagers', results: judge(three, [three[2]!]) });
    await claimStars(ctx, c!, { year, stars: starIds });
    await claimStep(ctx, c!, { year, step: 'villagers', results: judge(starIds) });
    await claimStep(ctx, c!, { year, step: 'committee', results: judge(starIds, [starIds[4]!]) });
    await claimStars(ctx, d!, { year, stars: [starIds[1]!] });
    await claimStep(ctx, d!, {
      year,
      step: 'villagers',
      results: judge([starIds[1]!], [starIds[1]!]),
      note: '村民评议未通过：年收入证明不足',
    });
    await fileBulk(Number(e), year - 1, starIds.slice(0, 4), true);
    await yearlyReview(ctx, e!, { year, results: judge(starIds.slice(0, 4), [starIds[3]!]) });
    await claimStars(ctx, f!, { year, stars: three });
    for (const step of ['villagers', 'committee', 'filing'] as const)
      await claimStep(ctx, f!, { year, step, results: judge(three) });
    await revokeStars(ctx, f!, { reason: '家庭成员参与赌博被行政处罚，撤销星级' });
    filed += 2;
  }
  return { households, filed };
}

const ITEMS: [string, number, number][] = [
  ['洗衣粉', 5, 40],
  ['毛巾', 3, 60],
  ['食用油', 20, 12],
  ['电饭锅', 120, 2],
];

/** Each village's shelves (the first one has an item sold out) and three redemptions each. */
async function loadDemoMarket(ctx: AppContext, villages: readonly { id: number; name: string }[]) {
  let items = 0;
  let redemptions = 0;
  for (const [v, village] of villages.entries()) {
    const shelf = [];
    for (const [name, cost, stock] of ITEMS)
      shelf.push(await createItem(ctx, { unit: String(village.id), name, cost, stock }));
    if (v === 0)
      shelf.push(
        await createItem(ctx, { unit: String(village.id), name: '暖水瓶', cost: 15, stock: 0 }),
      );
    items += shelf.length;
    const branch = await findBranchByUnit(ctx.db, village.id);
    if (!branch) continue;
    const active = (await listMembers(ctx.db, [branch.id])).filter((m) => m.status === 'active');
    for (const [k, [item, quantity]] of (
      [
        [0, 1],
        [1, 2],
        [2, 1],
      ] as const
    ).entries()) {
      const member = active[(v * 3 + k) % active.length];
      if (!member) continue;
      try {
        await redeem(ctx, { member: member.id, item: shelf[item]!.id, quantity });
        redemptions += 1;
      } catch (error) {
        // A member without enough points simply does not redeem (the demo's records are random).
        if (!(error instanceof DomainError && error.code === 'INSUFFICIENT_POINTS')) throw error;
      }
    }
  }
  return { items, redemptions };
}
