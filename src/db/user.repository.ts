import type { Kysely, Selectable } from 'kysely';
import { parseRoles, type Role } from '../core/permissions.ts';
import { containsText, fromDbBool, toDbBool } from './dialect.ts';
import type { Database, UserTable } from './schema.ts';
import { withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export function userFromRow(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: parseRoles(row.roles),
    active: fromDbBool(row.active),
    createdAt: row.created_at,
  };
}

export function findUserRow(db: Db, idOrName: string | number) {
  const text = String(idOrName);
  const query = db.selectFrom('users').selectAll();
  return /^\d{1,9}$/.test(text)
    ? query
        .where((eb) => eb.or([eb('id', '=', Number(text)), eb('username', '=', text)]))
        .executeTakeFirst()
    : query.where('username', '=', text).executeTakeFirst();
}

export async function findUser(db: Db, idOrName: string | number): Promise<User | undefined> {
  const row = await findUserRow(db, idOrName);
  return row ? userFromRow(row) : undefined;
}

export interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  passwordHash: string | null;
}

export async function insertUser(db: Db, user: NewUser, now: string): Promise<User> {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      unit_id: user.unitId,
      roles: user.roles.join(','),
      password_hash: user.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return userFromRow(row);
}

export interface UserChanges {
  displayName?: string;
  unitId?: number;
  roles?: Role[];
  active?: boolean;
  passwordHash?: string;
}

export async function updateUser(db: Db, id: number, c: UserChanges, now: string): Promise<User> {
  const row = await db
    .updateTable('users')
    .set({
      ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
      ...(c.unitId !== undefined ? { unit_id: c.unitId } : {}),
      ...(c.roles !== undefined ? { roles: c.roles.join(',') } : {}),
      ...(c.active !== undefined ? { active: toDbBool(c.active) } : {}),
      ...(c.passwordHash !== undefined ? { password_hash: c.passwordHash } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return userFromRow(row);
}

export interface UserListFilter {
  /** Only users of units in this unit's subtree. */
  subtreeOf: number;
  q?: string | undefined;
  unitId?: number | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(db: Db, f: UserListFilter) {
  let q = withSubtree(db, f.subtreeOf)
    .selectFrom('users')
    .where('unit_id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'));
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(db, 'username', text), containsText(db, 'display_name', text)]),
    );
  }
  const [rows, count] = await Promise.all([
    q.selectAll('users').orderBy('username').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(userFromRow), total: Number(count.n) };
}

export async function hasAnyAdmin(db: Db): Promise<boolean> {
  const rows = await db.selectFrom('users').select('roles').execute();
  return rows.some((r) => parseRoles(r.roles).includes('admin'));
}
