/**
 * Every endpoint × every role × (inside / outside the actor's subtree) → the status it must get.
 * The actors all belong to 黄山铺镇; "inside" targets lie in 黄山铺镇, "outside" ones in 杨庄镇.
 * An endpoint added without a row here fails the first test.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createToken, createUser } from '../app/users.ts';
import { ROLES, type Role } from '../core/permissions.ts';

type Actor = Role | 'anonymous';
const ACTORS: Actor[] = [...ROLES, 'anonymous'];
type Expect = Record<Actor, number>;

const all = (status: number): Expect =>
  Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
const signedIn = (status: number): Expect => ({ ...all(status), anonymous: 401 });
const adminOnly = (status: number): Expect => ({ ...all(403), admin: status, anonymous: 401 });
const nobody: Expect = { ...all(403), anonymous: 401 };

interface Row {
  route: string;
  inside: (n: number) => InjectOptions;
  outside?: (n: number) => InjectOptions;
  expect: { inside: Expect; outside?: Expect };
}

const IN_TOWN = '371323104'; // 黄山铺镇
const IN_VILLAGE = '371323104276'; // 尧崖头村
const OUT_TOWN = '371323109'; // 杨庄镇
const tokenIds: Record<string, number> = {};

const ROWS: Row[] = [
  { route: 'GET /api/docs', inside: () => ({ url: '/api/docs' }), expect: { inside: all(200) } },
  {
    route: 'GET /api/v1/health',
    inside: () => ({ url: '/api/v1/health' }),
    expect: { inside: all(200) },
  },
  {
    route: 'GET /api/v1/units',
    inside: () => ({ url: `/api/v1/units?parent=${IN_TOWN}` }),
    outside: () => ({ url: `/api/v1/units?parent=${OUT_TOWN}` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'GET /api/v1/units/:id',
    inside: () => ({ url: `/api/v1/units/${IN_VILLAGE}` }),
    outside: () => ({ url: `/api/v1/units/${OUT_TOWN}` }),
    expect: { inside: all(200), outside: all(200) },
  },
  {
    route: 'POST /api/v1/units',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: `m-in-${n}`, name: '合作社', kind: 'other', parent: IN_TOWN },
    }),
    outside: (n) => ({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: `m-out-${n}`, name: '合作社', kind: 'other', parent: OUT_TOWN },
    }),
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'PATCH /api/v1/units/:id',
    inside: () => ({
      method: 'PATCH',
      url: `/api/v1/units/${IN_VILLAGE}`,
      payload: { name: '尧崖头村' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: `/api/v1/units/${OUT_TOWN}`,
      payload: { name: '杨庄镇' },
    }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/session',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: `x-${n}`, password: 'y' },
    }),
    expect: { inside: all(401) },
  },
  {
    route: 'GET /api/v1/session',
    inside: () => ({ url: '/api/v1/session' }),
    expect: { inside: signedIn(200) },
  },
  {
    route: 'DELETE /api/v1/session',
    inside: () => ({ method: 'DELETE', url: '/api/v1/session' }),
    expect: { inside: all(204) },
  },
  {
    route: 'POST /api/v1/session/password',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { current: 'not-it', next: 'long-enough-password' },
    }),
    expect: { inside: signedIn(400) },
  },
  {
    route: 'GET /api/v1/users',
    inside: () => ({ url: `/api/v1/users?unit=${IN_TOWN}` }),
    outside: () => ({ url: `/api/v1/users?unit=${OUT_TOWN}` }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/users',
    inside: (n) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `in-${n}`, unit: IN_VILLAGE, roles: ['reporter'] },
    }),
    outside: (n) => ({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `out-${n}`, unit: OUT_TOWN, roles: ['reporter'] },
    }),
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'GET /api/v1/users/:id',
    inside: () => ({ url: '/api/v1/users/huangshanpu' }),
    outside: () => ({ url: '/api/v1/users/yangzhuang' }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'PATCH /api/v1/users/:id',
    inside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/huangshanpu',
      payload: { displayName: '黄山铺镇填报员' },
    }),
    outside: () => ({
      method: 'PATCH',
      url: '/api/v1/users/yangzhuang',
      payload: { displayName: 'x' },
    }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'GET /api/v1/users/:id/tokens',
    inside: () => ({ url: '/api/v1/users/huangshanpu/tokens' }),
    outside: () => ({ url: '/api/v1/users/yangzhuang/tokens' }),
    expect: { inside: adminOnly(200), outside: nobody },
  },
  {
    route: 'POST /api/v1/users/:id/tokens',
    inside: () => ({
      method: 'POST',
      url: '/api/v1/users/huangshanpu/tokens',
      payload: { name: 'x' },
    }),
    outside: () => ({
      method: 'POST',
      url: '/api/v1/users/yangzhuang/tokens',
      payload: { name: 'x' },
    }),
    expect: { inside: adminOnly(201), outside: nobody },
  },
  {
    route: 'DELETE /api/v1/users/:id/tokens/:tokenId',
    inside: () => ({
      method: 'DELETE',
      url: `/api/v1/users/huangshanpu/tokens/${tokenIds.huangshanpu}`,
    }),
    outside: () => ({
      method: 'DELETE',
      url: `/api/v1/users/yangzhuang/tokens/${tokenIds.yangzhuang}`,
    }),
    expect: { inside: adminOnly(204), outside: nobody },
  },
  {
    route: 'GET /api/v1/audit',
    inside: () => ({ url: '/api/v1/audit' }),
    expect: { inside: adminOnly(200) },
  },
  {
    route: 'GET /api/v1/audit/verify',
    inside: () => ({ url: '/api/v1/audit/verify' }),
    expect: { inside: adminOnly(200) },
  },
];

describeEachDialect('permission matrix', (use) => {
  let s: TestServer;
  const routes: string[] = [];

  beforeAll(async () => {
    const { ctx } = use();
    s = await startTestServer(use());
    for (const role of ROLES) {
      await createUser(ctx, { username: `town-${role}`, unit: IN_TOWN, roles: [role] });
    }
    for (const user of ['huangshanpu', 'yangzhuang']) {
      tokenIds[user] = (await createToken(ctx, user, { name: 'matrix' })).view.id;
    }
    // The routes as registered: a second server built the same way reports them.
    const { buildServer } = await import('./app.ts');
    const { serverDeps } = await import('./deps.ts');
    const { loadConfig } = await import('../config.ts');
    const probe = await buildServer(serverDeps(use().handle, loadConfig({}), { version: 'x' }), {
      onRoute: (r) => {
        // Swagger UI's own static pages are documentation, not the API.
        if (r.method !== 'HEAD' && !r.url.startsWith('/api/docs/'))
          routes.push(`${r.method} ${r.url}`);
      },
    });
    await probe.close();
  });
  afterAll(() => s.close());

  it('has a row for every endpoint, and no row for an endpoint that does not exist', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect([...routes].sort()).toEqual(ROWS.map((r) => r.route).sort());
  });

  it('gives every role, inside and outside its subtree, the status of the table', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const row of ROWS) {
      for (const scope of ['inside', 'outside'] as const) {
        const make = scope === 'inside' ? row.inside : row.outside;
        const expected = row.expect[scope];
        if (!make || !expected) continue;
        for (const actor of ACTORS) {
          n += 1;
          const res = await s.as(actor === 'anonymous' ? null : `town-${actor}`, make(n));
          if (res.statusCode !== expected[actor]) {
            failures.push(
              `${row.route} [${scope}] as ${actor}: ${res.statusCode}, expected ${expected[actor]} ${res.body.slice(0, 120)}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
