import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import type { UnitRef } from '../core/units.ts';
import type { Database } from '../db/schema.ts';
import {
  clearThrottle,
  deleteSession,
  findSession,
  findThrottle,
  findToken,
  insertSession,
  markTokenUsed,
  saveThrottle,
  touchSession,
} from '../db/session.repository.ts';
import { findUnit, pathsOf } from '../db/unit.repository.ts';
import { findUserRow, type User, userFromRow } from '../db/user.repository.ts';
import type { Actor, Clock } from './context.ts';
import { decoyHash, randomToken, sha256, verifyPassword } from './secrets.ts';

export const Login = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type Login = z.infer<typeof Login>;

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failures of one account within the window before it locks. */
  maxAccountFailures: number;
  /** Failures from one address within the window before it locks. */
  maxAddressFailures: number;
  windowMinutes: number;
  lockMinutes: number;
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
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The slow-down after the n-th consecutive failure: none for two, then 0.5 s, 1 s, 2 s, at most 4 s. */
export function failureDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(4000, 500 * 2 ** (failures - 3));
}

const INVALID = '用户名或密码错误 wrong user name or password';

export interface SessionInfo {
  user: User;
  unit: UnitRef;
  unitPath: UnitRef[];
  csrfToken: string;
  expiresAt: string;
}

const minutes = (n: number) => n * 60_000;

/**
 * Password login. Repeated failures for an account or an address slow down and then lock for a
 * while; the answer is the same whether or not the user name exists.
 */
export async function login(
  deps: { db: Kysely<Database>; clock: Clock; settings: AuthSettings },
  input: Login & { ip: string | null; userAgent: string | null },
): Promise<{ sessionId: string; session: SessionInfo }> {
  const { db, clock, settings } = deps;
  const now = clock.now();
  const keys = [`user:${input.username.toLowerCase()}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const throttles = await findThrottle(db, keys);
  const locked = throttles.find((t) => t.locked_until && new Date(t.locked_until) > now);
  if (locked?.locked_until) {
    const retryAfter = Math.ceil((new Date(locked.locked_until).getTime() - now.getTime()) / 1000);
    throw new DomainError(
      'RATE_LIMITED',
      `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试 too many failed sign-ins, try again later`,
      { retryAfter },
    );
  }
  const row = await findUserRow(db, input.username);
  const usable = row?.active ? row : undefined;
  const ok = usable
    ? await verifyPassword(usable.password_hash, input.password)
    : (await verifyPassword(await decoyHash(), input.password)) && false;
  if (!ok || !usable) {
    let worst = 0;
    for (const key of keys) {
      const prev = throttles.find((t) => t.key === key);
      const fresh =
        !prev ||
        now.getTime() - new Date(prev.first_failure_at).getTime() > minutes(settings.windowMinutes);
      const failures = fresh ? 1 : prev.failures + 1;
      const limit = key.startsWith('ip:')
        ? settings.maxAddressFailures
        : settings.maxAccountFailures;
      await saveThrottle(db, {
        key,
        failures,
        first_failure_at: fresh ? now.toISOString() : prev.first_failure_at,
        locked_until:
          failures >= limit
            ? new Date(now.getTime() + minutes(settings.lockMinutes)).toISOString()
            : null,
      });
      worst = Math.max(worst, key.startsWith('user:') ? failures : 0);
    }
    await settings.sleep(failureDelayMs(worst));
    throw new DomainError('INVALID_CREDENTIALS', INVALID);
  }
  await clearThrottle(db, keys.slice(0, 1));
  const sessionId = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString();
  await insertSession(db, {
    idHash: sha256(sessionId),
    userId: usable.id,
    csrfToken,
    now: now.toISOString(),
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { sessionId, session: await sessionInfo(db, userFromRow(usable), csrfToken, expiresAt) };
}

async function sessionInfo(
  db: Kysely<Database>,
  user: User,
  csrfToken: string,
  expiresAt: string,
): Promise<SessionInfo> {
  const unit = await findUnit(db, user.unitId);
  const path = (await pathsOf(db, [user.unitId])).get(user.unitId) ?? [];
  return {
    user,
    unit: { id: unit!.id, code: unit!.code, name: unit!.name, kind: unit!.kind },
    unitPath: path,
    csrfToken,
    expiresAt,
  };
}

export function actorOf(user: User): Actor {
  return {
    kind: 'user',
    userId: user.id,
    name: user.username,
    unitId: user.unitId,
    roles: user.roles,
  };
}

export interface Authenticated {
  actor: Actor;
  user: User;
  /** Set for cookie sessions: the CSRF token mutations must echo, and the session's hash. */
  session?: { idHash: string; csrfToken: string; expiresAt: string };
}

/** The user behind a session cookie, or undefined when it is unknown, idle too long or too old. */
export async function authenticateSession(
  deps: { db: Kysely<Database>; clock: Clock; settings: AuthSettings },
  sessionId: string,
): Promise<Authenticated | undefined> {
  const { db, clock, settings } = deps;
  const idHash = sha256(sessionId);
  const row = await findSession(db, idHash);
  if (!row) return undefined;
  const now = clock.now();
  const idleSince = now.getTime() - new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at) <= now || idleSince > minutes(settings.sessionIdleMinutes)) {
    await deleteSession(db, idHash);
    return undefined;
  }
  const userRow = await findUserRow(db, row.user_id);
  if (!userRow?.active) return undefined;
  // Refresh the idle clock at most once a minute, not on every request.
  if (idleSince > 60_000) await touchSession(db, idHash, now.toISOString());
  const user = userFromRow(userRow);
  return {
    actor: actorOf(user),
    user,
    session: { idHash, csrfToken: row.csrf_token, expiresAt: row.expires_at },
  };
}

/** The user behind an API token, or undefined when it is unknown or revoked. */
export async function authenticateToken(
  deps: { db: Kysely<Database>; clock: Clock },
  token: string,
): Promise<Authenticated | undefined> {
  const row = await findToken(deps.db, sha256(token));
  if (!row || row.revoked_at) return undefined;
  const userRow = await findUserRow(deps.db, row.user_id);
  if (!userRow?.active) return undefined;
  const now = deps.clock.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await markTokenUsed(deps.db, row.id, now.toISOString());
  }
  const user = userFromRow(userRow);
  return { actor: actorOf(user), user };
}

export async function currentSession(
  db: Kysely<Database>,
  auth: Authenticated,
): Promise<SessionInfo> {
  return sessionInfo(db, auth.user, auth.session?.csrfToken ?? '', auth.session?.expiresAt ?? '');
}

export async function logout(db: Kysely<Database>, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}
