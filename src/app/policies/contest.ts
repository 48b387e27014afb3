/**
 * The contest policy (DESIGN §1): who runs a contest (its organizer unit's subtree: admins and
 * organizers), who reads its unpublished parts, who runs a county template in a town — and the
 * `may` a contest's responses carry. Rounds inside a contest are policies/round.ts's.
 */
import { can, type Principal } from '../../core/permissions.ts';
import type { Contest } from '../../db/contest.repository.ts';
import { findUnit, pathsOf } from '../../db/unit.repository.ts';
import type { AppContext } from '../context.ts';
import { authorize } from './gate.ts';

/** Units that run a county template's contest among their villages (三级联动). */
const TOWN_KINDS = new Set(['town', 'township', 'street']);

/** What the reader may do with a contest; the web shows its actions from this and nothing else. */
export interface ContestAbilities {
  /** Runs the contest: edits it and its rubric, opens rounds, writes practices. */
  manage: boolean;
  /** Reads what is not public yet: rounds before publication, series, the linkage board. */
  read: boolean;
  /** A county template: compares the towns' rounds (三级联动). */
  readLinkage: boolean;
  /** A county template: the reader's town may start its own contest from it. */
  instantiate: boolean;
}

export const NO_CONTEST_ABILITIES: ContestAbilities = {
  manage: false,
  read: false,
  readLinkage: false,
  instantiate: false,
};

/** Refuses (403) unless the actor runs contests of this organizer unit. */
export function requireContestManager(ctx: AppContext, organizerUnitId: number): Promise<void> {
  return authorize(ctx, 'contest.manage', organizerUnitId);
}

/** Refuses (403) unless the actor reads the unpublished parts of this organizer's contests. */
export function requireContestReader(ctx: AppContext, organizerUnitId: number): Promise<void> {
  return authorize(ctx, 'contest.read', organizerUnitId);
}

/**
 * Does the user start contests of their own unit (an admin or organizer there)? Pure: the caller
 * has the unit's path. The session carries it for the contest list's 新建 button.
 */
export function createsContests(principal: Principal, ownPath: readonly number[]): boolean {
  return can(principal, 'contest.manage', { unitPath: ownPath });
}

/** The abilities of the context's actor on a contest (all for the system actor, none anonymous). */
export async function contestAbilities(
  ctx: AppContext,
  contest: Pick<Contest, 'organizerUnitId' | 'isTemplate'>,
): Promise<ContestAbilities> {
  const { actor } = ctx;
  if (actor.kind === 'system') {
    return {
      manage: true,
      read: true,
      readLinkage: contest.isTemplate,
      instantiate: contest.isTemplate,
    };
  }
  if (actor.kind === 'anonymous' || actor.userId === null || actor.unitId === null) {
    return NO_CONTEST_ABILITIES;
  }
  const own = actor.unitId;
  const paths = await pathsOf(ctx.db, [contest.organizerUnitId, own]);
  const principal: Principal = { userId: actor.userId, unitId: own, roles: actor.roles };
  const organizerScope = { unitPath: (paths.get(contest.organizerUnitId) ?? []).map((u) => u.id) };
  const ownPath = (paths.get(own) ?? []).map((u) => u.id);
  const manage = can(principal, 'contest.manage', organizerScope);
  const read = manage || can(principal, 'contest.read', organizerScope);
  let instantiate = false;
  if (contest.isTemplate && ownPath.includes(contest.organizerUnitId)) {
    const unit = await findUnit(ctx.db, own);
    instantiate =
      !!unit &&
      TOWN_KINDS.has(unit.kind) &&
      can(principal, 'contest.manage', { unitPath: ownPath });
  }
  return {
    manage,
    read,
    readLinkage: contest.isTemplate && can(principal, 'contest.read', organizerScope),
    instantiate,
  };
}
