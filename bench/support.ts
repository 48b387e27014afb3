/** What the benchmarks share: a fresh database of either dialect, and its removal. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type DatabaseHandle, openPostgres, openSqlite } from '../src/db/dialect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** PostgreSQL for the benchmarks: BENCH_DATABASE_URL, else TEST_DATABASE_URL; none skips it. */
export const benchPgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** A fresh SQLite file, or a fresh PostgreSQL schema, with a data folder beside it. */
export async function freshDatabase(
  dialect: 'sqlite' | 'postgres',
): Promise<{ dir: string; handle: DatabaseHandle; drop: () => Promise<void>; schema?: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-bench-'));
  if (dialect === 'sqlite') {
    return {
      dir,
      handle: openSqlite(dir),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: benchPgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    dir,
    schema,
    handle: openPostgres(benchPgUrl!, { schema }),
    drop: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `leitai serve` from the compiled CLI (`npm run build:node` first), as it runs in production, on
 * its own port in its own process; `stop` waits for it to exit, so its connections are gone before
 * the caller drops its schema (a live one deadlocks the drop).
 */
export function serveLeitai(
  dir: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; address: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/leitai.js', 'serve', '--data', dir, '--host', '127.0.0.1', '--port', '0'],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      child.kill();
      await exited;
    };
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, address: match[1]!, stop });
    });
    child.on('exit', (code) => reject(new Error(`leitai serve exited with ${code}: ${out}`)));
  });
}
