/**
 * The party-points policy (党员积分 and 星级文明户, DESIGN §10): who may do what with a branch, its
 * members, records, disputes, market and households — and the `may` those responses carry.
 *
 * Towns and the county act by role within their subtree (`points.manage`: admins and organizers;
 * `points.read`: those and viewers). A branch's clerk (recorder) and secretary (reviewer) act by
 * assignment, on their branch only. Maker–checker: the recorder never approves the record, nobody
 * approves records about themselves, nobody answers their own dispute. A member reads their own
 * statement and balance. Filing, yearly review and revocation of star households are the town's.
 */
import { DomainError } from '../../core/errors.ts';
import { can, type Principal } from '../../core/permissions.ts';
import {
  assignmentsOf,
  type Branch,
  type Dispute,
  findBranchByUnit,
  type Member,
  type PointsRecord,
} from '../../db/points.repository.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import type { AppContext } from '../context.ts';
import { authorize, requireUser } from './gate.ts';

/** What the actor may do in one branch (or a village without one: its town's rights only). */
export interface BranchAccess {
  /** Reads members, rules, the queue, statements: the branch's people, the town and county above. */
  read: boolean;
  /** The branch's recorder (clerk): records points and attaches evidence. */
  record: boolean;
  /** The branch's reviewer (secretary): approves records, answers disputes. */
  review: boolean;
  /** The town or county above (admins and organizers): names the branch's people, files stars. */
  manage: boolean;
}

const ALL: BranchAccess = { read: true, record: true, review: true, manage: true };

async function pathOf(ctx: AppContext, unitId: number): Promise<number[]> {
  return ((await pathsOf(ctx.db, [unitId])).get(unitId) ?? []).map((u) => u.id);
}

function principalOf(actor: ReturnType<typeof requireUser>) {
  return { userId: actor.userId!, unitId: actor.unitId!, roles: actor.roles };
}

/** The actor's access to a branch (401 for anonymous readers). */
export async function branchAccess(ctx: AppContext, branch: Branch): Promise<BranchAccess> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return ALL;
  const path = await pathOf(ctx, branch.unitId);
  const principal = principalOf(actor);
  const manage = can(principal, 'points.manage', { unitPath: path });
  const readAbove = can(principal, 'points.read', { unitPath: path });
  const mine = (await assignmentsOf(ctx.db, actor.userId!)).filter((a) => a.branchId === branch.id);
  const record = mine.some((a) => a.role === 'recorder');
  const review = mine.some((a) => a.role === 'reviewer');
  return { read: manage || readAbove || record || review, record, review, manage };
}

/** The actor's access to a village's households: its branch's, or the town's rights without one. */
export async function villageAccess(ctx: AppContext, unitId: number): Promise<BranchAccess> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return ALL;
  const branch = await findBranchByUnit(ctx.db, unitId);
  if (branch) return branchAccess(ctx, branch);
  const path = await pathOf(ctx, unitId);
  const principal = principalOf(actor);
  const manage = can(principal, 'points.manage', { unitPath: path });
  return {
    read: manage || can(principal, 'points.read', { unitPath: path }),
    record: false,
    review: false,
    manage,
  };
}

/** Keeps the branch's registers: members, transfers, the market, households, claims, disputes. */
export const keepsRegisters = (a: BranchAccess) => a.record || a.review || a.manage;
/** Answers disputes and checks star claims for the village committee: the secretary or the town. */
export const answersForBranch = (a: BranchAccess) => a.review || a.manage;

export const forbidden = (what: string) =>
  new DomainError('FORBIDDEN', `没有权限${what}`, { params: { what } });

/** Refuses (403, 「没有权限{what}」) unless the branch access has `need`; returns the access. */
export async function requireBranchAccess(
  ctx: AppContext,
  branch: Branch,
  need: keyof BranchAccess,
  what: string,
): Promise<BranchAccess> {
  const access = await branchAccess(ctx, branch);
  if (!access[need]) throw forbidden(what);
  return access;
}

/** Refuses (403) unless the actor keeps the branch's registers (clerk, secretary, town). */
export function requireRegisterKeeper(access: BranchAccess, what: string): void {
  if (!keepsRegisters(access)) throw new DomainError('FORBIDDEN', what);
}

/** Refuses (403) unless the actor is a town or county above the unit (rules, quarters, stars, classes). */
export function requirePointsManager(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'points.manage', unitId);
}

/** True when the record or member is about the signed-in actor themselves. */
export function isSelf(ctx: AppContext, member: Pick<Member, 'userId'>): boolean {
  return ctx.actor.kind === 'user' && member.userId !== null && member.userId === ctx.actor.userId;
}

/** A member's own statement, balance and evidence are theirs; otherwise the branch's readers'. */
export async function requireMemberReader(
  ctx: AppContext,
  branch: Branch,
  member: Pick<Member, 'userId'>,
  what: string,
): Promise<void> {
  if (!isSelf(ctx, member)) await requireBranchAccess(ctx, branch, 'read', what);
}

/** Why maker–checker refuses the actor this record's review, or null when it does not. */
function selfReview(
  ctx: AppContext,
  record: Pick<PointsRecord, 'recordedBy'>,
  member: Pick<Member, 'userId'>,
): DomainError | null {
  if (ctx.actor.kind === 'system') return null;
  if (record.recordedBy === ctx.actor.userId)
    return new DomainError('SELF_REVIEW', '记录人不能审核自己录入的积分', {
      params: { reason: 'recorder' },
    });
  if (isSelf(ctx, member))
    return new DomainError('SELF_REVIEW', '不能审核关于自己的积分', {
      params: { reason: 'aboutSelf' },
    });
  return null;
}

/** Maker–checker on a record: the branch's reviewer, never its recorder, never its member. */
export async function requireRecordReviewer(
  ctx: AppContext,
  branch: Branch,
  record: Pick<PointsRecord, 'recordedBy'>,
  member: () => Promise<Pick<Member, 'userId'>>,
): Promise<void> {
  await requireBranchAccess(ctx, branch, 'review', '审核该党支部的积分（须为本支部审核人）');
  const refused = selfReview(ctx, record, await member());
  if (refused) throw refused;
}

/** May the actor (with this branch access) review this record now? Same rule as above. */
export function mayReviewRecord(
  ctx: AppContext,
  access: BranchAccess,
  record: Pick<PointsRecord, 'recordedBy' | 'status'>,
  member: Pick<Member, 'userId'> | undefined,
): boolean {
  return (
    access.review &&
    record.status === 'pending' &&
    selfReview(ctx, record, member ?? { userId: null }) === null
  );
}

/** 积分申诉 is filed by the member themselves or by the branch's people. */
export function mayFileDispute(
  ctx: AppContext,
  access: BranchAccess,
  member: Pick<Member, 'userId'>,
): boolean {
  return isSelf(ctx, member) || keepsRegisters(access);
}

export async function requireDisputeFiler(
  ctx: AppContext,
  branch: Branch,
  member: Pick<Member, 'userId'>,
): Promise<void> {
  if (!mayFileDispute(ctx, await branchAccess(ctx, branch), member))
    throw new DomainError('FORBIDDEN', '没有权限提出申诉');
}

/** May the actor answer this dispute: the secretary or the town, never the one who filed it. */
export function mayAnswerDispute(
  ctx: AppContext,
  access: BranchAccess,
  dispute: Pick<Dispute, 'filedBy' | 'status'>,
): boolean {
  return (
    answersForBranch(access) &&
    dispute.status === 'open' &&
    !(ctx.actor.kind === 'user' && dispute.filedBy === ctx.actor.userId)
  );
}

export async function requireDisputeAnswerer(
  ctx: AppContext,
  branch: Branch,
  dispute: Pick<Dispute, 'filedBy'>,
): Promise<void> {
  if (!answersForBranch(await branchAccess(ctx, branch)))
    throw new DomainError('FORBIDDEN', '没有权限答复申诉');
  if (ctx.actor.kind === 'user' && dispute.filedBy === ctx.actor.userId)
    throw new DomainError('SELF_REVIEW', '不能答复自己提出的申诉', {
      params: { reason: 'ownDispute' },
    });
}

/**
 * A points board of a unit: the town or county reading it by role, or the people of the unit's
 * own branch.
 */
export async function requireBoardReader(
  ctx: AppContext,
  unitId: number,
  /** The unit's path from the root, when the caller has read it already. */
  path?: readonly number[],
): Promise<void> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return;
  const unitPath = path ?? (await pathOf(ctx, unitId));
  if (can(principalOf(actor), 'points.read', { unitPath })) return;
  const branch = await findBranchByUnit(ctx.db, unitId);
  if (branch && (await branchAccess(ctx, branch)).read) return;
  throw new DomainError('FORBIDDEN', '没有权限查看该范围的积分排行');
}

/**
 * Does the user read the points boards of their own unit and everything below it (a town's or the
 * county's reader)? Pure: the caller has the unit's path. Branch boards come with the branches.
 */
export function readsBoardsBelow(principal: Principal, ownPath: readonly number[]): boolean {
  return can(principal, 'points.read', { unitPath: ownPath });
}

export type ClaimStepName = 'villagers' | 'committee' | 'filing';

/** Who takes a claim's step: villagers' review the village's people, the committee check its secretary, filing the town. */
export function mayTakeClaimStep(access: BranchAccess, step: ClaimStepName): boolean {
  return step === 'villagers'
    ? keepsRegisters(access)
    : step === 'committee'
      ? answersForBranch(access)
      : access.manage;
}

/** What the reader may do in a branch; the web shows its actions from this and nothing else. */
export interface BranchAbilities extends BranchAccess {
  /** Keeps the registers: members and transfers, the market, households and claims, disputes. */
  keep: boolean;
  /** Answers disputes and takes the village committee's step on star claims. */
  answer: boolean;
}

export function branchAbilities(access: BranchAccess): BranchAbilities {
  return { ...access, keep: keepsRegisters(access), answer: answersForBranch(access) };
}

/** Maker–checker on star claims: the committee check is not by whoever entered the villagers' review. */
export function committeeBySameHand(
  ctx: AppContext,
  step: ClaimStepName,
  steps: readonly { step: string; userId: number | null }[],
): DomainError | null {
  if (step !== 'committee' || ctx.actor.kind !== 'user') return null;
  return steps.some((s) => s.step === 'villagers' && s.userId === ctx.actor.userId)
    ? new DomainError('SELF_REVIEW', '录入村民评议结果的人不能再做村委会审核', {
        params: { reason: 'committee' },
      })
    : null;
}

/** The step that moves a claim on from its stage, if any. */
const NEXT_STEP: Partial<Record<string, ClaimStepName>> = {
  claimed: 'villagers',
  reviewed: 'committee',
  checked: 'filing',
};

/** What the reader may do with one household: claim stars for it; file, review yearly and revoke (the town). */
export interface HouseholdAbilities {
  claim: boolean;
  file: boolean;
}

export function householdAbilities(access: BranchAccess): HouseholdAbilities {
  return { claim: keepsRegisters(access), file: access.manage };
}

/** May the reader take the claim's next step now (villagers' review, committee check, filing)? */
export function mayTakeNextStep(
  ctx: AppContext,
  access: BranchAccess,
  claim: { stage: string },
  steps: readonly { step: string; userId: number | null }[],
): boolean {
  const step = NEXT_STEP[claim.stage];
  return (
    step !== undefined &&
    mayTakeClaimStep(access, step) &&
    committeeBySameHand(ctx, step, steps) === null
  );
}
