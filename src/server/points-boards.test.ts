// The points boards through the API, on both databases: a signed-in request reads the views'
// versions with its token, and a board's scope (the unit and its path, which the subtree check
// reads) is kept between requests — so the tree changing behind the server's back must still
// show at once: a unit renamed, a village moved into or out of a reader's town. A scope's roster
// (branches and members) is kept across points versions: a member renamed, added or transferred
// out behind the server's back shows on the next board the points version lets it compute.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUser } from '../app/users.ts';

const VILLAGE = '371323104200'; // 黄山村 of 黄山铺镇, with its demo branch
const OTHER_TOWN = '371323109'; // 杨庄镇

describeEachDialect('points boards', (use) => {
  let s: TestServer;
  const board = (user: string) =>
    s.as(user, {
      method: 'GET',
      url: `/api/v1/points/leaderboard?scope=${VILLAGE}&period=2026&limit=3`,
    });

  beforeAll(async () => {
    s = await startTestServer(use());
    await createUser(use().ctx, { username: 'yz-reader', unit: OTHER_TOWN, roles: ['viewer'] });
  });
  afterAll(() => s.close());

  it('keeps a board’s scope true to the unit tree, whoever changes it', async () => {
    const db = use().ctx.db;
    const first = await board('admin');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().scope.name).toBe('黄山村');
    expect(first.json().total).toBeGreaterThan(0);
    expect((await board('yz-reader')).statusCode).toBe(403);

    // Renamed by SQL (an import, psql): the next answer names it anew.
    await db
      .updateTable('units')
      .set({ name: '黄山村（测试）' })
      .where('code', '=', VILLAGE)
      .execute();
    expect((await board('admin')).json().scope.name).toBe('黄山村（测试）');

    // Moved into the reader's town: the subtree check sees the new path at once …
    const { id: village, parent_id: home } = await db
      .selectFrom('units')
      .select(['id', 'parent_id'])
      .where('code', '=', VILLAGE)
      .executeTakeFirstOrThrow();
    const { id: town } = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', OTHER_TOWN)
      .executeTakeFirstOrThrow();
    await db.updateTable('units').set({ parent_id: town }).where('id', '=', village).execute();
    const moved = await board('yz-reader');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().total).toBe(first.json().total);

    // … and moved back, a kept path must not let the reader in any more.
    await db.updateTable('units').set({ parent_id: home }).where('id', '=', village).execute();
    expect((await board('yz-reader')).statusCode).toBe(403);
    await db.updateTable('units').set({ name: '黄山村' }).where('code', '=', VILLAGE).execute();
    expect((await board('admin')).json().scope.name).toBe('黄山村');
  });

  it('keeps a board’s members true to the roster once an approval moves the board', async () => {
    const db = use().ctx.db;
    const all = async () => {
      const res = await s.as('admin', {
        method: 'GET',
        url: `/api/v1/points/leaderboard?scope=${VILLAGE}&period=2026&limit=500`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows as { memberId: number; name: string; total: number }[];
    };
    // What an approval elsewhere does to the boards (it leaves the roster alone).
    const approvalElsewhere = () =>
      db
        .updateTable('points_version')
        .set((eb) => ({ n: eb('n', '+', 1) }))
        .where('id', '=', 1)
        .execute();
    const before = await all();
    const someone = before[0]!;
    const { branch_id: branch } = await db
      .selectFrom('points_members')
      .select('branch_id')
      .where('id', '=', someone.memberId)
      .executeTakeFirstOrThrow();

    // Renamed, and a member added, by SQL (an import, psql): not a points change …
    await db
      .updateTable('points_members')
      .set({ name: '改名测试' })
      .where('id', '=', someone.memberId)
      .execute();
    const now = '2026-06-30T08:00:00Z';
    await db
      .insertInto('points_members')
      .values({
        branch_id: branch,
        name: '新党员',
        gender: '女',
        birth_year: 1990,
        joined_on: '2020-07-01',
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await approvalElsewhere();
    // … but the board the approval made stale is computed with them.
    const after = await all();
    expect(after.find((r) => r.memberId === someone.memberId)?.name).toBe('改名测试');
    expect(after.filter((r) => r.name === '新党员')).toEqual([
      expect.objectContaining({ total: 0 }),
    ]);

    // Transferred out by SQL, with no points this year: off the board.
    await db
      .updateTable('points_members')
      .set({ status: 'transferred_out' })
      .where('name', '=', '新党员')
      .execute();
    await approvalElsewhere();
    expect((await all()).some((r) => r.name === '新党员')).toBe(false);
  });

  it('names an unknown scope, and finds a unit added behind the server’s back', async () => {
    const unknown = await s.as('admin', {
      method: 'GET',
      url: '/api/v1/points/leaderboard?scope=371323104999&period=2026',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'UNKNOWN_UNIT',
      details: { field: 'scope' },
    });
    const db = use().ctx.db;
    const parent = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '371323104')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('units')
      .values({
        code: '371323104999',
        name: '新村',
        kind: 'village',
        parent_id: parent.id,
        source: 'custom',
        created_at: '2026-06-30T08:00:00Z',
        updated_at: '2026-06-30T08:00:00Z',
      })
      .execute();
    const added = await s.as('admin', {
      method: 'GET',
      url: '/api/v1/points/leaderboard?scope=371323104999&period=2026',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ scope: { name: '新村' }, total: 0 });
  });
});
