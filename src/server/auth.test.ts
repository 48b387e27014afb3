import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';

describeEachDialect('sign-in, sessions, tokens and security basics', (use) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(use());
  });
  afterAll(() => s.close());

  it('signs in with a password into an HttpOnly, SameSite session cookie and signs out', async () => {
    const { cookie, csrf, res } = await s.login('huangshanpu');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'huangshanpu', roles: ['reporter'] });
    expect(res.json().unit.name).toBe('黄山铺镇');
    expect(JSON.stringify(res.json())).not.toMatch(/argon2|password/i);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP here; Secure when served over HTTPS
    const me = await s.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(me.json().user.username).toBe('huangshanpu');
    const out = await s.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await s.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await s.login('lingdao', 'not-the-password');
    const unknown = await s.login('nobody-here', 'not-the-password');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json()).toEqual(unknown.res.json());
  });

  it('slows down repeated failures, then locks the account for a while', async () => {
    s.sleeps.length = 0;
    for (let i = 0; i < 5; i++) {
      expect((await s.login('yangzhuang', 'wrong-password')).res.statusCode).toBe(401);
    }
    expect(s.sleeps).toEqual([0, 0, 500, 1000, 2000]);
    const locked = await s.login('yangzhuang');
    expect(locked.res.statusCode).toBe(429);
    expect(locked.res.json().error.code).toBe('RATE_LIMITED');
    // An unknown name locks the same way, so the lock tells nothing either.
    for (let i = 0; i < 5; i++) await s.login('ghost', 'x');
    expect((await s.login('ghost', 'x')).res.json()).toEqual({
      ...locked.res.json(),
      error: { ...locked.res.json().error },
    });
    s.clock.advanceMinutes(16);
    expect((await s.login('yangzhuang')).res.statusCode).toBe(200);
  });

  it('ends a session after the idle time and after the absolute limit', async () => {
    const idle = await s.login('lingdao');
    s.clock.advanceMinutes(29);
    expect(
      (await s.app.inject({ url: '/api/v1/session', headers: { cookie: idle.cookie } })).statusCode,
    ).toBe(200);
    s.clock.advanceMinutes(31);
    expect(
      (await s.app.inject({ url: '/api/v1/session', headers: { cookie: idle.cookie } })).statusCode,
    ).toBe(401);

    const busy = await s.login('lingdao');
    for (let hour = 0; hour < 12; hour++) {
      s.clock.advanceMinutes(25);
      s.clock.advanceMinutes(25);
      await s.app.inject({ url: '/api/v1/session', headers: { cookie: busy.cookie } });
      s.clock.advanceMinutes(10);
    }
    expect(
      (await s.app.inject({ url: '/api/v1/session', headers: { cookie: busy.cookie } })).statusCode,
    ).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated mutations, not on bearer tokens', async () => {
    const { cookie, csrf } = await s.login('admin');
    const body = { code: 'csrf-1', name: '测试科室', kind: 'department', parent: '371323' };
    const without = await s.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    expect((await s.app.inject('/api/v1/units/csrf-1')).statusCode).toBe(404);
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const right = await s.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: body,
    });
    expect(right.statusCode).toBe(201);
    const bearer = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/units',
      payload: { ...body, code: 'csrf-2' },
    });
    expect(bearer.statusCode).toBe(201);
  });

  it('changes a password, ending the other sessions; an admin reset gives a one-time password', async () => {
    const first = await s.login('zuzhibu');
    const second = await s.login('zuzhibu');
    const short = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
      payload: { current: s.passwords.zuzhibu, next: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('WEAK_PASSWORD');
    expect(short.json().error.details.field).toBe('next');
    const wrongCurrent = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
      payload: { current: 'nope', next: 'a-new-long-password' },
    });
    expect(wrongCurrent.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
      payload: { current: s.passwords.zuzhibu, next: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await s.app.inject({ url: '/api/v1/session', headers: { cookie: first.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await s.app.inject({ url: '/api/v1/session', headers: { cookie: second.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await s.login('zuzhibu', 'a-new-long-password')).res.statusCode).toBe(200);

    const reset = await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/users/zuzhibu',
      payload: { resetPassword: true },
    });
    expect(reset.statusCode).toBe(200);
    const fresh = reset.json().password as string;
    expect(fresh).toMatch(/^\S{16}$/);
    expect((await s.login('zuzhibu', 'a-new-long-password')).res.statusCode).toBe(401);
    expect((await s.login('zuzhibu', fresh)).res.statusCode).toBe(200);
  });

  it('shows an API token once, stores it hashed, and honours revocation', async () => {
    const made = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/users/lingdao/tokens',
      payload: { name: '大屏脚本' },
    });
    expect(made.statusCode).toBe(201);
    const { token, info } = made.json();
    const stored = await use()
      .handle.db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', info.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const me = await s.app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.username).toBe('lingdao');
    const list = await s.as('admin', { url: '/api/v1/users/lingdao/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const revoke = await s.as('admin', {
      method: 'DELETE',
      url: `/api/v1/users/lingdao/tokens/${info.id}`,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await s.app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sends security headers and never caches API answers', async () => {
    const res = await s.app.inject('/api/v1/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses a request body over the size limit with the error shape', async () => {
    const big = { code: 'big', name: 'x'.repeat(2 * 1024 * 1024), kind: 'other', parent: '371323' };
    const res = await s.as('admin', { method: 'POST', url: '/api/v1/units', payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('leaks no stack trace or SQL when something breaks inside', async () => {
    const { buildServer } = await import('./app.ts');
    const { serverDeps } = await import('./deps.ts');
    const { loadConfig } = await import('../config.ts');
    const broken = await buildServer(serverDeps(use().handle, loadConfig({}), { version: 'x' }));
    broken.get('/api/v1/boom', async () => {
      throw new Error(
        'select * from users where password_hash = $1 -- at Object.<anonymous> (/src/db/x.ts:1:1)',
      );
    });
    const res = await broken.inject('/api/v1/boom');
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(res.body).not.toMatch(/select|users|\.ts:|at Object/);
  });
});
