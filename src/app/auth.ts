import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, type ErrorCode } from '../core/errors.ts';
import { type PasswordPolicy, passwordExpired } from '../core/password-policy.ts';
import { effectiveRoles, PRIVILEGED_ROLES, type Role } from '../core/permissions.ts';
import type { UnitRef } from '../core/units.ts';
import {
  addressFailures,
  countAccountFailure,
  countAddressFailure,
  findUserByUsername,
  findUserSecurity,
  lockThrottle,
  policyFrom,
  readPolicy,
  updateUserSecurity,
} from '../db/account-security.repository.ts';
import { appendAuditEvent } from '../db/audit.repository.ts';
import { fromDbBool } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import {
  deleteSession,
  findSessionAuth,
  findThrottle,
  findTokenAuth,
  insertSession,
  markTokenUsed,
  touchSession,
  versionsOfRow,
} from '../db/session.repository.ts';
import { findUnit, pathsOf } from '../db/unit.repository.ts';
import { type User, userFromRow } from '../db/user.repository.ts';
import type { Actor, Clock, ViewVersions } from './context.ts';
import { createsContests } from './policies/contest.ts';
import { readsBoardsBelow } from './policies/points.ts';
import { decoyHash, randomToken, sha256, verifyPassword } from './secrets.ts';
import { checkSecondFactor } from './totp.ts';

export const Login = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The second factor: a 6-digit TOTP code or a recovery code (needed once TOTP is on). */
  totp: z.string().trim().min(1).max(20).optional(),
});
export type Login = z.infer<typeof Login>;

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failures of one account within the window before it locks. */
  maxAccountFailures: number;
  /** Failures from one address within the window before its attempts are slowed down. */
  maxAddressFailures: number;
  windowMinutes: number;
  lockMinutes: number;
  /** 三权分立 on (DESIGN §1): an admin no longer acts as security admin and auditor. */
  separationOfDuties: boolean;
  /** Privileged roles must have a second factor before they may do anything. */
  requireTotp: boolean;
  /** Waits before answering a failed attempt; injected so tests need not wait. */
  sleep: (ms: number) => Promise<void>;
}

export const defaultAuthSettings: AuthSettings = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxAccountFailures: 5,
  maxAddressFailures: 20,
  windowMinutes: 15,
  lockMinutes: 15,
  separationOfDuties: false,
  requireTotp: false,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The slow-down after the n-th consecutive failure: none for two, then 0.5 s, 1 s, 2 s, at most 4 s. */
export function failureDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(4000, 500 * 2 ** (failures - 3));
}

/** The wait of every attempt from an address past its limit: it slows guessing, locks no one out. */
export const ADDRESS_DELAY_MS = 2000;

const INVALID = '用户名或密码错误';

/** Why a signed-in session may do nothing but put it right (DESIGN §1, issue 19). */
export type Restriction = 'password_first' | 'password_expired' | 'totp_setup';

const RESTRICTION_MESSAGES: Record<Restriction, [ErrorCode, string]> = {
  password_first: ['PASSWORD_CHANGE_REQUIRED', '首次登录请先修改由他人设置的密码'],
  password_expired: ['PASSWORD_EXPIRED', '密码已过期，请先修改密码'],
  totp_setup: ['TOTP_SETUP_REQUIRED', '管理类账号须先绑定动态口令（两步验证）'],
};

export function restrictionError(restriction: Restriction): DomainError {
  const [code, message] = RESTRICTION_MESSAGES[restriction];
  return new DomainError(code, message, { restriction });
}

export interface SessionInfo {
  user: User;
  unit: UnitRef;
  unitPath: UnitRef[];
  csrfToken: string;
  expiresAt: string;
  /** The roles the user acts with (an admin also acts as secadmin and auditor without separation). */
  effectiveRoles: Role[];
  separationOfDuties: boolean;
  /** Set while the session may only change the password or enrol the second factor. */
  restriction: Restriction | null;
  totpEnabled: boolean;
  /**
   * What the user may do at their own unit (policies): read the points boards of its subtree,
   * start contests there.
   */
  may: { pointsBoards: boolean; createContests: boolean };
  /** The sign-in before this one, and the failed attempts since (shown at sign-in). */
  previousSignIn?: { at: string | null; ip: string | null; failuresSince: number };
}

const minutes = (n: number) => n * 60_000;

type LoginDeps = { db: Kysely<Database>; clock: Clock; settings: AuthSettings };

/** Records a sign-in event in the audit chain (its own statement; sign-in has no other write). */
function auditSignIn(
  db: Kysely<Database>,
  at: Date,
  who: { userId: number | null; name: string; unitId: number | null },
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  return appendAuditEvent(
    db,
    {
      actorUserId: who.userId,
      actorName: who.name.slice(0, 100),
      unitId: who.unitId,
      action,
      entityType: 'user',
      entityId: who.userId ?? who.name.slice(0, 100),
      after,
    },
    at.toISOString(),
  );
}

/** The restriction of a user whose security row and the password policy are at hand. */
function restrictionFrom(
  settings: AuthSettings,
  user: { roles: readonly Role[] },
  sec:
    | {
        must_change_password: number | boolean;
        password_changed_at: string | null;
        totp_secret: string | null;
      }
    | undefined,
  policy: PasswordPolicy | undefined,
  now: Date,
): Restriction | null {
  if (sec && fromDbBool(sec.must_change_password)) return 'password_first';
  if (sec && policy && passwordExpired(policy, sec.password_changed_at, now)) {
    return 'password_expired';
  }
  if (
    settings.requireTotp &&
    !sec?.totp_secret &&
    user.roles.some((r) => PRIVILEGED_ROLES.includes(r))
  ) {
    return 'totp_setup';
  }
  return null;
}

/**
 * Password (and second factor) sign-in by user name only. Failures count per account in one
 * statement and lock the account for a while; failures per address count apart and, past their
 * limit, slow that address down without locking anyone out (a county office behind one NAT).
 * The answer is the same whether or not the user name exists. Every outcome is audited.
 */
export async function login(
  deps: LoginDeps,
  input: Login & { ip: string | null; userAgent: string | null },
): Promise<{ sessionId: string; session: SessionInfo }> {
  const { db, clock, settings } = deps;
  const now = clock.now();
  const windowStart = new Date(now.getTime() - minutes(settings.windowMinutes)).toISOString();
  const ipKey = input.ip ? `ip:${input.ip}` : null;
  const row = await findUserByUsername(db, input.username);
  const sec = row ? await findUserSecurity(db, row.id) : undefined;
  const who = { userId: row?.id ?? null, name: input.username, unitId: row?.unit_id ?? null };
  const meta = { username: input.username.slice(0, 100), ip: input.ip };

  if (ipKey && (await addressFailures(db, ipKey, windowStart)) >= settings.maxAddressFailures) {
    // A known-good pair (the account last signed in from here) is not slowed down.
    if (!(sec?.last_login_ip && sec.last_login_ip === input.ip)) {
      await settings.sleep(ADDRESS_DELAY_MS);
    }
  }
  // An unknown name counts and locks like an account (login_throttle), so a lock tells nothing.
  const nameKey = row ? null : `name:${input.username.toLowerCase()}`;
  const lockedUntil = row
    ? sec?.locked_until
    : (await findThrottle(db, [nameKey!]))[0]?.locked_until;
  if (lockedUntil && new Date(lockedUntil) > now) {
    await auditSignIn(db, now, who, 'session.login_failed', { ...meta, reason: 'locked' });
    const retryAfter = Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 1000);
    throw new DomainError(
      'RATE_LIMITED',
      `登录失败次数过多，账号已锁定，请 ${Math.ceil(retryAfter / 60)} 分钟后再试或联系安全管理员`,
      { retryAfter, params: { minutes: Math.ceil(retryAfter / 60) } },
    );
  }
  const usable = row?.active ? row : undefined;
  const ok = usable
    ? await verifyPassword(usable.password_hash, input.password)
    : (await verifyPassword(await decoyHash(), input.password)) && false;

  const fail = async (reason: string, error: DomainError): Promise<never> => {
    const nowIso = now.toISOString();
    const failures = await db.transaction().execute(async (trx) => {
      const n = row
        ? await countAccountFailure(trx, row.id, nowIso, windowStart)
        : await countAddressFailure(trx, nameKey!, nowIso, windowStart);
      if (ipKey) await countAddressFailure(trx, ipKey, nowIso, windowStart);
      await auditSignIn(trx, now, who, 'session.login_failed', { ...meta, reason });
      if (n >= settings.maxAccountFailures) {
        const until = new Date(now.getTime() + minutes(settings.lockMinutes)).toISOString();
        if (row) await updateUserSecurity(trx, row.id, { locked_until: until });
        else await lockThrottle(trx, nameKey!, until);
        await auditSignIn(trx, now, who, 'session.lockout', { ...meta, failures: n, until });
      }
      return n;
    });
    await settings.sleep(failureDelayMs(failures));
    throw error;
  };

  if (!ok || !usable) {
    return fail('password', new DomainError('INVALID_CREDENTIALS', INVALID));
  }
  if (sec?.totp_secret) {
    if (!input.totp) {
      throw new DomainError('TOTP_REQUIRED', '请输入动态口令（两步验证码）', { field: 'totp' });
    }
    if (!(await checkSecondFactor(db, usable.id, sec.totp_secret, input.totp, now))) {
      return fail(
        'totp',
        new DomainError('TOTP_INVALID', '动态口令不正确、已过期或已用过', { field: 'totp' }),
      );
    }
  }
  const user = userFromRow(usable);
  const sessionId = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString();
  const previousSignIn = {
    at: sec?.last_login_at ?? null,
    ip: sec?.last_login_ip ?? null,
    failuresSince: sec?.failures_since_login ?? 0,
  };
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      idHash: sha256(sessionId),
      userId: usable.id,
      csrfToken,
      now: now.toISOString(),
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserSecurity(trx, usable.id, {
      failures: 0,
      first_failure_at: null,
      locked_until: null,
      last_login_at: now.toISOString(),
      last_login_ip: input.ip,
      failures_since_login: 0,
    });
    await auditSignIn(trx, now, who, 'session.login', {
      ip: input.ip,
      secondFactor: Boolean(sec?.totp_secret),
    });
  });
  const info = await sessionInfo(db, settings, user, csrfToken, expiresAt, now);
  if (info.restriction === 'password_expired') {
    await auditSignIn(db, now, who, 'session.password_expired', { ip: input.ip });
  }
  return { sessionId, session: { ...info, previousSignIn } };
}

async function sessionInfo(
  db: Kysely<Database>,
  settings: AuthSettings,
  user: User,
  csrfToken: string,
  expiresAt: string,
  now: Date,
): Promise<SessionInfo> {
  const unit = await findUnit(db, user.unitId);
  const path = (await pathsOf(db, [user.unitId])).get(user.unitId) ?? [];
  const sec = await findUserSecurity(db, user.id);
  const restriction = restrictionFrom(
    settings,
    user,
    sec,
    sec ? await readPolicy(db) : undefined,
    now,
  );
  const principal = {
    userId: user.id,
    unitId: user.unitId,
    roles: effectiveRoles(user.roles, settings.separationOfDuties),
  };
  const ownPath = path.map((u) => u.id);
  return {
    user,
    unit: { id: unit!.id, code: unit!.code, name: unit!.name, kind: unit!.kind },
    unitPath: path,
    csrfToken,
    expiresAt,
    effectiveRoles: principal.roles,
    separationOfDuties: settings.separationOfDuties,
    restriction,
    totpEnabled: Boolean(sec?.totp_secret),
    may: {
      pointsBoards: readsBoardsBelow(principal, ownPath),
      createContests: createsContests(principal, ownPath),
    },
  };
}

/** The actor of a user: with separation off, an admin also acts as secadmin and auditor. */
export function actorOf(user: User, settings: { separationOfDuties: boolean }): Actor {
  return {
    kind: 'user',
    userId: user.id,
    name: user.username,
    unitId: user.unitId,
    roles: effectiveRoles(user.roles, settings.separationOfDuties),
  };
}

export interface Authenticated {
  actor: Actor;
  user: User;
  /** Set for cookie sessions: the CSRF token mutations must echo, and the session's hash. */
  session?: { idHash: string; csrfToken: string; expiresAt: string };
  /** Set while a cookie session may only change the password or enrol the second factor. */
  restriction?: Restriction | null;
  /** Read in the same statement as the session or token (AppContext.versions). */
  versions: ViewVersions;
}

/** The user behind a session cookie, or undefined when it is unknown, idle too long or too old. */
export async function authenticateSession(
  deps: { db: Kysely<Database>; clock: Clock; settings: AuthSettings },
  sessionId: string,
): Promise<Authenticated | undefined> {
  const { db, clock, settings } = deps;
  const idHash = sha256(sessionId);
  const row = await findSessionAuth(db, idHash);
  if (!row) return undefined;
  const now = clock.now();
  const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at) <= now || idleSince > minutes(settings.sessionIdleMinutes)) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (!row.active) return undefined;
  // Refresh the idle clock at most once a minute, not on every request.
  if (idleSince > 60_000) await touchSession(db, idHash, now.toISOString());
  const user = userFromRow(row);
  const sec =
    row.security_user_id === null
      ? undefined
      : {
          must_change_password: row.must_change_password ?? 0,
          password_changed_at: row.password_changed_at,
          totp_secret: row.totp_secret,
        };
  return {
    actor: actorOf(user, settings),
    user,
    session: { idHash, csrfToken: row.csrf_token, expiresAt: row.expires_at },
    restriction: restrictionFrom(settings, user, sec, policyFrom(row.policy_json), now),
    versions: versionsOfRow(row),
  };
}

/** The user behind an API token, or undefined when it is unknown or revoked. */
export async function authenticateToken(
  deps: { db: Kysely<Database>; clock: Clock; settings: AuthSettings },
  token: string,
): Promise<Authenticated | undefined> {
  const row = await findTokenAuth(deps.db, sha256(token));
  if (!row || row.revoked_at || !row.active) return undefined;
  const now = deps.clock.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await markTokenUsed(deps.db, row.token_id, now.toISOString());
  }
  const user = userFromRow(row);
  return { actor: actorOf(user, deps.settings), user, versions: versionsOfRow(row) };
}

export async function currentSession(
  deps: { db: Kysely<Database>; clock: Clock; settings: AuthSettings },
  auth: Authenticated,
): Promise<SessionInfo> {
  return sessionInfo(
    deps.db,
    deps.settings,
    auth.user,
    auth.session?.csrfToken ?? '',
    auth.session?.expiresAt ?? '',
    deps.clock.now(),
  );
}

/** Ends a session; the sign-out is audited. */
export async function logout(
  deps: { db: Kysely<Database>; clock: Clock },
  auth: Authenticated,
): Promise<void> {
  if (!auth.session) return;
  const { idHash } = auth.session;
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, idHash);
    await auditSignIn(
      trx,
      deps.clock.now(),
      { userId: auth.user.id, name: auth.user.username, unitId: auth.user.unitId },
      'session.logout',
      {},
    );
  });
}
