import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  clampYear,
  classify,
  DEFAULT_CLASS_RULE,
  type PointsClass,
  parsePointsPeriod,
} from '../core/points.ts';
import { dialectOf } from '../db/dialect.ts';
import { backfillPointsTotals } from '../db/migrations/0020-points-totals.ts';
import {
  boardTotalsQuery,
  branchesUnder,
  insertRecords,
  listRules,
  type Rule,
} from '../db/points.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import type { AppContext } from './context.ts';
import {
  addMember,
  answerPointsDispute,
  clampBulk,
  createBranch,
  createRecord,
  createRule,
  fileDispute,
  leaderboard,
  reviewRecord,
  setQuarter,
  transferMemberOut,
} from './points.ts';
import { createUnit } from './units.ts';

/**
 * The leaderboards (read from the stored per-period totals, or for a week from the records'
 * stored `counted`) held to the obvious computation: every approved record of the scope's
 * branches, each member's year clamped from scratch by the core rule, summed over the period.
 * Random runs of recording, approving, rejecting, upheld disputes (a counted record revoked),
 * back-dated approvals that move a cap onto later records, frozen quarters (revisions), bulk
 * loads and transfers out.
 */

const DAYS: string[] = [];
for (let t = Date.UTC(2025, 10, 1); t <= Date.UTC(2026, 5, 30); t += 86_400_000)
  DAYS.push(new Date(t).toISOString().slice(0, 10));

const PERIODS = [
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2025-Q4',
  '2026-Q1',
  '2026-Q2',
  '2025',
  '2026',
  '2026-W01',
  '2026-W09',
];

type Op =
  | { op: 'record'; member: number; rule: number; day: number }
  | { op: 'approve'; record: number }
  | { op: 'reject'; record: number }
  | { op: 'uphold'; record: number }
  | { op: 'transfer'; member: number }
  | { op: 'freeze'; quarter: string };

const MEMBERS = 6; // three in each of two branches
const RULES = 6;

const scriptArb = fc.record({
  caps: fc.record({
    study: fc.constantFrom(null, 6, 10),
    studyItem: fc.constantFrom(null, 4, 8),
    app: fc.constantFrom(null, 6),
    service: fc.constantFrom(null, 10, 15),
    absent: fc.constantFrom(null, 4),
    county: fc.constantFrom(null, 8),
  }),
  bulk: fc.array(
    fc.record({
      member: fc.nat(MEMBERS - 1),
      rule: fc.nat(RULES - 1),
      day: fc.nat(DAYS.length - 1),
      approved: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  ops: fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          op: fc.constant('record' as const),
          member: fc.nat(MEMBERS - 1),
          rule: fc.nat(RULES - 1),
          day: fc.nat(DAYS.length - 1),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({ op: fc.constant('approve' as const), record: fc.nat(40) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ op: fc.constant('reject' as const), record: fc.nat(40) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ op: fc.constant('uphold' as const), record: fc.nat(40) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ op: fc.constant('transfer' as const), member: fc.nat(MEMBERS - 1) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          op: fc.constant('freeze' as const),
          quarter: fc.constantFrom('2025-Q4', '2026-Q1'),
        }),
      },
    ) as fc.Arbitrary<Op>,
    { minLength: 10, maxLength: 45 },
  ),
});

interface Reference {
  memberId: number;
  awarded: number;
  deducted: number;
  total: number;
  rank: number;
  pointsClass: PointsClass | null;
}

/** The board of a scope and period computed from the records alone. */
async function referenceBoard(ctx: AppContext, scopeId: number, periodKey: string) {
  const period = parsePointsPeriod(periodKey)!;
  const { rows: branches } = await sql<{ id: number; unit_id: number }>`
    with recursive subtree(id) as (
      select id from units where id = ${scopeId}
      union all select u.id from units u join subtree s on s.id = u.parent_id)
    select b.id, b.unit_id from points_branches b where b.unit_id in (select id from subtree)`.execute(
    ctx.db,
  );
  const branchIds = new Set(branches.map((b) => b.id));
  const members = await ctx.db
    .selectFrom('points_members')
    .select(['id', 'branch_id', 'status'])
    .orderBy('id')
    .execute();
  const records = await ctx.db
    .selectFrom('points_records as r')
    .innerJoin('points_rules as u', 'u.id', 'r.rule_id')
    .select([
      'r.id',
      'r.member_id',
      'r.branch_id',
      'r.occurred_on',
      'r.points',
      'u.organizer_unit_id',
      'u.item',
      'u.category',
      'u.item_cap',
      'u.category_cap',
    ])
    .where('r.status', '=', 'approved')
    .orderBy('r.member_id')
    .orderBy('r.occurred_on')
    .orderBy('r.id')
    .execute();
  const years = new Map<string, typeof records>();
  for (const r of records) {
    const key = `${r.member_id}:${r.occurred_on.slice(0, 4)}`;
    years.set(key, [...(years.get(key) ?? []), r]);
  }
  const sums = new Map<number, { awarded: number; deducted: number }>();
  for (const list of years.values()) {
    const clamped = clampYear(
      list.map((r) => ({
        id: r.id,
        item: `${r.organizer_unit_id}:${r.item}`,
        category: `${r.organizer_unit_id}:${r.category}`,
        points: r.points,
        itemCap: r.item_cap,
        categoryCap: r.category_cap,
      })),
    );
    list.forEach((r, i) => {
      if (!branchIds.has(r.branch_id)) return;
      if (r.occurred_on < period.from || r.occurred_on >= period.to) return;
      const s = sums.get(r.member_id) ?? { awarded: 0, deducted: 0 };
      const c = clamped[i]!.counted;
      if (c > 0) s.awarded += c;
      else s.deducted += c;
      sums.set(r.member_id, s);
    });
  }
  const rows = members
    .filter((m) => branchIds.has(m.branch_id))
    .map((m) => {
      const s = sums.get(m.id) ?? { awarded: 0, deducted: 0 };
      return {
        memberId: m.id,
        branchId: m.branch_id,
        active: m.status === 'active',
        awarded: s.awarded,
        deducted: s.deducted,
        total: s.awarded + s.deducted,
        pointsClass: null as PointsClass | null,
      };
    });
  if (period.kind === 'quarter')
    for (const b of branchIds) {
      const mine = rows.filter((r) => r.branchId === b && r.active);
      const classes = classify(
        mine.map((r) => r.total),
        DEFAULT_CLASS_RULE,
      );
      mine.forEach((r, i) => {
        r.pointsClass = classes[i]!;
      });
    }
  const listed = rows
    .filter((r) => r.active || r.total !== 0)
    .sort((a, b) => b.total - a.total || a.memberId - b.memberId);
  return listed.map(
    (r): Reference => ({
      memberId: r.memberId,
      awarded: r.awarded,
      deducted: r.deducted,
      total: r.total,
      // Ties share a rank, the next is skipped.
      rank: listed.findIndex((x) => x.total === r.total) + 1,
      pointsClass: r.pointsClass,
    }),
  );
}

const storedTotals = async (ctx: AppContext) =>
  (
    await ctx.db
      .selectFrom('points_totals')
      .selectAll()
      .where((eb) => eb.or([eb('awarded', '<>', 0), eb('deducted', '<>', 0)]))
      .orderBy('branch_id')
      .orderBy('period')
      .orderBy('member_id')
      .execute()
  ).map((r) => ({ ...r, awarded: Number(r.awarded), deducted: Number(r.deducted) }));

describeEachDialect('points leaderboards against the records', (use) => {
  let county = 0;
  let run = 0;

  it('matches the records on random runs of approvals, revocations, caps and transfers', async () => {
    const { ctx } = use();
    county = (await createUnit(ctx, { code: 'PB', name: '性质县', kind: 'county' })).id;
    await createRule(ctx, {
      organizer: 'PB',
      category: '县级表彰',
      item: '表彰',
      points: 4,
      itemCap: null,
      categoryCap: 8,
    });
    await fc.assert(
      fc.asyncProperty(scriptArb, async (script) => {
        run++;
        const town = `PB-T${run}`;
        await createUnit(ctx, { code: town, name: `镇${run}`, kind: 'town', parent: 'PB' });
        const villages: number[] = [];
        const branches: number[] = [];
        for (const v of [1, 2]) {
          const code = `${town}-V${v}`;
          const unit = await createUnit(ctx, {
            code,
            name: `村${v}`,
            kind: 'village',
            parent: town,
          });
          villages.push(unit.id);
          branches.push((await createBranch(ctx, { unit: unit.id, name: `村${v}党支部` })).id);
        }
        const c = script.caps;
        for (const [category, item, points, itemCap, categoryCap] of [
          ['学习', '参加学习', 2, c.studyItem, c.study],
          ['学习', '学习强国', 3, c.app, c.study],
          ['服务', '志愿服务', 5, null, c.service],
          ['纪律', '缺席会议', -2, c.absent, null],
          ['纪律', '违规', -3, null, null],
        ] as const)
          await createRule(ctx, { organizer: town, category, item, points, itemCap, categoryCap });
        const townUnit = (await findUnit(ctx.db, town))!;
        const rules: Rule[] = [
          ...(await listRules(ctx.db, [townUnit.id])),
          ...(await listRules(ctx.db, [county])),
        ];
        const members: number[] = [];
        for (let i = 0; i < MEMBERS; i++)
          members.push(
            (
              await addMember(ctx, branches[i % 2]!, {
                name: `成员${i}`,
                gender: '男',
                birthYear: 1970,
                joinedOn: '2000-07-01',
              })
            ).id,
          );
        // A bulk load (the demo's way): rows already approved and clamped.
        if (script.bulk.length > 0)
          await insertRecords(
            ctx.db,
            clampBulk(
              script.bulk.map((b) => ({
                memberId: members[b.member]!,
                branchId: branches[b.member % 2]!,
                ruleId: rules[b.rule]!.id,
                points: rules[b.rule]!.points,
                occurredOn: DAYS[b.day]!,
                note: null,
                evidenceSha256: null,
                evidenceType: null,
                status: b.approved ? 'approved' : 'pending',
                revision: false,
                recordedBy: null,
              })),
              new Map(rules.map((r) => [r.id, r])),
            ),
            '2026-06-30T08:00:00Z',
          );
        const created: number[] = [];
        const quiet = async (work: () => Promise<unknown>) => {
          try {
            await work();
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!['CONFLICT', 'MEMBER_TRANSFERRED'].includes(code ?? '')) throw error;
          }
        };
        for (const o of script.ops) {
          if (o.op === 'record')
            await quiet(async () => {
              const r = await createRecord(ctx, {
                member: members[o.member]!,
                rule: rules[o.rule]!.id,
                occurredOn: DAYS[o.day]!,
              });
              created.push(r.id);
            });
          else if (o.op === 'approve' || o.op === 'reject') {
            const id = created[o.record % Math.max(1, created.length)];
            if (id !== undefined)
              await quiet(() => reviewRecord(ctx, String(id), { decision: o.op }));
          } else if (o.op === 'uphold') {
            const id = created[o.record % Math.max(1, created.length)];
            if (id !== undefined)
              await quiet(async () => {
                const d = await fileDispute(ctx, String(id), { reason: '有误' });
                await answerPointsDispute(ctx, String(d.id), {
                  decision: 'upheld',
                  answer: '属实',
                });
              });
          } else if (o.op === 'transfer')
            await quiet(() =>
              transferMemberOut(ctx, String(members[o.member]), { on: '2026-06-01' }),
            );
          else {
            await quiet(() =>
              setQuarter(ctx, { organizer: town, quarter: o.quarter, state: 'notice' }),
            );
            await quiet(() =>
              setQuarter(ctx, { organizer: town, quarter: o.quarter, state: 'frozen' }),
            );
          }
        }

        const scopes = [...villages, townUnit.id, county];
        for (const scope of scopes)
          for (const period of PERIODS) {
            const unit = await ctx.db
              .selectFrom('units')
              .select('code')
              .where('id', '=', scope)
              .executeTakeFirstOrThrow();
            const board = await leaderboard(ctx, { scope: unit.code, period, limit: 1000 });
            const want = await referenceBoard(ctx, scope, period);
            expect(
              board.rows.map((r) => ({
                memberId: r.memberId,
                awarded: r.awarded,
                deducted: r.deducted,
                total: r.total,
                rank: r.rank,
                pointsClass: r.pointsClass,
              })),
              `${unit.code} ${period}`,
            ).toEqual(want);
          }

        // What the migration sums from the records equals what the use cases kept.
        const kept = await storedTotals(ctx);
        await ctx.db.deleteFrom('points_totals').execute();
        await backfillPointsTotals(ctx.db);
        expect(await storedTotals(ctx)).toEqual(kept);
      }),
      { numRuns: 8 },
    );
  }, 240_000);

  it('prunes a week board to the month partitions it covers (PostgreSQL)', async () => {
    const { ctx } = use();
    if (dialectOf(ctx.db) !== 'postgres') return;
    // 2026-W09 runs 23 February to 1 March: February's and March's partitions only.
    const branchIds = (await branchesUnder(ctx.db, county)).map((b) => b.id);
    const q = boardTotalsQuery(ctx.db, branchIds, '2026-02-23', '2026-03-02').compile();
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(
      q.sql.replace(/\$(\d+)/g, (_m, n) => {
        const v = q.parameters[Number(n) - 1];
        if (Array.isArray(v)) return `'{${v.join(',')}}'`;
        return typeof v === 'number' ? String(v) : `'${String(v)}'`;
      }),
    )}`.execute(ctx.db);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const parts = new Set([...plan.matchAll(/points_records_(y\d{4}m\d{2})/g)].map((m) => m[1]));
    expect([...parts].sort()).toEqual(['y2026m02', 'y2026m03']);
  });
});
