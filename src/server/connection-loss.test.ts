/**
 * PostgreSQL connection loss (issue 12): a terminated backend, or a database that goes away and
 * comes back, never ends the server; reads are retried once, the rest answer 503
 * DATABASE_UNAVAILABLE while the database is unreachable, and the server serves again without a
 * restart. PostgreSQL only (SQLite is a file in the process).
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { systemActor } from '../app/context.ts';
import { type DatabaseHandle, openPostgres } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

/** A TCP relay in front of PostgreSQL that the test takes down and brings back (a restart). */
class Relay {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.skipIf(!pgUrl)('PostgreSQL connection loss', () => {
  const schema = `t_conn_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const applicationName = `leitai-${schema}`;
  const lost: Error[] = [];
  let admin: pg.Client;
  let relay: Relay;
  let handle: DatabaseHandle;
  let server: TestServer;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const target = new URL(pgUrl!);
    relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.up();
    const viaRelay = new URL(pgUrl!);
    viaRelay.port = String(relay.port);
    handle = openPostgres(viaRelay.toString(), {
      schema,
      max: 4,
      applicationName,
      onConnectionError: (error) => lost.push(error),
    });
    await migrateToLatest(handle.db);
    server = await startTestServer({
      handle,
      ctx: { db: handle.db, actor: systemActor, clock: { now: () => new Date() } },
    });
  });

  afterAll(async () => {
    await server?.close();
    await handle?.close();
    await admin?.query(`drop schema if exists ${schema} cascade`);
    await admin?.end();
    await relay?.down();
  });

  async function terminateBackends(): Promise<number> {
    const { rows } = await admin.query(
      'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
      [applicationName],
    );
    return rows.length;
  }

  const get = async (url: string) => server.as('admin', { method: 'GET', url });

  test('pg_terminate_backend on every connection: reads retry and succeed, writes work after', async () => {
    expect((await get('/api/v1/contests')).statusCode).toBe(200);
    // Hold several connections open at once so that more than one backend exists.
    await Promise.all([get('/api/v1/contests'), get('/api/v1/units'), get('/api/v1/me')]);
    expect(await terminateBackends()).toBeGreaterThan(0);
    // The next reads meet dead connections (idle or not yet noticed): retried, never an error.
    const reads = await Promise.all([
      get('/api/v1/contests'),
      get('/api/v1/units'),
      get('/api/v1/health'),
    ]);
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    // A write goes through on a fresh connection.
    const created = await server.as('admin', {
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: 'X-CONN-1', name: '断线测试村', kind: 'village', parent: '371323' },
    });
    expect([201, 200]).toContain(created.statusCode);
    expect(lost.length).toBeGreaterThanOrEqual(0);
  });

  test('terminated mid-transaction: that request is 503 or succeeds; the next ones succeed', async () => {
    const pending = Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        server.as('admin', {
          method: 'POST',
          url: '/api/v1/units',
          payload: {
            code: `X-CONN-T${i}`,
            name: `断线事务村${i}`,
            kind: 'village',
            parent: '371323',
          },
        }),
      ),
    );
    await terminateBackends();
    const results = await pending;
    for (const r of results) {
      expect([200, 201, 503]).toContain(r.statusCode);
      if (r.statusCode === 503) expect(r.json().error.code).toBe('DATABASE_UNAVAILABLE');
    }
    expect((await get('/api/v1/contests')).statusCode).toBe(200);
    const audit = await get('/api/v1/audit/verify');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().ok).toBe(true);
  });

  test('database down: 503 DATABASE_UNAVAILABLE in Chinese; back up: serves without a restart', async () => {
    await relay.down();
    const down = await get('/api/v1/contests');
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.json().error.message).toMatch(/数据库暂时无法连接/);
    const write = await server.as('admin', {
      method: 'POST',
      url: '/api/v1/units',
      payload: { code: 'X-CONN-DOWN', name: '断线村', kind: 'village', parent: '371323' },
    });
    expect(write.statusCode).toBe(503);
    await relay.up();
    expect((await get('/api/v1/contests')).statusCode).toBe(200);
    expect((await get('/api/v1/health')).statusCode).toBe(200);
    expect(lost.length).toBeGreaterThan(0);
  });
});
