import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/**
 * The versions of what is kept between requests (boards, ledger lists, unit paths), read in the
 * statement that authenticates the request, so that a cached answer costs no statement of its
 * own: the request sees every change committed before it began.
 */
const viewVersions = [
  sql<number>`(select n from points_version where id = 1)`.as('points_version'),
  sql<number>`(select n from ledger_version where id = 1)`.as('ledger_version'),
  sql<number>`(select n from units_version where id = 1)`.as('units_version'),
  sql<number>`(select n from points_roster_version where id = 1)`.as('roster_version'),
];

/** The four version rows as read (PostgreSQL gives bigint as text). */
interface VersionsRow {
  points_version: number | string | null;
  ledger_version: number | string | null;
  units_version: number | string | null;
  roster_version: number | string | null;
}

/** The versions of a row that selected `viewVersions`, as numbers. */
export function versionsOfRow(row: VersionsRow) {
  return {
    points: Number(row.points_version ?? 0),
    ledger: Number(row.ledger_version ?? 0),
    units: Number(row.units_version ?? 0),
    roster: Number(row.roster_version ?? 0),
  };
}

/** The views' versions on their own, for a caller without an authenticated request (one statement). */
export async function readViewVersions(db: Db) {
  return versionsOfRow(await db.selectNoFrom(viewVersions).executeTakeFirstOrThrow());
}

export async function insertSession(
  db: Db,
  s: {
    idHash: string;
    userId: number;
    csrfToken: string;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function touchSession(db: Db, idHash: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (after a password change or reset, or deactivation). */
export async function deleteUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id_hash', '!=', except);
  await q.execute();
}

export async function insertToken(
  db: Db,
  t: { userId: number; name: string; tokenHash: string; prefix: string; now: string },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_at: t.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * What authenticating a request reads, in one statement: the session, its user, the user's
 * security row (forced or expired password, second factor), the stored password policy and the
 * views' versions.
 */
export function findSessionAuth(db: Db, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('user_security as sec', 'sec.user_id', 's.user_id')
    .leftJoin('security_settings as pol', (join) => join.on('pol.id', '=', 1))
    .selectAll('u')
    .select([
      's.expires_at',
      's.last_seen_at',
      's.csrf_token',
      'sec.user_id as security_user_id',
      'sec.must_change_password',
      'sec.password_changed_at',
      'sec.totp_secret',
      'pol.policy_json',
    ])
    .select(viewVersions)
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** An API token with its user and the views' versions, in one statement. */
export function findTokenAuth(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as token_id', 't.revoked_at', 't.last_used_at'])
    .select(viewVersions)
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function listTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export async function markTokenUsed(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeToken(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
}

export function findThrottle(db: Db, keys: string[]) {
  return db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function saveThrottle(
  db: Db,
  row: { key: string; failures: number; first_failure_at: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        first_failure_at: row.first_failure_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}
