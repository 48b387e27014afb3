import { type Kysely, type Selectable, sql } from 'kysely';
import { type PointsPeriod, totalPeriodsOf } from '../core/points.ts';
import type { Unit } from '../core/units.ts';
import { ensureMonthPartitions, inSubtree, isAnyOf } from './dialect.ts';
import type { Database, UnitTable } from './schema.ts';
import type {
  PointsBranchTable,
  PointsDisputeTable,
  PointsMemberTable,
  PointsRecordTable,
  PointsRuleTable,
} from './schema-points.ts';
import { unitFromRow, withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;
type UnitRow = Selectable<UnitTable>;

export interface Branch {
  id: number;
  unitId: number;
  name: string;
}
export interface Member {
  id: number;
  branchId: number;
  name: string;
  gender: string;
  birthYear: number;
  joinedOn: string;
  status: 'active' | 'transferred_out';
  transferredInOn: string | null;
  transferredOutOn: string | null;
  userId: number | null;
}
export interface Rule {
  id: number;
  organizerUnitId: number;
  category: string;
  item: string;
  points: number;
  itemCap: number | null;
  categoryCap: number | null;
  active: boolean;
}
export interface PointsRecord {
  id: number;
  memberId: number;
  branchId: number;
  ruleId: number;
  points: number;
  occurredOn: string;
  note: string | null;
  hasEvidence: boolean;
  status: 'pending' | 'approved' | 'rejected';
  revision: boolean;
  recordedBy: number | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
  /** What it counts after the yearly caps (0 unless approved). */
  counted: number;
}
export interface Dispute {
  id: number;
  recordId: number;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  answer: string | null;
  filedBy: number | null;
  answeredBy: number | null;
  filedAt: string;
  answeredAt: string | null;
}

const branchOf = (r: Selectable<PointsBranchTable>): Branch => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
});
const memberOf = (r: Selectable<PointsMemberTable>): Member => ({
  id: r.id,
  branchId: r.branch_id,
  name: r.name,
  gender: r.gender,
  birthYear: r.birth_year,
  joinedOn: r.joined_on,
  status: r.status as Member['status'],
  transferredInOn: r.transferred_in_on,
  transferredOutOn: r.transferred_out_on,
  userId: r.user_id,
});
export const ruleOf = (r: Selectable<PointsRuleTable>): Rule => ({
  id: r.id,
  organizerUnitId: r.organizer_unit_id,
  category: r.category,
  item: r.item,
  points: r.points,
  itemCap: r.item_cap,
  categoryCap: r.category_cap,
  active: Boolean(r.active),
});
const recordOf = (r: Selectable<PointsRecordTable>): PointsRecord => ({
  id: r.id,
  memberId: r.member_id,
  branchId: r.branch_id,
  ruleId: r.rule_id,
  points: r.points,
  occurredOn: r.occurred_on,
  note: r.note,
  hasEvidence: r.evidence_sha256 !== null,
  status: r.status as PointsRecord['status'],
  revision: Boolean(r.revision),
  recordedBy: r.recorded_by,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  createdAt: r.created_at,
  counted: r.counted,
});
const disputeOf = (r: Selectable<PointsDisputeTable>): Dispute => ({
  id: r.id,
  recordId: r.record_id,
  reason: r.reason,
  status: r.status as Dispute['status'],
  answer: r.answer,
  filedBy: r.filed_by,
  answeredBy: r.answered_by,
  filedAt: r.filed_at,
  answeredAt: r.answered_at,
});

export async function insertBranch(db: Db, unitId: number, name: string, now: string) {
  const row = await db
    .insertInto('points_branches')
    .values({ unit_id: unitId, name, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return branchOf(row);
}
export async function findBranch(db: Db, id: number) {
  const row = await db
    .selectFrom('points_branches')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && branchOf(row);
}
export async function findBranchByUnit(db: Db, unitId: number) {
  const row = await db
    .selectFrom('points_branches')
    .selectAll()
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row && branchOf(row);
}
export async function listBranchesIn(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('points_branches')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .orderBy('id')
    .execute();
  return rows.map(branchOf);
}

export async function insertAssignment(db: Db, userId: number, branchId: number, role: string) {
  await db
    .insertInto('points_assignments')
    .values({ user_id: userId, branch_id: branchId, role })
    .execute();
}
export async function assignmentsOf(db: Db, userId: number) {
  const rows = await db
    .selectFrom('points_assignments')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ branchId: r.branch_id, role: r.role as 'recorder' | 'reviewer' }));
}

export type NewMember = Omit<Member, 'id'>;
export async function insertMember(db: Db, m: NewMember, now: string) {
  const row = await db
    .insertInto('points_members')
    .values({
      branch_id: m.branchId,
      name: m.name,
      gender: m.gender,
      birth_year: m.birthYear,
      joined_on: m.joinedOn,
      status: m.status,
      transferred_in_on: m.transferredInOn,
      transferred_out_on: m.transferredOutOn,
      user_id: m.userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return memberOf(row);
}
export async function insertMembers(db: Db, ms: NewMember[], now: string) {
  for (let i = 0; i < ms.length; i += 500) {
    await db
      .insertInto('points_members')
      .values(
        ms.slice(i, i + 500).map((m) => ({
          branch_id: m.branchId,
          name: m.name,
          gender: m.gender,
          birth_year: m.birthYear,
          joined_on: m.joinedOn,
          status: m.status,
          transferred_in_on: m.transferredInOn,
          transferred_out_on: m.transferredOutOn,
          user_id: m.userId,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}
export async function findMember(db: Db, id: number) {
  const row = await db
    .selectFrom('points_members')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && memberOf(row);
}
export async function listMembers(db: Db, branchIds: readonly number[]) {
  if (branchIds.length === 0) return [];
  const rows = await db
    .selectFrom('points_members')
    .selectAll()
    .where('branch_id', 'in', branchIds)
    .orderBy('id')
    .execute();
  return rows.map(memberOf);
}
export async function transferOut(db: Db, id: number, on: string, now: string) {
  const row = await db
    .updateTable('points_members')
    .set({ status: 'transferred_out', transferred_out_on: on, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return memberOf(row);
}

export type NewRule = Omit<Rule, 'id' | 'active'>;
export async function insertRule(db: Db, r: NewRule, now: string) {
  const row = await db
    .insertInto('points_rules')
    .values({
      organizer_unit_id: r.organizerUnitId,
      category: r.category,
      item: r.item,
      points: r.points,
      item_cap: r.itemCap,
      category_cap: r.categoryCap,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return ruleOf(row);
}
export async function findRule(db: Db, id: number) {
  const row = await db
    .selectFrom('points_rules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && ruleOf(row);
}
export async function listRules(db: Db, organizerUnitIds: readonly number[]) {
  if (organizerUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom('points_rules')
    .selectAll()
    .where('organizer_unit_id', 'in', organizerUnitIds)
    .orderBy('id')
    .execute();
  return rows.map(ruleOf);
}

export interface NewRecord {
  memberId: number;
  branchId: number;
  ruleId: number;
  points: number;
  occurredOn: string;
  note: string | null;
  evidenceSha256: string | null;
  evidenceType: string | null;
  status: PointsRecord['status'];
  revision: boolean;
  recordedBy: number | null;
  reviewedBy?: number | null;
  reviewedAt?: string | null;
  /** Bulk loads that already clamped (the demo, benchmarks); otherwise 0 until approved. */
  counted?: number;
}
const recordRow = (r: NewRecord, now: string) => ({
  member_id: r.memberId,
  branch_id: r.branchId,
  rule_id: r.ruleId,
  points: r.points,
  occurred_on: r.occurredOn,
  note: r.note,
  evidence_sha256: r.evidenceSha256,
  evidence_type: r.evidenceType,
  status: r.status,
  revision: r.revision ? 1 : 0,
  recorded_by: r.recordedBy,
  reviewed_by: r.reviewedBy ?? null,
  reviewed_at: r.reviewedAt ?? null,
  created_at: now,
  counted: r.counted ?? 0,
});
/** The months of records, for the partitions they need on PostgreSQL. */
const monthsOf = (rs: readonly NewRecord[]) => [
  ...new Set(rs.map((r) => r.occurredOn.slice(0, 7))),
];
export async function insertRecord(db: Db, r: NewRecord, now: string) {
  await ensureMonthPartitions(db, 'points_records', monthsOf([r]));
  const row = await db
    .insertInto('points_records')
    .values(recordRow(r, now))
    .returningAll()
    .executeTakeFirstOrThrow();
  return recordOf(row);
}
export async function insertRecords(db: Db, rs: NewRecord[], now: string) {
  await ensureMonthPartitions(db, 'points_records', monthsOf(rs));
  for (let i = 0; i < rs.length; i += 400) {
    await db
      .insertInto('points_records')
      .values(rs.slice(i, i + 400).map((r) => recordRow(r, now)))
      .execute();
  }
  // Bulk rows that arrive approved and clamped count at once: their totals with them.
  await addTotals(db, periodTotals(rs.filter((r) => r.status === 'approved')));
}

export interface PeriodTotal {
  branchId: number;
  period: string;
  memberId: number;
  awarded: number;
  deducted: number;
}

/** What records count, summed per branch × member × month, quarter and year (zeros left out). */
export function periodTotals(
  rs: Iterable<{ branchId: number; memberId: number; occurredOn: string; counted?: number }>,
): PeriodTotal[] {
  const out = new Map<string, PeriodTotal>();
  for (const r of rs) {
    const counted = r.counted ?? 0;
    if (counted === 0) continue;
    for (const period of totalPeriodsOf(r.occurredOn)) {
      const key = `${r.branchId}|${period}|${r.memberId}`;
      let t = out.get(key);
      if (!t) {
        t = { branchId: r.branchId, period, memberId: r.memberId, awarded: 0, deducted: 0 };
        out.set(key, t);
      }
      if (counted > 0) t.awarded += counted;
      else t.deducted += counted;
    }
  }
  return [...out.values()];
}

/** Adds to the stored totals (rows created as needed). */
export async function addTotals(db: Db, totals: readonly PeriodTotal[]) {
  for (let i = 0; i < totals.length; i += 500) {
    await db
      .insertInto('points_totals')
      .values(
        totals.slice(i, i + 500).map((t) => ({
          branch_id: t.branchId,
          period: t.period,
          member_id: t.memberId,
          awarded: t.awarded,
          deducted: t.deducted,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['branch_id', 'period', 'member_id']).doUpdateSet({
          awarded: sql`points_totals.awarded + excluded.awarded`,
          deducted: sql`points_totals.deducted + excluded.deducted`,
        }),
      )
      .execute();
  }
}
export async function findRecord(db: Db, id: number) {
  const row = await db
    .selectFrom('points_records')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && recordOf(row);
}
export async function recordEvidence(db: Db, id: number) {
  return db
    .selectFrom('points_records')
    .select(['evidence_sha256', 'evidence_type'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export async function setReview(
  db: Db,
  id: number,
  status: 'approved' | 'rejected',
  by: number | null,
  note: string | null,
  now: string,
) {
  const row = await db
    .updateTable('points_records')
    .set({ status, reviewed_by: by, reviewed_at: now, review_note: note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row && recordOf(row);
}
export async function listRecords(
  db: Db,
  q: {
    branchIds?: readonly number[];
    memberId?: number;
    status?: string;
    from?: string;
    to?: string;
    limit?: number;
  },
) {
  let query = db.selectFrom('points_records').selectAll();
  if (q.branchIds) {
    if (q.branchIds.length === 0) return [];
    query = query.where('branch_id', 'in', q.branchIds);
  }
  if (q.memberId !== undefined) query = query.where('member_id', '=', q.memberId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.from) query = query.where('occurred_on', '>=', q.from);
  if (q.to) query = query.where('occurred_on', '<', q.to);
  query = query.orderBy('occurred_on').orderBy('id');
  if (q.limit) query = query.limit(q.limit);
  return (await query.execute()).map(recordOf);
}

export async function insertDispute(
  db: Db,
  recordId: number,
  reason: string,
  by: number | null,
  now: string,
) {
  const row = await db
    .insertInto('points_disputes')
    .values({ record_id: recordId, reason, status: 'open', filed_by: by, filed_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return disputeOf(row);
}
export async function findDispute(db: Db, id: number) {
  const row = await db
    .selectFrom('points_disputes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && disputeOf(row);
}
export async function answerDispute(
  db: Db,
  id: number,
  status: 'upheld' | 'dismissed',
  answer: string,
  by: number | null,
  now: string,
) {
  const row = await db
    .updateTable('points_disputes')
    .set({ status, answer, answered_by: by, answered_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
  return row && disputeOf(row);
}
export async function listDisputes(db: Db, recordIds: readonly number[]) {
  if (recordIds.length === 0) return [];
  const rows = await db
    .selectFrom('points_disputes')
    .selectAll()
    .where('record_id', 'in', recordIds)
    .orderBy('id')
    .execute();
  return rows.map(disputeOf);
}

export async function quarterState(db: Db, organizerUnitIds: readonly number[], quarter: string) {
  if (organizerUnitIds.length === 0) return undefined;
  const rows = await db
    .selectFrom('points_quarters')
    .select('state')
    .where('organizer_unit_id', 'in', organizerUnitIds)
    .where('quarter', '=', quarter)
    .execute();
  if (rows.some((r) => r.state === 'frozen')) return 'frozen';
  if (rows.some((r) => r.state === 'notice')) return 'notice';
  return undefined;
}
export async function setQuarterState(
  db: Db,
  organizerUnitId: number,
  quarter: string,
  state: string,
  now: string,
) {
  await db
    .deleteFrom('points_quarters')
    .where('organizer_unit_id', '=', organizerUnitId)
    .where('quarter', '=', quarter)
    .execute();
  await db
    .insertInto('points_quarters')
    .values({ organizer_unit_id: organizerUnitId, quarter, state, changed_at: now })
    .execute();
}

/** Branches whose unit lies in the subtree of `rootId` (the unit itself included). */
export async function listBranchesUnder(db: Db, rootId: number) {
  const rows = await withSubtree(db, rootId)
    .selectFrom('points_branches as b')
    .innerJoin('subtree as s', 's.id', 'b.unit_id')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .select([
      'b.id',
      'b.unit_id',
      'b.name',
      'b.created_at',
      'u.name as unit_name',
      'u.code as unit_code',
    ])
    .orderBy('u.code')
    .execute();
  return rows.map((r) => ({ ...branchOf(r), unitName: r.unit_name, unitCode: r.unit_code }));
}

// ---------- counted points, boards, versions ----------

/** A member's approved records of a year with their rules, in counting order (date, then id). */
export async function approvedWithRules(db: Db, memberId: number, year: number) {
  return db
    .selectFrom('points_records as r')
    .innerJoin('points_rules as u', 'u.id', 'r.rule_id')
    .select([
      'r.id',
      'r.points',
      'r.counted',
      'u.organizer_unit_id',
      'u.item',
      'u.category',
      'u.item_cap',
      'u.category_cap',
    ])
    .where('r.member_id', '=', memberId)
    .where('r.status', '=', 'approved')
    .where('r.occurred_on', '>=', `${year}-01-01`)
    .where('r.occurred_on', '<', `${year + 1}-01-01`)
    .orderBy('r.occurred_on')
    .orderBy('r.id')
    .execute();
}

/** Sets `counted` of records (by id) within a year, the partitions they lie in. */
export async function setCounted(
  db: Db,
  year: number,
  changes: readonly { id: number; counted: number }[],
) {
  for (const c of changes)
    await db
      .updateTable('points_records')
      .set({ counted: c.counted })
      .where('id', '=', c.id)
      .where('occurred_on', '>=', `${year}-01-01`)
      .where('occurred_on', '<', `${year + 1}-01-01`)
      .execute();
}

/**
 * Rebuilds a member's stored totals of a year (its months, quarters and the year) from what the
 * records count now; `recount` calls it after every re-clamp, in the same transaction.
 */
export async function refreshMemberTotals(db: Db, memberId: number, year: number) {
  await db
    .deleteFrom('points_totals')
    .where('member_id', '=', memberId)
    // '2026' < '2026-01' < '2026-Q4' < '2027': the year's keys, and only them.
    .where('period', '>=', String(year))
    .where('period', '<', String(year + 1))
    .execute();
  const rows = await db
    .selectFrom('points_records')
    .select(['branch_id', 'member_id', 'occurred_on', 'counted'])
    .where('member_id', '=', memberId)
    .where('status', '=', 'approved')
    .where('counted', '<>', 0)
    .where('occurred_on', '>=', `${year}-01-01`)
    .where('occurred_on', '<', `${year + 1}-01-01`)
    .execute();
  await addTotals(
    db,
    periodTotals(
      rows.map((r) => ({
        branchId: r.branch_id,
        memberId: r.member_id,
        occurredOn: r.occurred_on,
        counted: r.counted,
      })),
    ),
  );
}

/** Bumps the boards' version: every cached leaderboard is stale after this commits. */
export async function bumpPointsVersion(db: Db) {
  await db.updateTable('points_version').set({ n: sql`n + 1` }).where('id', '=', 1).execute();
}
/**
 * The unit a board is asked for (by code, else by id, as `findUnit`), its path from the root down
 * to it, and the points version — one read, so a cached board costs one statement besides the
 * caller's own. Undefined when no such unit exists.
 */
export async function boardScope(
  db: Db,
  ref: string,
): Promise<{ unit: Unit; path: number[]; version: number } | undefined> {
  const byId = /^\d{1,9}$/.test(ref) ? Number(ref) : null;
  // Each step reads one parent by its primary key, carrying the whole row along (no join back).
  // Written out rather than built: Kysely building this nested statement cost three times its
  // round trip on every board request.
  const { rows } = await sql<UnitRow & { depth: number; points_version: number | string | null }>`
    with recursive chain as (
      select units.*, 0 as depth from units
      where id = coalesce((select id from units where code = ${ref}), ${byId})
      union all
      select p.*, c.depth + 1 from units p join chain c on c.parent_id = p.id
    )
    select chain.*, (select n from points_version where id = 1) as points_version
    from chain order by depth desc`.execute(db);
  const own = rows.at(-1);
  if (!own) return undefined;
  const { points_version, depth: _depth, ...unit } = own;
  return {
    unit: unitFromRow(unit),
    path: rows.map((r) => r.id),
    version: Number(points_version ?? 0),
  };
}

export async function pointsVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('points_version')
    .select('n')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Per member of the given branches, the awarded and deducted points counted in a period: a
 * month, quarter or year reads the stored totals (one row per member); a week, which they do not
 * keep, aggregates the records of its days.
 */
export async function boardTotals(db: Db, branchIds: readonly number[], period: PointsPeriod) {
  if (branchIds.length === 0) return [];
  const rows = await (period.kind === 'week'
    ? boardTotalsQuery(db, branchIds, period.from, period.to)
    : storedTotalsQuery(db, branchIds, period.key)
  ).execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    awarded: Number(r.awarded),
    deducted: Number(r.deducted),
  }));
}

/** The stored totals of a month, quarter or year (`2026-11`, `2026-Q4`, `2026`), unexecuted. */
export function storedTotalsQuery(db: Db, branchIds: readonly number[], period: string) {
  // Each branch's (branch, period) range of the primary key.
  return db
    .selectFrom('points_totals as t')
    .where(isAnyOf(db, 't.branch_id', branchIds))
    .where('t.period', '=', period)
    .select([
      't.member_id',
      sql<number>`sum(t.awarded)`.as('awarded'),
      sql<number>`sum(t.deducted)`.as('deducted'),
    ])
    .groupBy('t.member_id');
}

/**
 * Per member, the counted points of the records in [from, to): one aggregate over the board
 * index; on PostgreSQL the date range prunes the month partitions it does not cover. Week boards
 * use it; unexecuted (benchmarks and tests EXPLAIN it, tests compare the stored totals to it).
 */
export function boardTotalsQuery(db: Db, branchIds: readonly number[], from: string, to: string) {
  // Each branch's range of the board index (branch, status, date → member, counted: covering).
  return db
    .selectFrom('points_records as r')
    .where(isAnyOf(db, 'r.branch_id', branchIds))
    .select([
      'r.member_id',
      sql<number>`sum(case when r.counted > 0 then r.counted else 0 end)`.as('awarded'),
      sql<number>`sum(case when r.counted < 0 then r.counted else 0 end)`.as('deducted'),
    ])
    .where('r.status', '=', 'approved')
    .where('r.occurred_on', '>=', from)
    .where('r.occurred_on', '<', to)
    .groupBy('r.member_id');
}

/** The branches under `rootId` (itself included), with their units' names. */
export function branchesUnder(db: Db, rootId: number) {
  return withSubtree(db, rootId)
    .selectFrom('points_branches as b')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .where(inSubtree(db, 'b.unit_id'))
    .select(['b.id', 'b.unit_id', 'u.name as unit_name'])
    .execute();
}

/**
 * The members of these branches (a county's 60,000 read once by the branch index, not joined row
 * by row to branches and units), with their branch's unit and its name.
 */
export async function membersOf(
  db: Db,
  branches: readonly { id: number; unit_id: number; unit_name: string }[],
) {
  if (branches.length === 0) return [];
  const byId = new Map(branches.map((b) => [b.id, b]));
  const rows = await db
    .selectFrom('points_members')
    .select(['id', 'name', 'branch_id', 'status'])
    .where(isAnyOf(db, 'branch_id', [...byId.keys()]))
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const b = byId.get(r.branch_id)!;
    return {
      id: r.id,
      name: r.name,
      branchId: r.branch_id,
      unitId: b.unit_id,
      unitName: b.unit_name,
      active: r.status === 'active',
    };
  });
}

export interface ClassRuleRow {
  organizerUnitId: number;
  mode: 'thresholds' | 'quotas';
  vanguard: number;
  improve: number;
}
export async function classRulesOf(db: Db, organizerUnitIds: readonly number[]) {
  if (organizerUnitIds.length === 0) return [];
  const rows = await db
    .selectFrom('points_class_rules')
    .selectAll()
    .where('organizer_unit_id', 'in', organizerUnitIds)
    .execute();
  return rows.map(
    (r): ClassRuleRow => ({
      organizerUnitId: r.organizer_unit_id,
      mode: r.mode as ClassRuleRow['mode'],
      vanguard: Number(r.vanguard),
      improve: Number(r.improve),
    }),
  );
}
export async function putClassRule(db: Db, r: ClassRuleRow, now: string) {
  await db
    .deleteFrom('points_class_rules')
    .where('organizer_unit_id', '=', r.organizerUnitId)
    .execute();
  await db
    .insertInto('points_class_rules')
    .values({
      organizer_unit_id: r.organizerUnitId,
      mode: r.mode,
      vanguard: r.vanguard,
      improve: r.improve,
      changed_at: now,
    })
    .execute();
}

/** Evidence of a record (replaced by a later upload while it is pending). */
export async function setRecordEvidence(db: Db, id: number, sha256: string, contentType: string) {
  await db
    .updateTable('points_records')
    .set({ evidence_sha256: sha256, evidence_type: contentType })
    .where('id', '=', id)
    .execute();
}

/** All points a member has counted, every year (what the points market spends from). */
export async function countedAllTime(db: Db, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('points_records')
    .select(sql<number>`coalesce(sum(counted), 0)`.as('n'))
    .where('member_id', '=', memberId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
