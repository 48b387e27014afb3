/**
 * The user policy (DESIGN §1, 三权分立): within their subtree admins read and edit accounts (name,
 * unit, passwords) and manage API tokens; security admins read accounts, grant roles, lock and
 * unlock, reset passwords and second factors. Without separation an admin acts as both
 * (core effectiveRoles). Everyone reads their own account and keeps their own tokens. A user
 * never locks themselves out. The `may` of each listed account comes from here.
 */
import { DomainError } from '../../core/errors.ts';
import { type Action, can, type Principal, SEPARATED_ROLES } from '../../core/permissions.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import type { User } from '../../db/user.repository.ts';
import type { AppContext } from '../context.ts';
import { authorize, requireUser } from './gate.ts';

const isSelf = (ctx: AppContext, user: Pick<User, 'id'>) => ctx.actor.userId === user.id;

/** Reads users of this unit's subtree (the list): admins and security admins. */
export function requireUserReader(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'user.read', unitId);
}

/** Reads one account: one's own, or as a reader of its unit. */
export async function requireAccountReader(
  ctx: AppContext,
  user: Pick<User, 'id' | 'unitId'>,
): Promise<void> {
  if (!isSelf(ctx, user)) await requireUserReader(ctx, user.unitId);
}

/** Gives an account its roles, locks or unlocks it (creating one gives roles too). */
export function requireGranter(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'user.grant', unitId);
}

/** Edits an account's name or moves it to a unit (both the old unit and the new one). */
export function requireAccountManager(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'user.manage', unitId);
}

/** Resets a password: the admin, or the security admin. */
export function requirePasswordResetter(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'user.manage', unitId).catch(() =>
    authorize(ctx, 'security.manage', unitId),
  );
}

/** Removes second factors, sets the password policy: the security admin. */
export function requireSecurityManager(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'security.manage', unitId);
}

/** Lists, makes and revokes an account's API tokens: its owner, or an admin of its unit. */
export async function requireTokenKeeper(
  ctx: AppContext,
  user: Pick<User, 'id' | 'unitId'>,
): Promise<void> {
  if (!isSelf(ctx, user)) await authorize(ctx, 'token.manage', user.unitId);
}

/** Refuses a change that would lock the actor out: deactivating themselves or dropping a separated role of their own. */
export function refuseSelfLockout(
  ctx: AppContext,
  before: Pick<User, 'id' | 'roles'>,
  input: { active?: boolean | undefined; roles?: readonly string[] | undefined },
): void {
  const dropsOwn =
    input.roles !== undefined &&
    before.roles.some((r) => SEPARATED_ROLES.includes(r) && !input.roles!.includes(r));
  if (isSelf(ctx, before) && (input.active === false || dropsOwn)) {
    throw new DomainError('SELF_LOCKOUT', '不能停用自己或取消自己的管理角色');
  }
}

/** What the reader may do with one account; the users page shows its actions from this. */
export interface AccountAbilities {
  /** Edits name and unit. */
  edit: boolean;
  /** Grants roles, locks and unlocks. */
  grant: boolean;
  resetPassword: boolean;
  /** Lists, makes and revokes its API tokens. */
  tokens: boolean;
  /** Removes its second factor. */
  resetTotp: boolean;
}

/** What the reader may do on the users page as a whole. */
export interface UsersAbilities {
  /** Creates accounts in their own unit's subtree (gives roles: a grant). */
  create: boolean;
  /** Security settings (the password policy): the security admin. */
  security: boolean;
}

/** The abilities of the context's actor on each account, and on the page. */
export async function userAbilities(
  ctx: AppContext,
  users: readonly Pick<User, 'id' | 'unitId'>[],
): Promise<{ each: Map<number, AccountAbilities>; page: UsersAbilities }> {
  const actor = requireUser(ctx);
  const each = new Map<number, AccountAbilities>();
  if (actor.kind === 'system') {
    const all = { edit: true, grant: true, resetPassword: true, tokens: true, resetTotp: true };
    for (const u of users) each.set(u.id, all);
    return { each, page: { create: true, security: true } };
  }
  const principal: Principal = { userId: actor.userId!, unitId: actor.unitId!, roles: actor.roles };
  const paths = await pathsOf(ctx.db, [...new Set([...users.map((u) => u.unitId), actor.unitId!])]);
  const may = (action: Action, unitId: number) =>
    can(principal, action, { unitPath: (paths.get(unitId) ?? []).map((u) => u.id) });
  for (const u of users) {
    const edit = may('user.manage', u.unitId);
    each.set(u.id, {
      edit,
      grant: may('user.grant', u.unitId),
      resetPassword: edit || may('security.manage', u.unitId),
      tokens: u.id === actor.userId || may('token.manage', u.unitId),
      resetTotp: may('security.manage', u.unitId),
    });
  }
  return {
    each,
    page: {
      create: may('user.grant', actor.unitId!),
      security: may('security.manage', actor.unitId!),
    },
  };
}
