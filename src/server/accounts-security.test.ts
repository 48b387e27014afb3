/**
 * 等保2.0 level 3 accounts (issue 19) and the sign-in findings of issue 12: TOTP, the password
 * policy, 三权分立, audit completeness and export, lockout per account, tokens and passwords,
 * TRUST_PROXY. Every test runs on SQLite and PostgreSQL.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { matchTotp, totpOf } from '../app/totp.ts';
import { createUser } from '../app/users.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from './app.ts';
import { serverDeps } from './deps.ts';

describe('TOTP against RFC 6238 appendix B (SHA-1)', () => {
  // The RFC's SHA-1 seed is the ASCII "12345678901234567890".
  const secret = Secret.fromLatin1('12345678901234567890');
  const rfc = new TOTP({ algorithm: 'SHA1', digits: 8, period: 30, secret });
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s → %s', (seconds, code) => {
    expect(rfc.generate({ timestamp: seconds * 1000 })).toBe(code);
    // Leitai's 6-digit codes are the same values truncated (HOTP mod 10^6), within ±1 step.
    const at = new Date(seconds * 1000);
    expect(matchTotp(secret.base32, code.slice(2), at)).toBe(Math.floor(seconds / 30));
    expect(matchTotp(secret.base32, code.slice(2), new Date(at.getTime() + 30_000))).toBe(
      Math.floor(seconds / 30),
    );
    expect(matchTotp(secret.base32, code.slice(2), new Date(at.getTime() + 61_000))).toBeNull();
  });
});

type Cookie = { cookie: string; csrf: string };
const form = (who: Cookie) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf });

async function auditActions(s: TestServer, query: string): Promise<string[]> {
  const res = await s.as('admin', { url: `/api/v1/audit?limit=500&${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((e: { action: string }) => e.action);
}

describeEachDialect('accounts: second factor, password policy, lockout, tokens', (use) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  it('enrols TOTP with a QR image, then requires a fresh code at sign-in; recovery codes work once', async () => {
    const me = await s.login('zuzhibu');
    const start = await s.app.inject({ method: 'POST', url: '/api/v1/me/totp', headers: form(me) });
    expect(start.statusCode).toBe(200);
    const { secret, uri, qrDataUrl } = start.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const totp = totpOf(secret);
    const code = (offsetSeconds = 0) =>
      totp.generate({ timestamp: s.clock.now().getTime() + offsetSeconds * 1000 });
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/confirm',
      headers: form(me),
      payload: { code: code() === '123456' ? '654321' : '123456' },
    });
    expect(wrong.json().error.code).toBe('TOTP_CODE_WRONG');
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/v1/me/totp/confirm',
      headers: form(me),
      payload: { code: code() },
    });
    expect(ok.statusCode).toBe(200);
    const recovery: string[] = ok.json().recoveryCodes;
    expect(recovery).toHaveLength(10);

    const login = (totp?: string) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'zuzhibu', password: s.passwords.zuzhibu, ...(totp ? { totp } : {}) },
      });
    expect((await login()).json().error.code).toBe('TOTP_REQUIRED');
    // The enrolment's own code was used: the same code again is a replay.
    expect((await login(code())).json().error.code).toBe('TOTP_INVALID');
    s.clock.advanceMinutes(1);
    expect((await login('000000')).json().error.code).toBe('TOTP_INVALID');
    // One step behind is still accepted (clock drift), and then not again.
    const behind = code(-30);
    const signedIn = await login(behind);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().totpEnabled).toBe(true);
    expect(signedIn.json().previousSignIn.failuresSince).toBe(2);
    expect((await login(behind)).json().error.code).toBe('TOTP_INVALID');
    expect((await login(recovery[0]!)).statusCode).toBe(200);
    expect((await login(recovery[0]!)).json().error.code).toBe('TOTP_INVALID');
    const actions = await auditActions(s, 'kind=signin&actor=zuzhibu');
    expect(actions.filter((a) => a === 'session.login_failed').length).toBeGreaterThanOrEqual(3);

    // A lost phone: the security admin (here the admin, separation off) resets the factor.
    const reset = await s.as('admin', { method: 'DELETE', url: '/api/v1/users/zuzhibu/totp' });
    expect(reset.statusCode).toBe(204);
    expect((await login()).statusCode).toBe(200);
    expect(await auditActions(s, 'kind=account')).toContain('totp.reset');
  });

  it('signs in by user name only; failures per account count atomically and lock it', async () => {
    const id = (await s.as('admin', { url: '/api/v1/users/yangzhuang' })).json().id as number;
    for (const name of [String(id), `0${id}`]) {
      expect((await s.login(name, s.passwords.yangzhuang)).res.statusCode).toBe(401);
    }
    // Ten wrong passwords at once: each one counted (failures = failures + 1), the account locked.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => s.login('yangzhuang', 'wrong-password')),
    );
    expect(attempts.every((a) => [401, 429].includes(a.res.statusCode))).toBe(true);
    const { db } = use().ctx;
    const row = await db
      .selectFrom('user_security')
      .select(['failures', 'locked_until'])
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBeGreaterThanOrEqual(5);
    expect(row.locked_until).not.toBeNull();
    expect((await s.login('yangzhuang')).res.statusCode).toBe(429);
    expect(await auditActions(s, 'kind=signin&action=session.lockout')).toContain(
      'session.lockout',
    );
    // The security admin unlocks it at once.
    const unlock = await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/users/yangzhuang',
      payload: { active: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect((await s.login('yangzhuang')).res.statusCode).toBe(200);
  });

  it('slows an address past its limit down but still lets a right password in', async () => {
    s.clock.advanceMinutes(30);
    for (let i = 0; i < 20; i++) await s.login(`nobody-${i}`, 'x');
    s.sleeps.length = 0;
    const known = await s.login('huangshanpu');
    expect(known.res.statusCode).toBe(200);
    // huangshanpu never signed in from here before this: slowed, not refused.
    expect(s.sleeps).toContain(2000);
    s.sleeps.length = 0;
    expect((await s.login('huangshanpu')).res.statusCode).toBe(200);
    // Now a known-good pair: no wait.
    expect(s.sleeps).not.toContain(2000);
  });

  it('refuses weak and reused passwords, and forces a change of a password set by someone else', async () => {
    const made = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'clerk-weak', unit: '371323104', roles: ['reporter'] },
    });
    expect(made.statusCode).toBe(201);
    const first = await s.login('clerk-weak', made.json().password);
    expect(first.res.json().restriction).toBe('password_first');
    const blocked = await s.app.inject({ url: '/api/v1/contests', headers: form(first) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = (current: string, next: string, who: Cookie = first) =>
      s.app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        headers: form(who),
        payload: { current, next },
      });
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password12']) {
      const res = await change(made.json().password, weak);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('WEAK_PASSWORD');
      expect(res.json().error.message).toMatch(/密码不符合要求/);
    }
    expect((await change(made.json().password, 'Qiu-shou-2026')).statusCode).toBe(204);
    expect((await s.app.inject({ url: '/api/v1/contests', headers: form(first) })).statusCode).toBe(
      200,
    );
    const again = await change('Qiu-shou-2026', 'Chun-geng-2026');
    expect(again.statusCode).toBe(204);
    const back = await change('Chun-geng-2026', 'Qiu-shou-2026');
    expect(back.json().error.code).toBe('PASSWORD_REUSED');
    expect(await auditActions(s, 'kind=account')).toContain('user.change_password_refused');
  });

  it('revokes API tokens when the owner changes the password and when an admin resets it', async () => {
    const token = await s.token('huangshanpu');
    const me = () =>
      s.app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const who = await s.login('huangshanpu');
    const next = 'Huang-shan-pu-9';
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: form(who),
      payload: { current: s.passwords.huangshanpu, next },
    });
    expect(res.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);
    const second = (
      await s.as('admin', {
        method: 'POST',
        url: '/api/v1/users/huangshanpu/tokens',
        payload: { name: 'x' },
      })
    ).json().token as string;
    await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/users/huangshanpu',
      payload: { resetPassword: true },
    });
    const after = await s.app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${second}` },
    });
    expect(after.statusCode).toBe(401);
    expect(await auditActions(s, 'kind=account')).toContain('token.revoke_all');
  });

  it('expires passwords by the policy; the policy refuses values below the floor', async () => {
    const bad = await s.as('admin', {
      method: 'PUT',
      url: '/api/v1/security/policy',
      payload: { minLength: 6, minClasses: 2, expiryDays: 90, historySize: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/最小长度不能少于 8 位/);
    const zeroDays = await s.as('admin', {
      method: 'PUT',
      url: '/api/v1/security/policy',
      payload: { minLength: 8, minClasses: 2, expiryDays: 0, historySize: 5 },
    });
    expect(zeroDays.json().error.message).toMatch(/有效期不能少于 1 天/);
    expect((await s.as('admin', { url: '/api/v1/security/policy' })).json().minLength).toBe(10);
    const set = await s.as('admin', {
      method: 'PUT',
      url: '/api/v1/security/policy',
      payload: { minLength: 12, minClasses: 3, expiryDays: 1, historySize: 5 },
    });
    expect(set.statusCode).toBe(200);
    const actions = await auditActions(s, 'kind=account');
    expect(actions).toContain('policy.update');
    expect(actions.filter((a) => a === 'policy.update_refused')).toHaveLength(2);
    s.clock.advanceMinutes(2 * 24 * 60);
    const old = await s.login('lingdao');
    expect(old.res.json().restriction).toBe('password_expired');
    const blocked = await s.app.inject({ url: '/api/v1/contests', headers: form(old) });
    expect(blocked.json().error.code).toBe('PASSWORD_EXPIRED');
    expect(await auditActions(s, 'kind=signin')).toContain('session.password_expired');
    await s.as('admin', {
      method: 'PUT',
      url: '/api/v1/security/policy',
      payload: { minLength: 10, minClasses: 2, expiryDays: null, historySize: 5 },
    });
  });
});

describeEachDialect('三权分立 separation of duties', (use) => {
  let s: TestServer;
  const pw: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer(use(), { settings: { separationOfDuties: true } });
    const { ctx } = use();
    for (const [username, role] of [
      ['anquan', 'secadmin'],
      ['shenji', 'auditor'],
    ] as const) {
      pw[username] = (
        await createUser(ctx, { username, unit: '371323', roles: [role] }, { forceChange: false })
      ).password!;
    }
  });
  afterAll(() => s.close());

  it('keeps the admin out of roles and the audit log; the secadmin grants, the auditor reads', async () => {
    expect((await s.as('admin', { url: '/api/v1/audit' })).statusCode).toBe(403);
    const grant = {
      method: 'PATCH' as const,
      url: '/api/v1/users/lingdao',
      payload: { roles: ['viewer', 'organizer'] },
    };
    expect((await s.as('admin', grant)).statusCode).toBe(403);
    expect((await s.as('anquan', grant)).statusCode).toBe(200);
    expect((await s.as('anquan', { url: '/api/v1/audit' })).statusCode).toBe(403);
    const read = await s.as('shenji', { url: '/api/v1/audit?kind=account' });
    expect(read.statusCode).toBe(200);
    expect(read.json().items.map((e: { action: string }) => e.action)).toContain(
      'user.grant_roles',
    );
    expect((await s.as('shenji', grant)).statusCode).toBe(403);
  });

  it("lists each account with a may that splits the admin's edits from the secadmin's grants", async () => {
    const listed = async (user: string) =>
      (await s.as(user, { url: '/api/v1/users?unit=371323&limit=200' }))
        .json()
        .items.find((u: { username: string }) => u.username === 'lingdao');
    const admin = await s.as('admin', { url: '/api/v1/users?unit=371323&limit=200' });
    expect(admin.json().may).toEqual({ create: false, security: false });
    const asAdmin = (await listed('admin')).may;
    const asSecadmin = (await listed('anquan')).may;
    expect(asAdmin).toMatchObject({ edit: true, grant: false, tokens: true, resetTotp: false });
    expect(asSecadmin).toMatchObject({ edit: false, grant: true, tokens: false, resetTotp: true });
    const before = (await s.as('admin', { url: '/api/v1/users/lingdao' })).json();
    // A save carrying both halves (what the edit form sent before it read may) is refused to both;
    // each half alone goes through for the one whose may says so.
    const both = { displayName: before.displayName, roles: before.roles, active: true };
    for (const user of ['admin', 'anquan']) {
      const res = await s.as(user, {
        method: 'PATCH',
        url: '/api/v1/users/lingdao',
        payload: both,
      });
      expect(res.statusCode).toBe(403);
    }
    const edit = await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/users/lingdao',
      payload: { displayName: before.displayName },
    });
    expect(edit.statusCode).toBe(asAdmin.edit ? 200 : 403);
    const grant = await s.as('anquan', {
      method: 'PATCH',
      url: '/api/v1/users/lingdao',
      payload: { roles: before.roles, active: true },
    });
    expect(grant.statusCode).toBe(asSecadmin.grant ? 200 : 403);
    expect((await s.as('anquan', { url: '/api/v1/users?unit=371323' })).json().may).toEqual({
      create: true,
      security: true,
    });
  });

  it('refuses one user two of the three roles, with a message, audited, nothing changed', async () => {
    const res = await s.as('anquan', {
      method: 'PATCH',
      url: '/api/v1/users/admin',
      payload: { roles: ['admin', 'auditor'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ROLE_CONFLICT');
    expect(res.json().error.message).toContain('系统管理员和审计管理员');
    expect((await s.as('anquan', { url: '/api/v1/users/admin' })).json().roles).toEqual([
      'admin',
      'organizer',
    ]);
    const log = await s.as('shenji', { url: '/api/v1/audit?action=user.grant_roles_refused' });
    expect(log.json().total).toBe(1);
  });

  it('exports the log as CSV and XLSX for the auditor, and the export is audited', async () => {
    const csv = await s.as('shenji', { url: '/api/v1/audit/export.csv?kind=account' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('user.grant_roles');
    expect(csv.body).not.toContain('session.login,');
    const xlsx = await s.as('shenji', { url: '/api/v1/audit/export.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const log = await s.as('shenji', { url: '/api/v1/audit?kind=export' });
    expect(log.json().items.map((e: { action: string }) => e.action)).toEqual([
      'audit.export',
      'audit.export',
    ]);
    // Nothing in the API deletes audit events.
    expect((await s.as('shenji', { method: 'DELETE', url: '/api/v1/audit' })).statusCode).toBe(404);
  });

  it('requires a second factor of privileged roles when LEITAI_REQUIRE_TOTP is on', async () => {
    const strict = await startTestServer(use(), {
      settings: { separationOfDuties: true, requireTotp: true },
    });
    try {
      const who = await strict.login('anquan', pw.anquan);
      expect(who.res.json().restriction).toBe('totp_setup');
      const blocked = await strict.app.inject({ url: '/api/v1/users', headers: form(who) });
      expect(blocked.json().error.code).toBe('TOTP_SETUP_REQUIRED');
      const reporter = await strict.login('yangzhuang');
      expect(reporter.res.json().restriction).toBeNull();
    } finally {
      await strict.close();
    }
  });
});

describeEachDialect('TRUST_PROXY and HSTS', (use) => {
  it('takes the client address and https from the proxy only when told to trust it', async () => {
    await startTestServer(use()).then((s) => s.close());
    for (const trust of [false, true]) {
      const config = loadConfig({ TRUST_PROXY: trust ? '1' : '0' });
      const app = await buildServer(serverDeps(use().handle, config, { version: 'x' }));
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
        payload: { username: 'nobody-proxy', password: 'x' },
      });
      expect(res.statusCode).toBe(401);
      expect(Boolean(res.headers['strict-transport-security'])).toBe(trust);
      const last = await use()
        .ctx.db.selectFrom('audit_events')
        .select('after_json')
        .where('action', '=', 'session.login_failed')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(last.after_json!).ip).toBe(trust ? '203.0.113.7' : '127.0.0.1');
      await app.close();
    }
  });
});
