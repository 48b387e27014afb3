import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { ROLES } from '../core/permissions.ts';
import type { Database } from '../db/schema.ts';
import {
  deleteUserSessions,
  insertToken,
  listTokens,
  revokeToken,
} from '../db/session.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import {
  findUser,
  findUserRow,
  insertUser,
  listUsers as listUserRows,
  type User,
  type UserChanges,
  updateUser,
} from '../db/user.repository.ts';
import { authorize, requireUser } from './authorize.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery, Ref } from './ids.ts';
import { hashPassword, randomPassword, randomToken, sha256, verifyPassword } from './secrets.ts';

export const PASSWORD_MIN = 10;

const Password = z
  .string()
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位 (at least ${PASSWORD_MIN} characters)`)
  .max(200);

export const CreateUser = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字和 _ . - (letters, digits, _ . - only)'),
  displayName: z.string().trim().min(1).max(60).optional(),
  unit: Ref,
  roles: z.array(z.enum(ROLES)).min(1, '至少一个角色 (at least one role)'),
  /** Omitted: a random password is generated and returned once. */
  password: Password.optional(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    displayName: z.string().trim().min(1).max(60).optional(),
    unit: Ref.optional(),
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    active: z.boolean().optional(),
    /** true: the admin resets the password to a random one, returned once. */
    resetPassword: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '至少需要修改一项 (nothing to change)');
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
  const ids = [...new Set(users.map((u) => u.unitId))];
  const units = ids.length
    ? await db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
    : [];
  const byId = new Map(units.map((u) => [u.id, u]));
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
    throw new DomainError('UNKNOWN_UNIT', `单位不存在 unit not found: ${ref}`, { field });
  }
  return unit.id;
}

async function userOr404(db: Kysely<Database>, idOrName: string | number): Promise<User> {
  const user = await findUser(db, idOrName);
  if (!user) throw new DomainError('USER_NOT_FOUND', `用户不存在 user not found: ${idOrName}`);
  return user;
}

/** Users of the actor's subtree (admins), or of one unit in it. */
export async function listUsers(ctx: AppContext, query: ListUsersQuery) {
  const actor = requireUser(ctx);
  const rootId = query.unit
    ? await requireUnitId(ctx.db, query.unit, 'unit')
    : (actor.unitId ?? undefined);
  if (rootId === undefined) throw new DomainError('VALIDATION', '请指定单位 unit is required');
  await authorize(ctx, 'user.read', rootId);
  return listUserRows(ctx.db, {
    subtreeOf: rootId,
    q: query.q,
    limit: query.limit,
    offset: query.offset,
  });
}

export async function getUser(ctx: AppContext, idOrName: string): Promise<User> {
  const user = await userOr404(ctx.db, idOrName);
  if (ctx.actor.userId !== user.id) await authorize(ctx, 'user.read', user.unitId);
  return user;
}

export function createUser(ctx: AppContext, input: CreateUser): Promise<WithSecret<User>> {
  return inTransaction(ctx, async (tx) => {
    const unitId = await requireUnitId(tx.db, input.unit, 'unit');
    await authorize(tx, 'user.manage', unitId);
    if (await findUserRow(tx.db, input.username)) {
      throw new DomainError(
        'DUPLICATE_USERNAME',
        `用户名已存在 username taken: ${input.username}`,
        {
          field: 'username',
        },
      );
    }
    const password = input.password ?? randomPassword();
    const user = await insertUser(
      tx.db,
      {
        username: input.username,
        displayName: input.displayName ?? input.username,
        unitId,
        roles: input.roles,
        passwordHash: await hashPassword(password),
      },
      tx.clock.now().toISOString(),
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
): Promise<WithSecret<User>> {
  return inTransaction(ctx, async (tx) => {
    const before = await userOr404(tx.db, idOrName);
    await authorize(tx, 'user.manage', before.unitId);
    const changes: UserChanges = {};
    if (input.unit !== undefined) {
      changes.unitId = await requireUnitId(tx.db, input.unit, 'unit');
      await authorize(tx, 'user.manage', changes.unitId);
    }
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.roles !== undefined) changes.roles = input.roles;
    if (input.active !== undefined) changes.active = input.active;
    if (
      before.id === tx.actor.userId &&
      (input.active === false || (input.roles && !input.roles.includes('admin')))
    ) {
      throw new DomainError(
        'SELF_LOCKOUT',
        '不能停用自己或取消自己的管理员角色 you cannot lock yourself out',
      );
    }
    const password = input.resetPassword ? randomPassword() : undefined;
    if (password) changes.passwordHash = await hashPassword(password);
    const now = tx.clock.now().toISOString();
    const user = await updateUser(tx.db, before.id, changes, now);
    if (password || input.active === false) await deleteUserSessions(tx.db, user.id);
    await audit(tx, {
      action: password ? 'user.reset_password' : 'user.update',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      before,
      after: user,
    });
    return password ? { user, password } : { user };
  });
}

/** A user changes their own password; their other sessions end. */
export function changeOwnPassword(
  ctx: AppContext,
  input: ChangePassword,
  keepSessionHash?: string,
): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx);
    const row = await findUserRow(tx.db, actor.userId ?? -1);
    if (!row || !(await verifyPassword(row.password_hash, input.current))) {
      throw new DomainError('WRONG_PASSWORD', '当前密码不正确 the current password is wrong', {
        field: 'current',
      });
    }
    if (input.next === input.current || input.next === row.username) {
      throw new DomainError(
        'WEAK_PASSWORD',
        '新密码不能与旧密码或用户名相同 choose a different password',
        {
          field: 'next',
        },
      );
    }
    await updateUser(
      tx.db,
      row.id,
      { passwordHash: await hashPassword(input.next) },
      tx.clock.now().toISOString(),
    );
    await deleteUserSessions(tx.db, row.id, keepSessionHash);
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
    if (tx.actor.userId !== user.id) await authorize(tx, 'token.manage', user.unitId);
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
  if (ctx.actor.userId !== user.id) await authorize(ctx, 'token.manage', user.unitId);
  return (await listTokens(ctx.db, user.id)).map(tokenView);
}

export function revokeUserToken(ctx: AppContext, idOrName: string, tokenId: number): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const user = await userOr404(tx.db, idOrName);
    if (tx.actor.userId !== user.id) await authorize(tx, 'token.manage', user.unitId);
    const token = (await listTokens(tx.db, user.id)).find((t) => t.id === tokenId);
    if (!token) throw new DomainError('NOT_FOUND', `令牌不存在 token not found: ${tokenId}`);
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
