/**
 * Hostile input never reaches the database driver: NUL bytes and lone surrogates anywhere in the
 * path, query or body are a 400, and ids beyond the id column's range are a 400 — never a 500,
 * on either database (PostgreSQL refuses both at the driver).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from './app.ts';
import { serverDeps } from './deps.ts';

describeEachDialect('hostile input', (use) => {
  let s: TestServer;
  const routes: { method: string; url: string }[] = [];
  beforeAll(async () => {
    s = await startTestServer(use());
    const probe = await buildServer(serverDeps(use().handle, loadConfig({}), { version: 'x' }), {
      onRoute: (r) => {
        if (r.url.startsWith('/api/v1') && r.method !== 'HEAD') routes.push(r);
      },
    });
    await probe.close();
  });
  afterAll(async () => s?.close());

  it('answers every endpoint given a huge id, a NUL or a lone surrogate with a 4xx', async () => {
    const failures: string[] = [];
    const body = { username: 'a\u0000b', note: 'x\u0000', name: 'x\ud800', title: '\u0000' };
    for (const r of routes) {
      for (const v of ['99999999999', '2147483648', 'a%00b', '%ED%A0%80']) {
        const url = r.url.replace(/:[A-Za-z]+/g, v);
        for (const who of ['admin', null]) {
          const res = await s.as(who, {
            method: r.method as 'GET',
            url,
            ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: body }),
          });
          if (res.statusCode >= 500) failures.push(`${who} ${r.method} ${url}: ${res.statusCode}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });

  it('refuses ids beyond the column range with 400, and names the parameter', async () => {
    for (const url of [
      '/api/v1/contests/99999999999',
      '/api/v1/rounds/2147483648',
      '/api/v1/public/contests/99999999999',
      '/api/v1/public/rounds/99999999999',
      '/api/v1/public/contests/1/rubrics/99999999999',
    ]) {
      const res = await s.as('admin', { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    // The largest id the column holds is simply not found.
    expect((await s.as('admin', { url: '/api/v1/contests/2147483647' })).statusCode).toBe(404);
    const offset = await s.as('admin', { url: '/api/v1/units?offset=99999999999' });
    expect(offset.statusCode).toBe(400);
  });

  it('refuses a NUL or lone surrogate in a body, query or path with 400 naming the field', async () => {
    const login = await s.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'admin\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.message).toContain('body.username');
    // A lone surrogate written as a JSON escape survives JSON.parse.
    const surrogate = await s.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"zz","displayName":"\\ud800x","unit":"371323","roles":["viewer"]}',
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.message).toContain('body.displayName');
    const query = await s.as('admin', { url: '/api/v1/units?q=a%00' });
    expect(query.statusCode).toBe(400);
    for (const url of [
      '/api/v1/units/a%00b',
      '/api/v1/users/a%00b',
      '/api/v1/public/units/%00/history',
    ]) {
      const res = await s.as('admin', { url });
      expect(res.statusCode, url).toBe(400);
    }
    // A surrogate pair (an emoji) is fine.
    const emoji = await s.as('admin', { url: '/api/v1/units?q=%F0%9F%98%80' });
    expect(emoji.statusCode).toBe(200);
  });
});
