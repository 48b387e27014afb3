/** A Leitai server on a test database, with the demo county loaded and ways to act as its users. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AuthSettings } from '../../src/app/auth.ts';
import { loadDemo } from '../../src/app/demo.ts';
import { createToken } from '../../src/app/users.ts';
import { loadConfig } from '../../src/config.ts';
import { buildServer } from '../../src/server/app.ts';
import { type ServerDeps, serverDeps } from '../../src/server/deps.ts';
import type { TestDatabase } from './db.ts';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-06-30T08:00:00Z')) {}
  now = () => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TestServer {
  app: FastifyInstance;
  /** The server's data folder (evidence files), a fresh temp folder. */
  dataDir: string;
  /** The server's cache of published rounds. */
  cache: ServerDeps['cache'];
  clock: TestClock;
  /** Demo users' passwords (admin, zuzhibu, huangshanpu, yangzhuang, lingdao). */
  passwords: Record<string, string>;
  sleeps: number[];
  /** A bearer token of the user, made once and cached. */
  token(username: string): Promise<string>;
  /** Signs in with the password; returns the cookie header and CSRF token to send back. */
  login(
    username: string,
    password?: string,
  ): Promise<{ cookie: string; csrf: string; res: LightMyRequestResponse }>;
  /** A request as the user (by token), or anonymous when username is null. */
  as(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestServer(
  db: TestDatabase,
  options: { settings?: Partial<AuthSettings> } = {},
): Promise<TestServer> {
  const clock = new TestClock();
  const ctx = { ...db.ctx, clock };
  // The county and its users; tests make the contests they need.
  const demo = await loadDemo(ctx, { contests: false });
  const passwords = Object.fromEntries(demo.credentials.map((c) => [c.username, c.password]));
  const sleeps: number[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-server-'));
  const deps = serverDeps(db.handle, loadConfig({}, { data: dataDir }), {
    version: 'test',
    clock,
    settings: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options.settings,
    },
  });
  const app = await buildServer(deps);
  const tokens = new Map<string, string>();
  const server: TestServer = {
    app,
    dataDir,
    cache: deps.cache,
    clock,
    passwords,
    sleeps,
    async token(username) {
      let token = tokens.get(username);
      if (!token) {
        token = (await createToken(ctx, username, { name: 'test' })).token;
        tokens.set(username, token);
      }
      return token;
    },
    async login(username, password = passwords[username]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
      });
      const setCookie = String(res.headers['set-cookie'] ?? '');
      const cookie = setCookie.split(';')[0] ?? '';
      return { cookie, csrf: res.statusCode === 200 ? res.json().csrfToken : '', res };
    },
    async as(username, options) {
      const headers = { ...(options.headers ?? {}) };
      if (username) headers.authorization = `Bearer ${await server.token(username)}`;
      return app.inject({ ...options, headers });
    },
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
