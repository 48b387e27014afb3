import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { loadDemo } from '../app/demo.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from './app.ts';

describeEachDialect('HTTP API', (use) => {
  let app: FastifyInstance;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-web-'));

  beforeAll(async () => {
    const { ctx, handle } = use();
    await loadDemo(ctx);
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>擂台</title>');
    app = await buildServer({
      db: handle.db,
      dialect: handle.dialect,
      clock: ctx.clock,
      config: loadConfig({}),
      version: '9.9.9',
      webDir,
    });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('answers health with the database in use', async () => {
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: '9.9.9', database: use().handle.dialect });
  });

  it('serves the OpenAPI document naming the unit endpoints', async () => {
    const doc = (await app.inject('/api/docs')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/units', '/api/v1/units/{id}', '/api/v1/health']),
    );
  });

  it('lists children and searches by name, with the path', async () => {
    const res = await app.inject({ url: '/api/v1/units', query: { q: '黄山铺镇' } });
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0].path.map((u: { name: string }) => u.name)).toEqual([
      '山东省',
      '临沂市',
      '沂水县',
      '黄山铺镇',
    ]);
    const villages = await app.inject({
      url: '/api/v1/units',
      query: { parent: body.items[0].id, limit: '100' },
    });
    expect(villages.json().items.map((u: { name: string }) => u.name)).toContain('尧崖头村');
  });

  it('answers errors in the shape of DESIGN §5 with the right status', async () => {
    const missing = await app.inject('/api/v1/units/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('UNIT_NOT_FOUND');

    const bad = await app.inject({ method: 'POST', url: '/api/v1/units', payload: { code: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.kind']),
    );

    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: '371323-D01', name: 'x', kind: 'department', parent: '371323' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_CODE');

    const cycle = await app.inject({
      method: 'PATCH',
      url: '/api/v1/units/371323',
      payload: { parent: '371323104276' },
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('CYCLE');
    expect((await app.inject('/api/v1/units/371323')).json().parentId).not.toBeNull();

    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('BAD_REQUEST');

    const api404 = await app.inject('/api/v1/nothing-here');
    expect(api404.statusCode).toBe(404);
    expect(api404.json().error.code).toBe('NOT_FOUND');
  });

  it('serves the web app for browser routes outside /api', async () => {
    const res = await app.inject('/units/371323');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('擂台');
  });
});
