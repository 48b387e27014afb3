/**
 * Party-member points (党员积分, DESIGN §10): branches, members, the rules catalogue, records with
 * maker–checker review, disputes, quarters (公示 → frozen), statements and leaderboards.
 */
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  type ClassRule,
  checkRuleCaps,
  clampYear,
  classify,
  DEFAULT_CLASS_RULE,
  looksLikeIdNumber,
  maskName,
  type PointsClass,
  parsePointsPeriod,
  quarterOf,
} from '../core/points.ts';
import type { Unit } from '../core/units.ts';
import {
  answerDispute,
  approvedWithRules,
  assignmentsOf,
  type Branch,
  boardScope,
  boardTotals,
  branchesUnder,
  bumpPointsVersion,
  classRulesOf,
  findBranch,
  findBranchByUnit,
  findDispute,
  findMember,
  findRecord,
  findRule,
  insertAssignment,
  insertBranch,
  insertDispute,
  insertMember,
  insertRecord,
  insertRule,
  listBranchesUnder,
  listDisputes,
  listMembers,
  listRecords,
  listRules,
  type Member,
  membersOf,
  type NewRecord,
  type PointsRecord,
  pointsVersion,
  putClassRule,
  quarterState,
  type Rule,
  recordEvidence,
  refreshMemberTotals,
  setCounted,
  setQuarterState,
  setRecordEvidence,
  setReview,
  transferOut,
} from '../db/points.repository.ts';
import { readViewVersions } from '../db/session.repository.ts';
import { findUnit, pathsOf } from '../db/unit.repository.ts';
import { findUser } from '../db/user.repository.ts';
import { EVIDENCE_MAX_BYTES, type FileStore, sniffType, storeFile } from '../io/file-store.ts';
import { type AppContext, audit, inTransaction, versionsOf } from './context.ts';
import { requireUser } from './policies/gate.ts';
import {
  branchAbilities,
  branchAccess,
  mayAnswerDispute,
  mayFileDispute,
  mayReviewRecord,
  requireBoardReader,
  requireBranchAccess,
  requireDisputeAnswerer,
  requireDisputeFiler,
  requireMemberReader,
  requirePointsManager,
  requireRecordReviewer,
  requireRegisterKeeper,
} from './policies/points.ts';
import { derive, VersionedCache } from './versioned-cache.ts';

const Ref = z.union([z.string().min(1), z.number().int().positive()]);
const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

/** Refuses the whole input when any text field holds an ID-number-shaped string. */
export function refuseIdNumbers(fields: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && looksLikeIdNumber(value)) {
      throw new DomainError(
        'VALIDATION',
        `「${field}」中疑似含有身份证号码，党员积分不保存身份证号`,
        { params: { reason: 'idNumber', field }, field },
      );
    }
  }
}

// ---------- lookups ----------

export async function unitPath(ctx: AppContext, unitId: number): Promise<number[]> {
  return ((await pathsOf(ctx.db, [unitId])).get(unitId) ?? []).map((u) => u.id);
}

export async function requireBranch(ctx: AppContext, id: number | string): Promise<Branch> {
  const branch = /^\d+$/.test(String(id)) ? await findBranch(ctx.db, Number(id)) : undefined;
  if (!branch)
    throw new DomainError('NOT_FOUND', `党支部不存在：${id}`, { params: { reason: 'branch', id } });
  return branch;
}

// ---------- branches and members ----------

export const BranchInput = z.object({
  unit: Ref,
  name: z.string().trim().min(1).max(100),
});
export type BranchInput = z.infer<typeof BranchInput>;

export function createBranch(ctx: AppContext, input: BranchInput): Promise<Branch> {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ name: input.name });
    const unit = await findUnit(tx.db, input.unit);
    if (!unit)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在：${input.unit}`, {
        params: { unit: input.unit },
        field: 'unit',
      });
    await requirePointsManager(tx, unit.id);
    if (await findBranchByUnit(tx.db, unit.id))
      throw new DomainError('CONFLICT', `「${unit.name}」已有党支部`, {
        params: { reason: 'branchExists', unit: unit.name },
        field: 'unit',
      });
    const branch = await insertBranch(tx.db, unit.id, input.name, tx.clock.now().toISOString());
    await audit(tx, {
      action: 'points.branch.create',
      entityType: 'points_branch',
      entityId: branch.id,
      unitId: unit.id,
      after: branch,
    });
    return branch;
  });
}

export const AssignmentInput = z.object({
  user: z.string().min(1),
  role: z.enum(['recorder', 'reviewer']),
});
export type AssignmentInput = z.infer<typeof AssignmentInput>;

/** Names a branch's recorder (clerk) or reviewer (secretary); the town or county does this. */
export function assignBranchUser(
  ctx: AppContext,
  branchId: string | number,
  input: AssignmentInput,
) {
  return inTransaction(ctx, async (tx) => {
    const branch = await requireBranch(tx, branchId);
    await requireBranchAccess(tx, branch, 'manage', '指定党支部人员');
    const user = await findUser(tx.db, input.user);
    if (!user)
      throw new DomainError('NOT_FOUND', `用户不存在：${input.user}`, {
        params: { reason: 'user', id: input.user },
        field: 'user',
      });
    const existing = await assignmentsOf(tx.db, user.id);
    if (!existing.some((a) => a.branchId === branch.id && a.role === input.role))
      await insertAssignment(tx.db, user.id, branch.id, input.role);
    await audit(tx, {
      action: 'points.branch.assign',
      entityType: 'points_branch',
      entityId: branch.id,
      unitId: branch.unitId,
      after: { user: user.username, role: input.role },
    });
    return { branch: branch.id, user: user.username, role: input.role };
  });
}

export const MemberInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30),
  gender: z.enum(['男', '女']),
  birthYear: z.number().int().min(1900).max(2100),
  joinedOn: IsoDate,
  transferredInOn: IsoDate.nullable().optional(),
  /** The member's own account, if any (username). */
  user: z.string().min(1).nullable().optional(),
});
export type MemberInput = z.infer<typeof MemberInput>;

export function addMember(
  ctx: AppContext,
  branchId: string | number,
  input: MemberInput,
): Promise<Member> {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ name: input.name, user: input.user });
    const branch = await requireBranch(tx, branchId);
    requireRegisterKeeper(await branchAccess(tx, branch), '没有权限登记党员');
    const user = input.user ? await findUser(tx.db, input.user) : undefined;
    if (input.user && !user)
      throw new DomainError('NOT_FOUND', `用户不存在：${input.user}`, {
        params: { reason: 'user', id: input.user },
        field: 'user',
      });
    const member = await insertMember(
      tx.db,
      {
        branchId: branch.id,
        name: input.name,
        gender: input.gender,
        birthYear: input.birthYear,
        joinedOn: input.joinedOn,
        status: 'active',
        transferredInOn: input.transferredInOn ?? null,
        transferredOutOn: null,
        userId: user?.id ?? null,
      },
      tx.clock.now().toISOString(),
    );
    await bumpPointsVersion(tx.db);
    await audit(tx, {
      action: 'points.member.create',
      entityType: 'points_member',
      entityId: member.id,
      unitId: branch.unitId,
      after: member,
    });
    return member;
  });
}

export const TransferInput = z.object({ on: IsoDate });

export function transferMemberOut(ctx: AppContext, memberId: string, input: { on: string }) {
  return inTransaction(ctx, async (tx) => {
    const before = await requireMember(tx, memberId);
    const branch = (await findBranch(tx.db, before.branchId))!;
    requireRegisterKeeper(await branchAccess(tx, branch), '没有权限办理转出');
    if (before.status === 'transferred_out')
      throw new DomainError('CONFLICT', '该党员已转出', {
        params: { reason: 'alreadyTransferred' },
      });
    const after = await transferOut(tx.db, before.id, input.on, tx.clock.now().toISOString());
    await bumpPointsVersion(tx.db);
    await audit(tx, {
      action: 'points.member.transfer_out',
      entityType: 'points_member',
      entityId: before.id,
      unitId: branch.unitId,
      before,
      after,
    });
    return after;
  });
}

export async function requireMember(ctx: AppContext, id: string | number): Promise<Member> {
  const member = /^\d+$/.test(String(id)) ? await findMember(ctx.db, Number(id)) : undefined;
  if (!member)
    throw new DomainError('NOT_FOUND', `党员不存在：${id}`, {
      params: { reason: 'member', id },
      field: 'member',
    });
  return member;
}

/** Branches under a unit the actor may read, with what they may do there. */
export async function listBranches(ctx: AppContext, query: { under?: string }) {
  const actor = requireUser(ctx);
  const root = query.under
    ? await findUnit(ctx.db, query.under)
    : actor.unitId
      ? await findUnit(ctx.db, actor.unitId)
      : undefined;
  if (!root)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${query.under}`, {
      params: { unit: query.under ?? '' },
      field: 'under',
    });
  const mine = actor.kind === 'system' ? [] : await assignmentsOf(ctx.db, actor.userId!);
  const branches = await listBranchesUnder(ctx.db, root.id);
  const out = [];
  for (const b of branches) {
    const access = await branchAccess(ctx, b);
    if (access.read) out.push({ ...b, may: branchAbilities(access) });
  }
  // A clerk's branch is theirs even when the unit asked about is elsewhere.
  for (const a of mine) {
    if (out.some((b) => b.id === a.branchId)) continue;
    const b = (await findBranch(ctx.db, a.branchId))!;
    const unit = (await findUnit(ctx.db, b.unitId))!;
    out.push({
      ...b,
      unitName: unit.name,
      unitCode: unit.code,
      may: branchAbilities(await branchAccess(ctx, b)),
    });
  }
  return out;
}

export async function branchMembers(ctx: AppContext, branchId: string) {
  const branch = await requireBranch(ctx, branchId);
  await requireBranchAccess(ctx, branch, 'read', '查看党员');
  return listMembers(ctx.db, [branch.id]);
}

// ---------- rules ----------

export const RuleInput = z.object({
  organizer: Ref,
  category: z.string().trim().min(1).max(50),
  item: z.string().trim().min(1).max(100),
  points: z.number().int().min(-1000).max(1000),
  itemCap: z.number().int().min(0).nullable().default(null),
  categoryCap: z.number().int().min(0).nullable().default(null),
});
export type RuleInput = z.input<typeof RuleInput>;

export function createRule(ctx: AppContext, raw: RuleInput): Promise<Rule> {
  const input = RuleInput.parse(raw);
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ category: input.category, item: input.item });
    const unit = await findUnit(tx.db, input.organizer);
    if (!unit)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在：${input.organizer}`, {
        params: { unit: input.organizer },
        field: 'organizer',
      });
    if (unit.kind !== 'town' && unit.kind !== 'county')
      throw new DomainError('VALIDATION', '积分细则由乡镇或县制定', {
        params: { reason: 'rulesOrganizer' },
        field: 'organizer',
      });
    await requirePointsManager(tx, unit.id);
    const problem = checkRuleCaps(input);
    if (problem) throw new DomainError('VALIDATION', problem, { field: 'itemCap' });
    const same = (await listRules(tx.db, [unit.id])).filter(
      (r) => r.category === input.category && r.active,
    );
    const other = same.find((r) => r.categoryCap !== input.categoryCap);
    if (other)
      throw new DomainError(
        'VALIDATION',
        `类别「${input.category}」的年度上限已定为 ${other.categoryCap ?? '不限'}`,
        { params: { reason: 'categoryCap', category: input.category }, field: 'categoryCap' },
      );
    const rule = await insertRule(
      tx.db,
      { ...input, organizerUnitId: unit.id },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'points.rule.create',
      entityType: 'points_rule',
      entityId: rule.id,
      unitId: unit.id,
      after: rule,
    });
    return rule;
  });
}

/** The rules that apply to a branch: its town's and its county's. */
async function rulesFor(ctx: AppContext, branch: Branch): Promise<Rule[]> {
  return listRules(ctx.db, await unitPath(ctx, branch.unitId));
}

export async function branchRules(ctx: AppContext, branchId: string) {
  const branch = await requireBranch(ctx, branchId);
  await requireBranchAccess(ctx, branch, 'read', '查看积分细则');
  return (await rulesFor(ctx, branch)).filter((r) => r.active);
}

// ---------- records ----------

export const RecordInput = z.object({
  member: z.number().int().positive(),
  rule: z.number().int().positive(),
  occurredOn: IsoDate,
  note: z.string().trim().max(500).nullable().optional(),
});
export type RecordInput = z.infer<typeof RecordInput>;

export interface Evidence {
  sha256: string;
  contentType: string;
}

/** A branch clerk records points for a member; pending until another person reviews it. */
export function createRecord(
  ctx: AppContext,
  input: RecordInput,
  evidence?: Evidence,
): Promise<PointsRecord> {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const member = await requireMember(tx, input.member);
    const branch = (await findBranch(tx.db, member.branchId))!;
    await requireBranchAccess(tx, branch, 'record', '为该党支部记录积分（须为本支部记录员）');
    if (member.status === 'transferred_out')
      throw new DomainError(
        'MEMBER_TRANSFERRED',
        `${member.name} 已于 ${member.transferredOutOn} 转出，不能再记积分`,
        { params: { member: member.name, date: member.transferredOutOn ?? '' }, field: 'member' },
      );
    const rule = await findRule(tx.db, input.rule);
    const applies =
      rule?.active && (await unitPath(tx, branch.unitId)).includes(rule.organizerUnitId);
    if (!rule || !applies)
      throw new DomainError('VALIDATION', `积分细则不适用于该党支部：${input.rule}`, {
        params: { reason: 'ruleNotApplicable', rule: input.rule },
        field: 'rule',
      });
    // Today in China (UTC+8, no daylight saving): before 08:00 there the UTC date is yesterday's.
    const today = new Date(tx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (input.occurredOn > today)
      throw new DomainError('VALIDATION', '发生日期不能晚于今天', {
        params: { reason: 'dateInFuture' },
        field: 'occurredOn',
      });
    const orgs = await unitPath(tx, branch.unitId);
    const frozen = (await quarterState(tx.db, orgs, quarterOf(input.occurredOn))) === 'frozen';
    const record = await insertRecord(
      tx.db,
      {
        memberId: member.id,
        branchId: branch.id,
        ruleId: rule.id,
        points: rule.points,
        occurredOn: input.occurredOn,
        note: input.note ?? null,
        evidenceSha256: evidence?.sha256 ?? null,
        evidenceType: evidence?.contentType ?? null,
        status: 'pending',
        revision: frozen,
        recordedBy: tx.actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: frozen ? 'points.record.revision' : 'points.record.create',
      entityType: 'points_record',
      entityId: record.id,
      unitId: branch.unitId,
      after: record,
    });
    return record;
  });
}

/**
 * Re-applies the yearly caps to a member's approved records of a year and stores what each
 * counts (a back-dated approval can move the clamp onto later records). Returns the changes.
 */
export async function recount(ctx: AppContext, memberId: number, year: number) {
  const rows = await approvedWithRules(ctx.db, memberId, year);
  const clamped = clampYear(
    rows.map((r) => ({
      id: r.id,
      item: `${r.organizer_unit_id}:${r.item}`,
      category: `${r.organizer_unit_id}:${r.category}`,
      points: r.points,
      itemCap: r.item_cap,
      categoryCap: r.category_cap,
    })),
  );
  const changes = clamped
    .filter((c, i) => c.counted !== rows[i]!.counted)
    .map((c) => ({ id: c.id, counted: c.counted }));
  await setCounted(ctx.db, year, changes);
  // A rejected record counts nothing (it may have counted before a dispute was upheld).
  await ctx.db
    .updateTable('points_records')
    .set({ counted: 0 })
    .where('member_id', '=', memberId)
    .where('status', '<>', 'approved')
    .where('counted', '<>', 0)
    .where('occurred_on', '>=', `${year}-01-01`)
    .where('occurred_on', '<', `${year + 1}-01-01`)
    .execute();
  await refreshMemberTotals(ctx.db, memberId, year);
  return changes;
}

/**
 * For bulk loads (the demo, benchmarks): sorts new records into counting order (member, date;
 * ids follow the insertion order) and sets what each approved one counts, as approvals would.
 */
export function clampBulk(rows: NewRecord[], rules: ReadonlyMap<number, Rule>): NewRecord[] {
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        a.r.memberId - b.r.memberId ||
        (a.r.occurredOn < b.r.occurredOn ? -1 : a.r.occurredOn > b.r.occurredOn ? 1 : a.i - b.i),
    )
    .map((x) => x.r);
  let start = 0;
  while (start < sorted.length) {
    const first = sorted[start]!;
    let end = start;
    while (
      end < sorted.length &&
      sorted[end]!.memberId === first.memberId &&
      sorted[end]!.occurredOn.slice(0, 4) === first.occurredOn.slice(0, 4)
    )
      end++;
    const approved = sorted.slice(start, end).filter((r) => r.status === 'approved');
    const clamped = clampYear(
      approved.map((r, i) => {
        const rule = rules.get(r.ruleId)!;
        return {
          id: i,
          item: `${rule.organizerUnitId}:${rule.item}`,
          category: `${rule.organizerUnitId}:${rule.category}`,
          points: r.points,
          itemCap: rule.itemCap,
          categoryCap: rule.categoryCap,
        };
      }),
    );
    approved.forEach((r, i) => {
      r.counted = clamped[i]!.counted;
    });
    start = end;
  }
  return sorted;
}

/**
 * Attaches an evidence file (photo, PDF, Office file; type recognised from the bytes) to a
 * pending record, by its branch's recorder; a later upload replaces it until the record is reviewed.
 */
export function attachRecordEvidence(
  ctx: AppContext & {
    dataDir: string;
    files?: FileStore | undefined;
    fileKey?: string | undefined;
  },
  recordId: string,
  file: { filename: string; bytes: Uint8Array },
) {
  const contentType = sniffType(file.bytes, file.filename);
  if (file.bytes.length > EVIDENCE_MAX_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `佐证材料不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
      { params: { reason: 'fileLimit', limit: EVIDENCE_MAX_BYTES / 1024 / 1024, unit: 'MB' } },
    );
  if (!contentType)
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `不支持的文件类型「${file.filename}」：只收图片（PNG/JPEG/GIF/WebP）、PDF 和 Office 文件`,
      { params: { reason: 'evidenceKind', file: file.filename } },
    );
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ filename: file.filename });
    const record = await requireRecord(tx, recordId);
    const branch = (await findBranch(tx.db, record.branchId))!;
    await requireBranchAccess(tx, branch, 'record', '为该记录上传佐证（须为本支部记录员）');
    if (record.status !== 'pending')
      throw new DomainError('CONFLICT', '该记录已审核，佐证不能再改', {
        params: { reason: 'recordReviewed' },
      });
    const sha256 = await storeFile(ctx.files ?? ctx.dataDir, 'evidence', file.bytes, ctx.fileKey);
    await setRecordEvidence(tx.db, record.id, sha256, contentType);
    await audit(tx, {
      action: 'points.record.evidence',
      entityType: 'points_record',
      entityId: record.id,
      unitId: branch.unitId,
      before: record.hasEvidence ? { evidence: true } : null,
      after: { sha256, contentType, size: file.bytes.length },
    });
    return { recordId: record.id, contentType, size: file.bytes.length, sha256 };
  });
}

export const ReviewInput = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).nullable().optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

/** Maker–checker: the branch reviewer decides; never the recorder, never the member themselves. */
export function reviewRecord(
  ctx: AppContext,
  id: string,
  input: ReviewInput,
): Promise<PointsRecord> {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ note: input.note });
    const record = await requireRecord(tx, id);
    const branch = (await findBranch(tx.db, record.branchId))!;
    await requireRecordReviewer(
      tx,
      branch,
      record,
      async () => (await findMember(tx.db, record.memberId))!,
    );
    const after = await setReview(
      tx.db,
      record.id,
      input.decision === 'approve' ? 'approved' : 'rejected',
      tx.actor.userId,
      input.note ?? null,
      tx.clock.now().toISOString(),
    );
    if (!after)
      throw new DomainError('CONFLICT', '该记录已审核', { params: { reason: 'alreadyReviewed' } });
    if (after.status === 'approved') {
      await recount(tx, record.memberId, Number(record.occurredOn.slice(0, 4)));
      await bumpPointsVersion(tx.db);
    }
    await audit(tx, {
      action: `points.record.${input.decision}`,
      entityType: 'points_record',
      entityId: record.id,
      unitId: branch.unitId,
      before: { status: record.status },
      after: { status: after.status, note: after.reviewNote },
    });
    return after;
  });
}

export async function requireRecord(ctx: AppContext, id: string | number) {
  const record = /^\d+$/.test(String(id)) ? await findRecord(ctx.db, Number(id)) : undefined;
  if (!record)
    throw new DomainError('NOT_FOUND', `积分记录不存在：${id}`, {
      params: { reason: 'pointsRecord', id },
    });
  return record;
}

/** The evidence file of a record, for readers of its branch and the member themselves. */
export async function recordEvidenceFor(ctx: AppContext, id: string) {
  const record = await requireRecord(ctx, id);
  const branch = (await findBranch(ctx.db, record.branchId))!;
  const member = (await findMember(ctx.db, record.memberId))!;
  await requireMemberReader(ctx, branch, member, '查看佐证材料');
  const file = await recordEvidence(ctx.db, record.id);
  if (!file?.evidence_sha256 || !file.evidence_type)
    throw new DomainError('NOT_FOUND', `该记录没有佐证材料`, {
      params: { reason: 'recordEvidence', id },
    });
  return { sha256: file.evidence_sha256, contentType: file.evidence_type };
}

/** A branch's pending records, oldest first, with member and rule names. */
export async function reviewQueue(ctx: AppContext, branchId: string) {
  const branch = await requireBranch(ctx, branchId);
  const access = await requireBranchAccess(ctx, branch, 'read', '查看审核队列');
  const records = await listRecords(ctx.db, {
    branchIds: [branch.id],
    status: 'pending',
    limit: 500,
  });
  const members = new Map((await listMembers(ctx.db, [branch.id])).map((m) => [m.id, m]));
  const rules = new Map((await rulesFor(ctx, branch)).map((r) => [r.id, r]));
  return records.map((r) => ({
    ...r,
    memberName: members.get(r.memberId)?.name ?? '',
    category: rules.get(r.ruleId)?.category ?? '',
    item: rules.get(r.ruleId)?.item ?? '',
    may: { review: mayReviewRecord(ctx, access, r, members.get(r.memberId)) },
  }));
}

// ---------- disputes ----------

export const DisputeInput = z.object({
  reason: z.string().trim().min(1, '请填写申诉理由').max(1000),
});
export const DisputeAnswer = z.object({
  decision: z.enum(['upheld', 'dismissed']),
  answer: z.string().trim().min(1, '请填写答复').max(1000),
});

/** 积分申诉: the member (by their account) or their branch's people file it. */
export function fileDispute(ctx: AppContext, recordId: string, input: { reason: string }) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ reason: input.reason });
    const record = await requireRecord(tx, recordId);
    const branch = (await findBranch(tx.db, record.branchId))!;
    const member = (await findMember(tx.db, record.memberId))!;
    await requireDisputeFiler(tx, branch, member);
    const dispute = await insertDispute(
      tx.db,
      record.id,
      input.reason,
      tx.actor.userId,
      tx.clock.now().toISOString(),
    );
    await audit(tx, {
      action: 'points.dispute.file',
      entityType: 'points_dispute',
      entityId: dispute.id,
      unitId: branch.unitId,
      after: dispute,
    });
    return dispute;
  });
}

/** The branch reviewer (or the town) answers; an upheld dispute rejects the record it is about. */
export function answerPointsDispute(
  ctx: AppContext,
  id: string,
  input: z.infer<typeof DisputeAnswer>,
) {
  return inTransaction(ctx, async (tx) => {
    refuseIdNumbers({ answer: input.answer });
    const dispute = /^\d+$/.test(id) ? await findDispute(tx.db, Number(id)) : undefined;
    if (!dispute)
      throw new DomainError('NOT_FOUND', `申诉不存在：${id}`, { params: { reason: 'appeal', id } });
    const record = (await findRecord(tx.db, dispute.recordId))!;
    const branch = (await findBranch(tx.db, record.branchId))!;
    await requireDisputeAnswerer(tx, branch, dispute);
    const after = await answerDispute(
      tx.db,
      dispute.id,
      input.decision,
      input.answer,
      tx.actor.userId,
      tx.clock.now().toISOString(),
    );
    if (!after)
      throw new DomainError('CONFLICT', '该申诉已答复', { params: { reason: 'alreadyAnswered' } });
    if (input.decision === 'upheld' && record.status !== 'rejected') {
      await tx.db
        .updateTable('points_records')
        .set({ status: 'rejected', review_note: `申诉成立：${input.answer}` })
        .where('id', '=', record.id)
        .execute();
      if (record.status === 'approved') {
        await recount(tx, record.memberId, Number(record.occurredOn.slice(0, 4)));
        await bumpPointsVersion(tx.db);
      }
    }
    await audit(tx, {
      action: 'points.dispute.answer',
      entityType: 'points_dispute',
      entityId: dispute.id,
      unitId: branch.unitId,
      before: dispute,
      after,
    });
    return after;
  });
}

// ---------- quarters ----------

export const QuarterInput = z.object({
  organizer: Ref,
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式为 2026-Q4'),
  state: z.enum(['notice', 'frozen']),
});

/** A town (or the county) puts a quarter on notice (公示), then freezes it. */
export function setQuarter(ctx: AppContext, input: z.infer<typeof QuarterInput>) {
  return inTransaction(ctx, async (tx) => {
    const unit = await findUnit(tx.db, input.organizer);
    if (!unit)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在：${input.organizer}`, {
        params: { unit: input.organizer },
        field: 'organizer',
      });
    await requirePointsManager(tx, unit.id);
    const before = await quarterState(tx.db, [unit.id], input.quarter);
    if (before === 'frozen')
      throw new DomainError('CONFLICT', `${input.quarter} 已冻结`, {
        params: { reason: 'alreadyFrozen', quarter: input.quarter },
      });
    if (input.state === 'frozen' && before !== 'notice')
      throw new DomainError('CONFLICT', '须先公示再冻结', { params: { reason: 'noticeFirst' } });
    await setQuarterState(tx.db, unit.id, input.quarter, input.state, tx.clock.now().toISOString());
    await bumpPointsVersion(tx.db);
    await audit(tx, {
      action: `points.quarter.${input.state}`,
      entityType: 'points_quarter',
      entityId: `${unit.id}:${input.quarter}`,
      unitId: unit.id,
      before: { state: before ?? null },
      after: { state: input.state },
    });
    return { organizer: unit.id, quarter: input.quarter, state: input.state };
  });
}

// ---------- statements and leaderboards ----------

/** Counted points of approved records in a year, per member, with the clamp of each record. */
async function countedYear(ctx: AppContext, branchIds: number[], year: number, memberId?: number) {
  const records = await listRecords(ctx.db, {
    branchIds,
    memberId,
    status: 'approved',
    from: `${year}-01-01`,
    to: `${year + 1}-01-01`,
  });
  const ruleIds = [...new Set(records.map((r) => r.ruleId))];
  const rules = new Map<number, Rule>();
  for (const id of ruleIds) rules.set(id, (await findRule(ctx.db, id))!);
  const byMember = new Map<number, PointsRecord[]>();
  for (const r of records) {
    const list = byMember.get(r.memberId) ?? [];
    list.push(r);
    byMember.set(r.memberId, list);
  }
  const out = new Map<
    number,
    { record: PointsRecord; rule: Rule; counted: number; clampedBy: 'item' | 'category' | null }[]
  >();
  for (const [member, list] of byMember) {
    const clamped = clampYear(
      list.map((r) => {
        const rule = rules.get(r.ruleId)!;
        return {
          id: r.id,
          item: `${rule.organizerUnitId}:${rule.item}`,
          category: `${rule.organizerUnitId}:${rule.category}`,
          points: r.points,
          itemCap: rule.itemCap,
          categoryCap: rule.categoryCap,
        };
      }),
    );
    out.set(
      member,
      list.map((r, i) => ({
        record: r,
        rule: rules.get(r.ruleId)!,
        counted: clamped[i]!.counted,
        clampedBy: clamped[i]!.clampedBy,
      })),
    );
  }
  return out;
}

/** A member's statement for a year: every record, its state, what it counted and which cap cut it. */
export async function memberStatement(ctx: AppContext, memberId: string, year: number) {
  const member = await requireMember(ctx, memberId);
  const branch = (await findBranch(ctx.db, member.branchId))!;
  await requireMemberReader(ctx, branch, member, '查看该党员积分');
  const access = await branchAccess(ctx, branch);
  const counted = (await countedYear(ctx, [branch.id], year, member.id)).get(member.id) ?? [];
  const countedById = new Map(counted.map((c) => [c.record.id, c]));
  const all = await listRecords(ctx.db, {
    memberId: member.id,
    from: `${year}-01-01`,
    to: `${year + 1}-01-01`,
  });
  const rules = new Map((await rulesFor(ctx, branch)).map((r) => [r.id, r]));
  const disputes = await listDisputes(
    ctx.db,
    all.map((r) => r.id),
  );
  const lines = all.map((r) => {
    const c = countedById.get(r.id);
    const rule = rules.get(r.ruleId);
    return {
      ...r,
      category: rule?.category ?? '',
      item: rule?.item ?? '',
      counted: c ? c.counted : 0,
      clampedBy: c?.clampedBy ?? null,
      disputes: disputes
        .filter((d) => d.recordId === r.id)
        .map((d) => ({ ...d, may: { answer: mayAnswerDispute(ctx, access, d) } })),
    };
  });
  return {
    member,
    branch,
    year,
    total: counted.reduce((a, c) => a + c.counted, 0),
    lines,
    may: { dispute: mayFileDispute(ctx, access, member) },
  };
}

export const LeaderboardQuery = z.object({
  scope: z.string().min(1),
  period: z
    .string()
    .refine((p) => parsePointsPeriod(p) !== undefined, '期间格式为 2026-11、2026-Q4 或 2026'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;

export interface BoardRow {
  rank: number;
  memberId: number;
  name: string;
  branchId: number;
  branchName: string;
  total: number;
  awarded: number;
  deducted: number;
  pointsClass: PointsClass | null;
}

/**
 * Boards already computed, by scope and period, with the points version they saw: up to 1.5 million
 * rows in all (a county's every branch, town and county board for several periods, or a province's
 * board), the oldest dropped first.
 */
const boards = new VersionedCache<BoardRow[]>(1_500_000, (rows) => rows.length);

/**
 * Totals of a scope's members (a branch's unit, a town, the county) over a month, quarter or year:
 * the stored per-period totals of the `counted` points (the yearly caps applied when records are
 * approved; a week sums the records), classes per branch for a quarter by the organizer's rule. Cached per (scope,
 * period) until the points version moves (any approval, dispute, member or quarter change,
 * through any server instance).
 */
export async function computeLeaderboard(
  ctx: AppContext,
  unitId: number,
  periodKey: string,
  /** The points version, when the caller has read it (before anything the board depends on). */
  known?: number,
): Promise<BoardRow[]> {
  const version = known ?? (await pointsVersion(ctx.db));
  return boards.get(ctx.db, version, `${unitId}|${periodKey}`, () =>
    boardOf(ctx, unitId, periodKey),
  );
}

/** The class rule of a branch: its nearest organizer's (town before county), else the default. */
async function classRulesFor(ctx: AppContext, unitIds: readonly number[]) {
  const paths = await pathsOf(ctx.db, [...unitIds]);
  const orgs = new Set<number>();
  for (const p of paths.values()) for (const u of p) orgs.add(u.id);
  const rules = new Map((await classRulesOf(ctx.db, [...orgs])).map((r) => [r.organizerUnitId, r]));
  const out = new Map<number, ClassRule>();
  for (const id of unitIds) {
    const path = (paths.get(id) ?? []).map((u) => u.id).reverse();
    const r = path.map((u) => rules.get(u)).find((x) => x !== undefined);
    out.set(id, r ? classRuleOf(r) : DEFAULT_CLASS_RULE);
  }
  return out;
}

const classRuleOf = (r: { mode: string; vanguard: number; improve: number }): ClassRule =>
  r.mode === 'thresholds'
    ? { mode: 'thresholds', vanguardAtLeast: r.vanguard, improveBelow: r.improve }
    : { mode: 'quotas', vanguardShare: r.vanguard, improveShare: r.improve };

type RosterMember = Awaited<ReturnType<typeof membersOf>>[number];

/** What a board lists besides the points: the scope's branches and their members. */
interface Roster {
  branchIds: readonly number[];
  members: readonly RosterMember[];
}

/**
 * Scopes' rosters, kept until the roster (migration 0023: any branch or member change, whoever
 * writes) or the unit tree changes. An approval moves only the points version: the boards it
 * makes stale are then recomputed from the stored totals alone, without walking the unit tree or
 * reading the members again.
 */
const rosters = new VersionedCache<Roster>(1_500_000, (r) => r.members.length);

async function rosterOf(ctx: AppContext, unitId: number): Promise<Roster> {
  const read = async (): Promise<Roster> => {
    // The branches once; the members then by their ids (no second walk of the unit tree).
    const branches = await branchesUnder(ctx.db, unitId);
    const members = await membersOf(ctx.db, branches);
    return Object.freeze({ branchIds: branches.map((b) => b.id), members });
  };
  // Kept per handle: what a transaction reads (its own writes, which may yet roll back) stays
  // with that transaction.
  const versions = versionsOf(ctx) ?? (await readViewVersions(ctx.db));
  return rosters.get(ctx.db, versions.roster, `${unitId}|${versions.units}`, read);
}

async function boardOf(ctx: AppContext, unitId: number, periodKey: string): Promise<BoardRow[]> {
  const period = parsePointsPeriod(periodKey)!;
  const { branchIds, members } = await rosterOf(ctx, unitId);
  const totals = new Map(
    (await boardTotals(ctx.db, branchIds, period)).map((t) => [t.memberId, t]),
  );
  const rows = members.map((m) => {
    const t = totals.get(m.id);
    const awarded = t?.awarded ?? 0;
    const deducted = t?.deducted ?? 0;
    return {
      rank: 0,
      memberId: m.id,
      name: m.name,
      branchId: m.branchId,
      branchName: m.unitName,
      total: awarded + deducted,
      awarded,
      deducted,
      pointsClass: null as PointsClass | null,
      active: m.active,
      unitId: m.unitId,
    };
  });
  if (period.kind === 'quarter') {
    // Classes are given within each branch, among its active members, by its organizer's rule.
    const byBranch = new Map<number, typeof rows>();
    for (const r of rows) {
      if (!r.active) continue;
      const list = byBranch.get(r.branchId) ?? [];
      list.push(r);
      byBranch.set(r.branchId, list);
    }
    const rules = await classRulesFor(ctx, [...new Set(rows.map((r) => r.unitId))]);
    for (const mine of byBranch.values()) {
      const classes = classify(
        mine.map((r) => r.total),
        rules.get(mine[0]!.unitId) ?? DEFAULT_CLASS_RULE,
      );
      mine.forEach((r, i) => {
        r.pointsClass = classes[i]!;
      });
    }
  }
  const board = rows
    .filter((r) => r.active || r.total !== 0)
    .sort((a, b) => b.total - a.total || a.memberId - b.memberId);
  let rank = 0;
  board.forEach((r, i) => {
    rank = i > 0 && board[i - 1]!.total === r.total ? rank : i + 1;
    r.rank = rank;
  });
  return board.map(({ active: _a, unitId: _u, ...r }) => r);
}

export const ClassRuleInput = z.discriminatedUnion('mode', [
  z.object({
    organizer: Ref,
    mode: z.literal('thresholds'),
    /** At least this many points in the quarter: 先锋. */
    vanguardAtLeast: z.number().int().min(-10_000).max(10_000),
    /** Fewer than this: 待提升. */
    improveBelow: z.number().int().min(-10_000).max(10_000),
  }),
  z.object({
    organizer: Ref,
    mode: z.literal('quotas'),
    /** The top share of a branch (0–1, rounded down): 先锋. */
    vanguardShare: z.number().min(0).max(1),
    /** The bottom share: 待提升. */
    improveShare: z.number().min(0).max(1),
  }),
]);
export type ClassRuleInput = z.infer<typeof ClassRuleInput>;

/** A town (or the county) sets how its branches' members are classed each quarter. */
export function setClassRule(ctx: AppContext, input: ClassRuleInput) {
  return inTransaction(ctx, async (tx) => {
    const unit = await findUnit(tx.db, input.organizer);
    if (!unit || (unit.kind !== 'town' && unit.kind !== 'county'))
      throw new DomainError('UNKNOWN_UNIT', `「${input.organizer}」不是乡镇或县`, {
        params: { reason: 'notTownOrCounty', unit: input.organizer },
        field: 'organizer',
      });
    await requirePointsManager(tx, unit.id);
    const [vanguard, improve] =
      input.mode === 'thresholds'
        ? [input.vanguardAtLeast, input.improveBelow]
        : [input.vanguardShare, input.improveShare];
    if (input.mode === 'thresholds' && input.improveBelow > input.vanguardAtLeast)
      throw new DomainError(
        'VALIDATION',
        `待提升线 ${input.improveBelow} 高于先锋线 ${input.vanguardAtLeast}`,
        {
          params: {
            reason: 'linesCrossed',
            improveBelow: input.improveBelow,
            vanguardAtLeast: input.vanguardAtLeast,
          },
          field: 'improveBelow',
        },
      );
    if (input.mode === 'quotas' && input.vanguardShare + input.improveShare > 1)
      throw new DomainError('VALIDATION', '先锋与待提升比例之和不能超过 100%', {
        params: { reason: 'sharesOver' },
        field: 'improveShare',
      });
    const before = (await classRulesOf(tx.db, [unit.id]))[0] ?? null;
    const rule = { organizerUnitId: unit.id, mode: input.mode, vanguard, improve };
    await putClassRule(tx.db, rule, tx.clock.now().toISOString());
    await bumpPointsVersion(tx.db);
    await audit(tx, {
      action: 'points.class_rule.set',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      before,
      after: rule,
    });
    return { organizer: unit.id, rule: classRuleOf(rule) };
  });
}

/** The class rule that applies to a unit's branches (its own, its town's or county's, or the default). */
export async function classRuleFor(ctx: AppContext, ref: string) {
  requireUser(ctx);
  const unit = await findUnit(ctx.db, ref);
  if (!unit)
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, {
      params: { unit: ref },
      field: 'unit',
    });
  return { unit: unit.id, rule: (await classRulesFor(ctx, [unit.id])).get(unit.id)! };
}

/** Board scopes (a unit and its path) by the unit as asked, kept until the unit tree changes. */
const scopes = new VersionedCache<{ unit: Unit; path: readonly number[] }>(5_000);

/**
 * The unit a board is asked for, its path (for the subtree check) and the points version. In a
 * request the versions came with its authentication and the scope is usually kept: no statement.
 */
async function requireBoardScope(ctx: AppContext, ref: string) {
  const find = async () => {
    const found = await boardScope(ctx.db, ref);
    if (!found)
      throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, {
        params: { unit: ref },
        field: 'scope',
      });
    return found;
  };
  const versions = versionsOf(ctx);
  if (!versions) return find();
  const scope = await scopes.get(ctx.db, versions.units, ref, async () => {
    const { unit, path } = await find();
    return Object.freeze({ unit: Object.freeze(unit), path: Object.freeze(path) });
  });
  return { ...scope, version: versions.points };
}

export async function leaderboard(ctx: AppContext, query: LeaderboardQuery) {
  const { unit, path, version } = await requireBoardScope(ctx, query.scope);
  await requireBoardReader(ctx, unit.id, path);
  const rows = await computeLeaderboard(ctx, unit.id, query.period, version);
  return derive(
    rows,
    `${query.limit}|${unit.id}|${unit.code}|${unit.name}|${query.period}`,
    () => ({
      scope: { id: unit.id, code: unit.code, name: unit.name },
      period: query.period,
      total: rows.length,
      rows: rows.slice(0, query.limit),
    }),
  );
}

/** The public board: masked names, totals and classes only; no deductions, no evidence. */
export async function publicLeaderboard(ctx: AppContext, query: LeaderboardQuery) {
  const { unit, version } = await requireBoardScope(ctx, query.scope);
  const rows = await computeLeaderboard(
    { ...ctx, actor: { ...ctx.actor } },
    unit.id,
    query.period,
    version,
  );
  return derive(rows, `public|${query.limit}|${unit.code}|${unit.name}|${query.period}`, () => ({
    scope: { code: unit.code, name: unit.name },
    period: query.period,
    rows: rows.slice(0, query.limit).map((r) => ({
      rank: r.rank,
      name: maskName(r.name),
      branch: r.branchName,
      total: r.total,
      pointsClass: r.pointsClass,
    })),
  }));
}

/** Mean total of a village's active members over a period (the 党员积分平均分 indicator); null without a branch. */
export async function villageAverage(
  ctx: AppContext,
  unitId: number,
  periodKey: string,
): Promise<number | null> {
  const branch = await findBranchByUnit(ctx.db, unitId);
  if (!branch || !parsePointsPeriod(periodKey)) return null;
  const rows = await computeLeaderboard(ctx, unitId, periodKey);
  const active = new Set(
    (await listMembers(ctx.db, [branch.id])).filter((m) => m.status === 'active').map((m) => m.id),
  );
  const mine = rows.filter((r) => active.has(r.memberId));
  if (mine.length === 0) return null;
  return Math.round((mine.reduce((a, r) => a + r.total, 0) / mine.length) * 100) / 100;
}
