/** What the benchmarks share: a fresh database of either dialect, and its removal. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openPostgres, openSqlite } from '../src/db/dialect.ts';

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
