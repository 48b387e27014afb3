/**
 * kill -9 safety (issue 12) on both databases: a `leitai serve` process is killed with SIGKILL
 * while it saves a large batch of entries; after a restart the batch is either wholly there or
 * wholly absent, the audit records it exactly when it is there, and the audit chain verifies.
 * On PostgreSQL the kill waits until the server's transaction is open (pg_stat_activity), so the
 * kill lands mid-transaction; on SQLite it lands at a few moments after the request is sent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContest } from '../src/app/contests.ts';
import { systemActor, systemClock } from '../src/app/context.ts';
import { loadDemo } from '../src/app/demo.ts';
import { openRound, transitionRound } from '../src/app/rounds.ts';
import { draftRubric, publishRubric } from '../src/app/rubrics.ts';
import { createToken } from '../src/app/users.ts';
import { verifyAuditChain } from '../src/db/audit.repository.ts';
import { openDatabase } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freePort } from './e2e/support.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO_ROOT, 'bin', 'leitai.js');
const pgUrl = process.env.TEST_DATABASE_URL;

const RUBRIC = `title: 断电测试
indicators:
  - { code: A1, name: 活动场所, points: 50, method: manual }
  - { code: A2, name: 后备干部人数, points: 50, method: manual }
`;

interface Target {
  dataDir: string;
  databaseUrl?: string;
  applicationName?: string;
}

function env(target: Target, port: number): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PORT: String(port) };
  for (const name of ['DATABASE_URL', 'LEITAI_DATA', 'HOST']) delete out[name];
  if (target.databaseUrl) out.DATABASE_URL = target.databaseUrl;
  return out;
}

async function startServe(target: Target): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--data', target.dataDir], {
    cwd: REPO_ROOT,
    env: env(target, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${output}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`serve did not start: ${output}`);
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

const dialects = [
  { name: 'sqlite' as const, skip: false },
  { name: 'postgres' as const, skip: !pgUrl },
];

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`kill -9 while saving a batch [${dialect.name}]`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-kill9-'));
    const schema = `t_kill9_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const applicationName = `leitai-${schema}`;
    const target: Target = { dataDir };
    let admin: pg.Client | undefined;
    let roundId = 0;
    let token = '';
    let units: string[] = [];

    beforeAll(async () => {
      if (dialect.name === 'postgres') {
        admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        const url = new URL(pgUrl!);
        url.searchParams.set('options', `-c search_path=${schema}`);
        url.searchParams.set('application_name', applicationName);
        target.databaseUrl = url.toString();
        target.applicationName = applicationName;
      }
      const handle = openDatabase(target);
      try {
        await migrateToLatest(handle.db);
        const ctx = { db: handle.db, actor: systemActor, clock: systemClock };
        await loadDemo(ctx, { contests: false });
        const contest = await createContest(ctx, {
          title: '断电测试擂台赛',
          category: '乡村振兴',
          organizer: '371323',
          cadence: 'month',
          participants: { under: '371323', kinds: ['village', 'community'] },
        } as never);
        units = contest.participants.map((p) => p.code);
        await draftRubric(ctx, String(contest.id), { yaml: RUBRIC });
        await publishRubric(ctx, String(contest.id), 1);
        const round = await openRound(ctx, String(contest.id), { period: '2026-06' });
        await transitionRound(ctx, String(round.id), 'collecting');
        roundId = round.id;
        token = (await createToken(ctx, 'admin', { name: 'kill9' } as never)).token;
      } finally {
        await handle.close();
      }
    });

    afterAll(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (admin) {
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    });

    /** What the database holds for the round now: distinct values, cells, audited saves. */
    async function state() {
      const handle = openDatabase(target);
      try {
        const entries = await handle.db
          .selectFrom('entries')
          .select(['value'])
          .where('round_id', '=', roundId)
          .execute();
        const saves = await handle.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'entries.save')
          .where('entity_id', '=', String(roundId))
          .execute();
        const verified = await verifyAuditChain(handle.db);
        return {
          cells: entries.length,
          values: [...new Set(entries.map((e) => e.value))].sort(),
          saves: saves.length,
          verified: verified.ok,
        };
      } finally {
        await handle.close();
      }
    }

    /** Waits until the server has a transaction open on PostgreSQL; a few moments on SQLite. */
    async function midBatch(attempt: number): Promise<void> {
      if (!admin) {
        await new Promise((r) => setTimeout(r, [0, 40, 150][attempt % 3]));
        return;
      }
      for (let i = 0; i < 2000; i++) {
        const { rows } = await admin.query(
          `select count(*)::int as n from pg_stat_activity
            where application_name = $1 and xact_start is not null and state <> 'idle'
              and query ilike '%entries%'`,
          [applicationName],
        );
        if (rows[0].n > 0) return;
        await new Promise((r) => setTimeout(r, 2));
      }
    }

    it.skipIf(dialect.name !== 'postgres')(
      'survives pg_terminate_backend on its connections and keeps serving',
      async () => {
        const { child, base } = await startServe(target);
        try {
          const get = (url: string) =>
            fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
          expect((await get('/contests')).status).toBe(200);
          const { rows } = await admin!.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
            [applicationName],
          );
          expect(rows.length).toBeGreaterThan(0);
          const after = await Promise.all([get('/contests'), get(`/rounds/${roundId}`)]);
          expect(after.map((r) => r.status)).toEqual([200, 200]);
          expect(child.exitCode).toBeNull();
          expect(child.signalCode).toBeNull();
        } finally {
          child.kill('SIGKILL');
          await killed(child);
        }
      },
      120_000,
    );

    it('leaves each batch wholly there or wholly absent, audited exactly when there', async () => {
      expect(units.length).toBeGreaterThan(200);
      let committed: number | null = null;
      let saves = 0;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const { child, base } = await startServe(target);
        const items = units.flatMap((unit) => [
          { unit, indicator: 'A1', value: attempt * 10 },
          { unit, indicator: 'A2', value: attempt * 10 },
        ]);
        const sent = fetch(`${base}/rounds/${roundId}/entries`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(items),
        }).then(
          (r) => r.status,
          () => 'killed',
        );
        await midBatch(attempt);
        child.kill('SIGKILL');
        await killed(child);
        const answer = await sent;
        const now = await state();
        expect(now.verified).toBe(true);
        if (now.values.length === 1 && now.values[0] === attempt * 10) {
          // The batch committed before the kill: every cell, one audit event more.
          committed = attempt;
          saves++;
          expect(now.cells).toBe(items.length);
        } else {
          // It did not: the database is as the previous batch left it.
          expect(answer).not.toBe(200);
          expect(now.values).toEqual(committed === null ? [] : [committed * 10]);
          expect(now.cells).toBe(committed === null ? 0 : items.length);
        }
        expect(now.saves).toBe(saves);
      }
      // On PostgreSQL the kill waited for the batch's open transaction: at most a commit already
      // on its way can have got through, not all three.
      if (admin) expect(saves).toBeLessThan(3);
      // A restarted server serves and its audit chain verifies.
      const { child, base } = await startServe(target);
      try {
        const verify = await fetch(`${base}/audit/verify`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(verify.status).toBe(200);
        expect((await verify.json()).ok).toBe(true);
      } finally {
        child.kill('SIGKILL');
        await killed(child);
      }
    }, 400_000);
  });
}
