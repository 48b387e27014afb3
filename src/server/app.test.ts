import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from './app.ts';
import { serverDeps } from './deps.ts';

describeEachDialect('HTTP API', (use) => {
  let server: TestServer;
  let app: FastifyInstance;
  beforeAll(async () => {
    server = await startTestServer(use());
    app = server.app;
  });
  afterAll(() => server.close());

  it('answers health with the database in use', async () => {
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      version: 'test',
      database: use().handle.dialect,
      // One process without a change feed (as on SQLite), no replicas, files in the data folder.
      changeFeed: {
        state: 'off',
        lastEventAgeSeconds: null,
        listeningForSeconds: null,
        reconnects: 0,
      },
      replicas: [],
      files: 'disk',
    });
  });

  it('serves the OpenAPI document naming the endpoints', async () => {
    const doc = (await app.inject('/api/docs')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/units',
        '/api/v1/units/{id}',
        '/api/v1/health',
        '/api/v1/session',
      ]),
    );
  });

  it('lists children and searches by name, with the path, without signing in', async () => {
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

    const bad = await server.as('admin', {
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(bad.json().error.details.problems.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.kind']),
    );

    const dup = await server.as('admin', {
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: '371323-D01', name: 'x', kind: 'department', parent: '371323' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_CODE');

    const cycle = await server.as('admin', {
      method: 'PATCH',
      url: '/api/v1/units/371323104',
      payload: { parent: '371323104276' },
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('CYCLE');
    expect((await app.inject('/api/v1/units/371323104')).json().path.at(-2).code).toBe('371323');

    const json = await server.as('admin', {
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
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>擂台</title>');
    const withWeb = await buildServer(
      serverDeps(use().handle, loadConfig({}), { version: 'test', webDir }),
    );
    try {
      const res = await withWeb.inject('/units/371323');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('擂台');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect((await withWeb.inject('/api/v1/nope')).json().error.code).toBe('NOT_FOUND');
      const staleAsset = await withWeb.inject('/assets/index-0ld.js');
      expect(staleAsset.statusCode).toBe(404);
      expect(staleAsset.json().error.code).toBe('NOT_FOUND');
    } finally {
      await withWeb.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});
