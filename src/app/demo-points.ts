/**
 * Demo party-member points (党员积分) for 黄山铺镇: a branch in each of its first villages, generated
 * members, a town rules catalogue modelled on common 党员积分管理办法, six months of reviewed
 * records counted back from the clock, and a village clerk and a branch secretary.
 */
import type { Role } from '../core/permissions.ts';
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
import { clampBulk } from './points.ts';
import { changeUser, createUser } from './users.ts';

const TOWN = '371323104'; // 黄山铺镇
const VILLAGES = 8;
const MEMBERS = 18;
const DEMO_PASSWORDS = { forceChange: false };

const RULES: {
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
  credentials: { username: string; displayName: string; roles: Role[]; password: string }[];
}

export async function loadDemoPoints(ctx: AppContext): Promise<DemoPointsSummary> {
  const town = await findUnit(ctx.db, TOWN);
  if (!town) return { branches: 0, members: 0, records: 0, credentials: [] };
  const { items: villages } = await listChildren(ctx.db, town.id, {
    kind: 'village',
    limit: VILLAGES,
    offset: 0,
  });
  const now = ctx.clock.now();
  const stamp = now.toISOString();
  const rand = generator(16);
  let branches = 0;
  let members = 0;
  let records = 0;
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
        for (let back = 0; back < 6; back++) {
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
    await audit(ctx, {
      action: 'points.demo.load',
      entityType: 'unit',
      entityId: town.id,
      unitId: town.id,
      after: { branches, members, records },
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
  return { branches, members, records, credentials };
}
