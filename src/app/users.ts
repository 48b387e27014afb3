import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { type PasswordPolicy, passwordProblem } from '../core/password-policy.ts';
import { ROLE_NAMES, ROLES, type Role, separationConflict } from '../core/permissions.ts';
import {
  addPasswordHistory,
  readPolicy,
  recentPasswordHashes,
  revokeAllTokens,
  updateUserSecurity,
} from '../db/account-security.repository.ts';
import type { Database } from '../db/schema.ts';
import {
  deleteUserSessions,
  insertToken,
  listTokens,
  revokeToken,
} from '../db/session.repository.ts';
import { findUnit, unitLabels } from '../db/unit.repository.ts';
import {
  findUser,
  findUserRow,
  insertUser,
  listUsers as listUserRows,
  type User,
  type UserChanges,
  updateUser,
} from '../db/user.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, Ref } from './ids.ts';
import { requireUser } from './policies/gate.ts';
import {
  refuseSelfLockout,
  requireAccountManager,
  requireAccountReader,
  requireGranter,
  requirePasswordResetter,
  requireTokenKeeper,
  requireUserReader,
  userAbilities,
} from './policies/user.ts';
import { hashPassword, randomPassword, randomToken, sha256, verifyPassword } from './secrets.ts';

/** Length, classes, common and trivial passwords are the policy's (checkNewPassword). */
const Password = z.string().min(1, '请输入密码').max(200);

export const CreateUser = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字和 _ . -'),
  displayName: z.string().trim().min(1).max(60).optional(),
  unit: Ref,
  roles: z.array(z.enum(ROLES)).min(1, '至少一个角色'),
  /** Omitted: a random password is generated and returned once. */
  password: Password.optional(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    displayName: z.string().trim().min(1).max(60).optional(),
    unit: Ref.optional(),
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    /** false locks the account (sessions end); true unlocks it, failed sign-ins forgotten. */
    active: z.boolean().optional(),
    /** true: the admin resets the password to a random one, returned once. */
    resetPassword: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '至少需要修改一项');
export type UpdateUser = z.infer<typeof UpdateUser>;

export const ChangePassword = z.object({ current: z.string().min(1).max(200), next: Password });
export type ChangePassword = z.infer<typeof ChangePassword>;

export const ListUsersQuery = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  unit: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: CountQuery.default(0),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const CreateToken = z.object({ name: z.string().trim().min(1).max(60).default('script') });
export type CreateToken = z.infer<typeof CreateToken>;

/** A user as the API shows it: with its unit's code and name beside the id. */
export interface UserView extends User {
  unit: { id: number; code: string; name: string };
}

export async function presentUsers(db: Kysely<Database>, users: User[]): Promise<UserView[]> {
  const byId = await unitLabels(
    db,
    users.map((u) => u.unitId),
  );
  return users.map((u) => ({ ...u, unit: byId.get(u.unitId)! }));
}

/** A user with a freshly made secret that is shown once and never stored in clear. */
export interface WithSecret<T> {
  user: T;
  password?: string;
}

async function requireUnitId(db: Kysely<Database>, ref: string | number, field: string) {
  const unit = await findUnit(db, ref);
  if (!unit) {
    throw new DomainError('UNKNOWN_UNIT', `单位不存在：${ref}`, { params: { unit: ref }, field });
  }
  return unit.id;
}

async function userOr404(db: Kysely<Database>, idOrName: string | number): Promise<User> {
  const user = await findUser(db, idOrName);
  if (!user)
    throw new DomainError('USER_NOT_FOUND', `用户不存在：${idOrName}`, {
      params: { user: idOrName },
    });
  return user;
}

/** Users of the actor's subtree (admins), or of one unit in it. */
export async function listUsers(ctx: AppContext, query: ListUsersQuery) {
  const actor = requireUser(ctx);
  const rootId = query.unit
    ? await requireUnitId(ctx.db, query.unit, 'unit')
    : (actor.unitId ?? undefined);
  if (rootId === undefined)
    throw new DomainError('VALIDATION', '请指定单位', { params: { reason: 'unitRequired' } });
  await requireUserReader(ctx, rootId);
  const found = await listUserRows(ctx.db, {
    subtreeOf: rootId,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  });
  const may = await userAbilities(ctx, found.items);
  return { ...found, may: may.page, mayOf: may.each };
}

export async function getUser(ctx: AppContext, idOrName: string): Promise<User> {
  const user = await userOr404(ctx.db, idOrName);
  await requireAccountReader(ctx, user);
  return user;
}

/** Refuses a user holding two of admin, secadmin and auditor (三权分立, DESIGN §1). */
function checkSeparation(roles: readonly Role[]): void {
  const conflict = separationConflict(roles);
  if (conflict.length > 0) {
    throw new DomainError(
      'ROLE_CONFLICT',
      `一个用户不能同时担任${conflict.map((r) => ROLE_NAMES[r]).join('和')}`,
      {
        params: { roles: conflict.map((r) => ROLE_NAMES[r]).join('和') },
        field: 'roles',
        roles: conflict,
      },
    );
  }
}

/** A new password against the policy and the user's last passwords; WEAK_PASSWORD names the rule. */
export async function checkNewPassword(
  db: Kysely<Database>,
  userId: number | null,
  username: string,
  password: string,
  field: string,
): Promise<PasswordPolicy> {
  const policy = await readPolicy(db);
  const problem = passwordProblem(policy, password, { username });
  if (problem) {
    throw new DomainError('WEAK_PASSWORD', `密码不符合要求：${problem}`, {
      params: { problem },
      field,
    });
  }
  if (userId !== null) {
    for (const old of await recentPasswordHashes(db, userId, policy.historySize)) {
      if (await verifyPassword(old, password)) {
        throw new DomainError(
          'PASSWORD_REUSED',
          `不能使用最近 ${policy.historySize} 次用过的密码`,
          { params: { historySize: policy.historySize }, field },
        );
      }
    }
  }
  return policy;
}

/** A random password that meets the policy (for new users and resets). */
export function policyPassword(policy: PasswordPolicy): string {
  for (;;) {
    let password = randomPassword(Math.max(16, policy.minLength));
    // The random alphabet has letters and digits; a fourth class needs a symbol.
    if (policy.minClasses >= 4) password = `${password.slice(0, 8)}#${password.slice(9)}`;
    if (!passwordProblem(policy, password)) return password;
  }
}

/** Stores a password: the hash, its age, the history, and whether it must be changed. */
async function setPassword(
  db: Kysely<Database>,
  userId: number,
  hash: string,
  now: string,
  mustChange: boolean,
): Promise<void> {
  await updateUserSecurity(db, userId, {
    password_changed_at: now,
    must_change_password: mustChange ? 1 : 0,
  });
  await addPasswordHistory(db, userId, hash, now);
}

export interface SetByOthers {
  /**
   * A password set by someone else must be changed at the first sign-in (等保 身份鉴别); the demo
   * county alone opts out, so its printed passwords keep working for the README's walkthrough.
   */
  forceChange?: boolean;
}

/**
 * Runs a use case; when it is refused for breaking a security rule (two separated roles, a weak
 * or reused password), the refusal is audited on its own after the rollback (issue 19).
 */
async function auditingRefusals<T>(
  ctx: AppContext,
  action: string,
  target: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof DomainError &&
      ['ROLE_CONFLICT', 'WEAK_PASSWORD', 'PASSWORD_REUSED'].includes(error.code) &&
      ctx.actor.kind !== 'anonymous'
    ) {
      await inTransaction(ctx, (tx) =>
        audit(tx, {
          action: `${action}_refused`,
          entityType: 'user',
          entityId: target,
          unitId: tx.actor.unitId,
          after: { code: error.code, message: error.message },
        }),
      );
    }
    throw error;
  }
}

export function createUser(
  ctx: AppContext,
  input: CreateUser,
  options: SetByOthers = {},
): Promise<WithSecret<User>> {
  return auditingRefusals(ctx, 'user.create', input.username, () =>
    createUserNow(ctx, input, options),
  );
}

function createUserNow(
  ctx: AppContext,
  input: CreateUser,
  options: SetByOthers,
): Promise<WithSecret<User>> {
  return inTransaction(ctx, async (tx) => {
    const unitId = await requireUnitId(tx.db, input.unit, 'unit');
    // Giving a new account its roles is granting them: the security admin's under separation.
    await requireGranter(tx, unitId);
    checkSeparation(input.roles);
    if (await findUserRow(tx.db, input.username)) {
      throw new DomainError('DUPLICATE_USERNAME', `用户名已存在：${input.username}`, {
        params: { username: input.username },
        field: 'username',
      });
    }
    const policy = input.password
      ? await checkNewPassword(tx.db, null, input.username, input.password, 'password')
      : await readPolicy(tx.db);
    const password = input.password ?? policyPassword(policy);
    const passwordHash = await hashPassword(password);
    const user = await insertUser(
      tx.db,
      {
        username: input.username,
        displayName: input.displayName ?? input.username,
        unitId,
        roles: input.roles,
        passwordHash,
      },
      tx.clock.now().toISOString(),
    );
    await setPassword(
      tx.db,
      user.id,
      passwordHash,
      tx.clock.now().toISOString(),
      options.forceChange ?? true,
    );
    await audit(tx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      unitId,
      after: user,
    });
    return input.password ? { user } : { user, password };
  });
}

export function changeUser(
  ctx: AppContext,
  idOrName: string,
  input: UpdateUser,
  options: SetByOthers = {},
): Promise<WithSecret<User>> {
  return auditingRefusals(ctx, 'user.grant_roles', idOrName, () =>
    changeUserNow(ctx, idOrName, input, options),
  );
}

function changeUserNow(
  ctx: AppContext,
  idOrName: string,
  input: UpdateUser,
  options: SetByOthers,
): Promise<WithSecret<User>> {
  return inTransaction(ctx, async (tx) => {
    const before = await userOr404(tx.db, idOrName);
    const rolesChange =
      input.roles !== undefined &&
      input.roles.slice().sort().join() !== before.roles.slice().sort().join();
    const activeChange = input.active !== undefined && input.active !== before.active;
    const unlock = input.active === true;
    // 三权分立: roles and locks are the security admin's; the rest the admin's (DESIGN §1).
    if (input.roles !== undefined || input.active !== undefined) {
      await requireGranter(tx, before.unitId);
    }
    if (input.displayName !== undefined || input.unit !== undefined) {
      await requireAccountManager(tx, before.unitId);
    }
    if (input.resetPassword) await requirePasswordResetter(tx, before.unitId);
    const changes: UserChanges = {};
    if (input.unit !== undefined) {
      changes.unitId = await requireUnitId(tx.db, input.unit, 'unit');
      await requireAccountManager(tx, changes.unitId);
    }
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.roles !== undefined) {
      checkSeparation(input.roles);
      changes.roles = input.roles;
    }
    if (input.active !== undefined) changes.active = input.active;
    refuseSelfLockout(tx, before, input);
    const now = tx.clock.now().toISOString();
    let password: string | undefined;
    if (input.resetPassword) {
      password = policyPassword(await readPolicy(tx.db));
      changes.passwordHash = await hashPassword(password);
    }
    const user = await updateUser(tx.db, before.id, changes, now);
    if (password || input.active === false) await deleteUserSessions(tx.db, user.id);
    if (password && changes.passwordHash) {
      await setPassword(tx.db, user.id, changes.passwordHash, now, options.forceChange ?? true);
      await revokeTokensOf(tx, user);
    }
    if (unlock) {
      await updateUserSecurity(tx.db, user.id, {
        failures: 0,
        first_failure_at: null,
        locked_until: null,
      });
    }
    const entity = { entityType: 'user', entityId: user.id, unitId: user.unitId };
    if (rolesChange) {
      await audit(tx, {
        action: 'user.grant_roles',
        ...entity,
        before: { roles: before.roles },
        after: { roles: user.roles },
      });
    }
    if (activeChange || unlock) {
      await audit(tx, { action: input.active ? 'user.unlock' : 'user.lock', ...entity });
    }
    if (password) await audit(tx, { action: 'user.reset_password', ...entity });
    if (input.displayName !== undefined || input.unit !== undefined) {
      await audit(tx, { action: 'user.update', ...entity, before, after: user });
    }
    return password ? { user, password } : { user };
  });
}

/** Revokes every API token of a user whose password changed (issue 12), audited. */
async function revokeTokensOf(tx: AppContext, user: { id: number; unitId: number }) {
  const revoked = await revokeAllTokens(tx.db, user.id, tx.clock.now().toISOString());
  if (revoked > 0) {
    await audit(tx, {
      action: 'token.revoke_all',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      after: { revoked, reason: 'password' },
    });
  }
}

/** A user changes their own password; their other sessions end. */
export function changeOwnPassword(
  ctx: AppContext,
  input: ChangePassword,
  keepSessionHash?: string,
): Promise<void> {
  return auditingRefusals(ctx, 'user.change_password', String(ctx.actor.userId), () =>
    changeOwnPasswordNow(ctx, input, keepSessionHash),
  );
}

function changeOwnPasswordNow(
  ctx: AppContext,
  input: ChangePassword,
  keepSessionHash?: string,
): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx);
    const row = await findUserRow(tx.db, actor.userId ?? -1);
    if (!row || !(await verifyPassword(row.password_hash, input.current))) {
      throw new DomainError('WRONG_PASSWORD', '当前密码不正确', {
        field: 'current',
      });
    }
    if (input.next === input.current) {
      throw new DomainError('PASSWORD_REUSED', '新密码不能与当前密码相同', {
        params: { reason: 'same' },
        field: 'next',
      });
    }
    await checkNewPassword(tx.db, row.id, row.username, input.next, 'next');
    const now = tx.clock.now().toISOString();
    const hash = await hashPassword(input.next);
    await updateUser(tx.db, row.id, { passwordHash: hash }, now);
    await setPassword(tx.db, row.id, hash, now, false);
    await deleteUserSessions(tx.db, row.id, keepSessionHash);
    await revokeTokensOf(tx, { id: row.id, unitId: row.unit_id });
    await audit(tx, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: row.id,
      unitId: row.unit_id,
    });
  });
}

export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Makes an API token for scripts; the token is returned once and stored hashed. */
export function createToken(
  ctx: AppContext,
  idOrName: string,
  input: CreateToken,
): Promise<{ token: string; view: TokenView }> {
  return inTransaction(ctx, async (tx) => {
    const user = await userOr404(tx.db, idOrName);
    await requireTokenKeeper(tx, user);
    const token = `lt_${randomToken()}`;
    const row = await insertToken(tx.db, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      now: tx.clock.now().toISOString(),
    });
    const view = tokenView(row);
    await audit(tx, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row.id,
      unitId: user.unitId,
      after: { user: user.username, ...view },
    });
    return { token, view };
  });
}

function tokenView(row: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listUserTokens(ctx: AppContext, idOrName: string): Promise<TokenView[]> {
  const user = await userOr404(ctx.db, idOrName);
  await requireTokenKeeper(ctx, user);
  return (await listTokens(ctx.db, user.id)).map(tokenView);
}

export function revokeUserToken(ctx: AppContext, idOrName: string, tokenId: number): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const user = await userOr404(tx.db, idOrName);
    await requireTokenKeeper(tx, user);
    const token = (await listTokens(tx.db, user.id)).find((t) => t.id === tokenId);
    if (!token)
      throw new DomainError('NOT_FOUND', `令牌不存在：${tokenId}`, {
        params: { reason: 'token', id: tokenId },
      });
    if (token.revoked_at) return;
    await revokeToken(tx.db, tokenId, tx.clock.now().toISOString());
    await audit(tx, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
      unitId: user.unitId,
      before: tokenView(token),
    });
  });
}
