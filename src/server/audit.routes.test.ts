import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { createUser } from '../app/users.ts';

describeEachDialect('audit log API', (use) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(use());
    await createUser(use().ctx, { username: 'town-admin', unit: '371323104', roles: ['admin'] });
    await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/units/371323104276',
      payload: { name: '尧崖头新村' },
    });
    s.clock.advanceMinutes(60 * 24);
    await s.as('admin', {
      method: 'PATCH',
      url: '/api/v1/units/371323109',
      payload: { name: '杨庄新镇' },
    });
  });
  afterAll(() => s.close());

  it('records who changed what, with before and after, and filters by entity, actor and time', async () => {
    const village = await s.as('admin', {
      url: '/api/v1/audit',
      query: { entity: 'unit', actor: 'admin' },
    });
    expect(village.statusCode).toBe(200);
    const events = village.json().items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.update']);
    expect(events[1]).toMatchObject({
      actorName: 'admin',
      before: { name: '尧崖头村' },
      after: { name: '尧崖头新村' },
    });
    const firstDay = await s.as('admin', {
      url: '/api/v1/audit',
      query: { entity: 'unit', actor: 'admin', to: '2026-06-30' },
    });
    expect(firstDay.json().items.map((e: { after: { name: string } }) => e.after.name)).toEqual([
      '尧崖头新村',
    ]);
    const byId = await s.as('admin', {
      url: '/api/v1/audit',
      query: { entity: `unit:${events[0].entityId}` },
    });
    expect(byId.json().total).toBe(1);
  });

  it("shows a town's admin only the events of its own subtree", async () => {
    const res = await s.as('town-admin', { url: '/api/v1/audit', query: { entity: 'unit' } });
    // Unit edits: the county's other towns' never show (the demo's own loading events about
    // 黄山铺镇, such as its party branches, are in the subtree and may).
    const edits = res.json().items.filter((e: { action: string }) => e.action.startsWith('unit.'));
    expect(edits.map((e: { after: { name: string } }) => e.after.name)).toEqual(['尧崖头新村']);
  });

  it('refuses a malformed filter with the field named', async () => {
    const res = await s.as('admin', { url: '/api/v1/audit', query: { from: 'yesterday' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems[0].field).toBe('querystring.from');
  });
});
