import { type Kysely, sql } from 'kysely';
import { DEFAULT_POLICY, type PasswordPolicy } from '../core/password-policy.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

export function findUserSecurity(db: Db, userId: number) {
  return db
    .selectFrom('user_security')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Makes sure the user's row exists (every column at its default). */
async function ensureRow(db: Db, userId: number): Promise<void> {
  await db
    .insertInto('user_security')
    .values({ user_id: userId, password_changed_at: null })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function updateUserSecurity(
  db: Db,
  userId: number,
  changes: Partial<{
    password_changed_at: string | null;
    must_change_password: number;
    failures: number;
    first_failure_at: string | null;
    locked_until: string | null;
    totp_secret: string | null;
    totp_pending_secret: string | null;
    totp_last_step: number | null;
    last_login_at: string | null;
    last_login_ip: string | null;
    failures_since_login: number;
  }>,
): Promise<void> {
  await ensureRow(db, userId);
  await db.updateTable('user_security').set(changes).where('user_id', '=', userId).execute();
}

/**
 * Counts one failed sign-in of an account in a single statement (`failures = failures + 1`), so
 * parallel attempts cannot read the same count; a window older than `windowStart` starts again
 * at 1. Returns the count after this failure.
 */
export async function countAccountFailure(
  db: Db,
  userId: number,
  now: string,
  windowStart: string,
): Promise<number> {
  await ensureRow(db, userId);
  const row = await db
    .updateTable('user_security')
    .set({
      failures: sql`case when first_failure_at is null or first_failure_at < ${windowStart} then 1 else failures + 1 end`,
      first_failure_at: sql`case when first_failure_at is null or first_failure_at < ${windowStart} then ${now} else first_failure_at end`,
      failures_since_login: sql`failures_since_login + 1`,
    })
    .where('user_id', '=', userId)
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/**
 * Counts one failed sign-in from an address in one statement, the same way, in login_throttle.
 */
export async function countAddressFailure(
  db: Db,
  key: string,
  now: string,
  windowStart: string,
): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, first_failure_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when login_throttle.first_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        first_failure_at: sql`case when login_throttle.first_failure_at < ${windowStart} then ${now} else login_throttle.first_failure_at end`,
        locked_until: sql`case when login_throttle.first_failure_at < ${windowStart} then null else login_throttle.locked_until end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockThrottle(db: Db, key: string, until: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .execute();
}

export async function addressFailures(db: Db, key: string, windowStart: string): Promise<number> {
  const row = await db
    .selectFrom('login_throttle')
    .select('failures')
    .where('key', '=', key)
    .where('first_failure_at', '>=', windowStart)
    .executeTakeFirst();
  return row ? Number(row.failures) : 0;
}

export async function recentPasswordHashes(db: Db, userId: number, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => r.password_hash);
}

export async function addPasswordHistory(
  db: Db,
  userId: number,
  hash: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: hash, created_at: now })
    .execute();
}

export async function replaceRecoveryCodes(
  db: Db,
  userId: number,
  hashes: string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((h) => ({ user_id: userId, code_hash: h, created_at: now, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; true when it was there and unused (one statement). */
export async function spendRecoveryCode(
  db: Db,
  userId: number,
  hash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countRecoveryCodesLeft(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Accepts a TOTP step only when it is later than the last one accepted, in one statement, so a
 * code (or an earlier one) is never accepted twice, even by two requests at once.
 */
export async function advanceTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_security')
    .set({ totp_last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function readPolicy(db: Db): Promise<PasswordPolicy> {
  const row = await db
    .selectFrom('security_settings')
    .select('policy_json')
    .where('id', '=', 1)
    .executeTakeFirst();
  return policyFrom(row?.policy_json);
}

/** The password policy stored as JSON (its missing settings at their defaults). */
export function policyFrom(json: string | null | undefined): PasswordPolicy {
  return json ? { ...DEFAULT_POLICY, ...(JSON.parse(json) as PasswordPolicy) } : DEFAULT_POLICY;
}

export async function savePolicy(db: Db, policy: PasswordPolicy, now: string): Promise<void> {
  const policy_json = JSON.stringify(policy);
  await db
    .insertInto('security_settings')
    .values({ id: 1, policy_json, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ policy_json, updated_at: now }))
    .execute();
}

/** Revokes every live API token of a user; returns how many. */
export async function revokeAllTokens(db: Db, userId: number, now: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** True when `leitai init --separation` switched 三权分立 on for this installation. */
export async function separationStored(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('security_settings')
    .select('separation_of_duties')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Boolean(row?.separation_of_duties);
}

export async function storeSeparation(db: Db, now: string): Promise<void> {
  await db
    .insertInto('security_settings')
    .values({
      id: 1,
      policy_json: JSON.stringify(DEFAULT_POLICY),
      separation_of_duties: 1,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ separation_of_duties: 1, updated_at: now }))
    .execute();
}
