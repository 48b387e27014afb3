/**
 * Several Leitai app servers on one PostgreSQL schema (issue 18): each with its own connection
 * pool, caches, change feed and file store, as `leitai serve` processes behind a load balancer
 * would be. The demo county is loaded once; requests go through `inject` to the instance named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { type AppContext, systemActor } from '../../src/app/context.ts';
import { loadDemo } from '../../src/app/demo.ts';
import { createToken } from '../../src/app/users.ts';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openPostgres } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildServer } from '../../src/server/app.ts';
import { type ServerDeps, serverDeps } from '../../src/server/deps.ts';
import { openSharedState, type SharedState } from '../../src/server/shared-state.ts';
import { TestClock } from './server.ts';

export const pgUrl = process.env.TEST_DATABASE_URL;

export interface Instance {
  app: FastifyInstance;
  deps: ServerDeps;
  handle: DatabaseHandle;
  shared: SharedState;
  as(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface Cluster {
  schema: string;
  /** The URL of the schema (search_path set), for extra connections. */
  url: string;
  instances: Instance[];
  clock: TestClock;
  ctx: AppContext;
  /** Opens one more instance on the same schema. */
  start(env?: Record<string, string>): Promise<Instance>;
  close(): Promise<void>;
}

/** A URL whose connections work in the schema (libpq `options`). */
export function schemaUrl(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function startCluster(
  n: number,
  envOf: Record<string, string> | ((schema: string) => Record<string, string>) = {},
): Promise<Cluster> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const env = typeof envOf === 'function' ? envOf(schema) : envOf;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = schemaUrl(pgUrl!, schema);
  const first = openPostgres(url, { max: 4 });
  await migrateToLatest(first.db);
  const clock = new TestClock();
  const ctx: AppContext = { db: first.db, actor: systemActor, clock };
  await loadDemo(ctx, { contests: false });
  await first.close();
  const dataDirs: string[] = [];
  const instances: Instance[] = [];
  const tokens = new Map<string, string>();
  const start = async (more: Record<string, string> = {}) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-instance-'));
    dataDirs.push(dataDir);
    const config = loadConfig({ DATABASE_URL: url, ...env, ...more }, { data: dataDir });
    const handle = openPostgres(url, { max: 6 });
    const shared = await openSharedState(handle, config);
    const deps = serverDeps(handle, config, {
      version: 'test',
      clock,
      feed: shared.feed,
      reads: shared.reads,
      files: shared.files,
    });
    const app = await buildServer(deps);
    const instance: Instance = {
      app,
      deps,
      handle,
      shared,
      async as(username, options) {
        const headers = { ...(options.headers ?? {}) };
        if (username) {
          let token = tokens.get(username);
          if (!token) {
            token = (await createToken({ ...ctx, db: handle.db }, username, { name: 'test' }))
              .token;
            tokens.set(username, token);
          }
          headers.authorization = `Bearer ${token}`;
        }
        return app.inject({ ...options, headers });
      },
    };
    instances.push(instance);
    return instance;
  };
  for (let i = 0; i < n; i++) await start();
  return {
    schema,
    url,
    instances,
    clock,
    ctx,
    start,
    async close() {
      for (const i of instances) {
        await i.app.close();
        await i.shared.close();
        await i.handle.close();
      }
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Waits (without a fixed sleep) until every instance's change feed is listening. */
export async function feedsLive(instances: Instance[], timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!instances.every((i) => i.shared.feed?.live)) {
    if (Date.now() > until) throw new Error('change feeds did not connect');
    await new Promise((r) => setTimeout(r, 20));
  }
}
