/**
 * Runs database tests on both dialects (STYLE.md: no mocks of the database): a real SQLite file
 * in a temp folder, and a fresh schema on the PostgreSQL server of TEST_DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type AppContext, systemActor } from '../../src/app/context.ts';
import { type DatabaseHandle, openPostgres, openSqlite } from '../../src/db/dialect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  handle: DatabaseHandle;
  /** A context for use cases, with a fixed clock. */
  ctx: AppContext;
}

async function openTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<{
  handle: DatabaseHandle;
  cleanup: () => Promise<void>;
}> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-test-'));
    const handle = openSqlite(dir);
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const handle = openPostgres(pgUrl!, { schema, max: 4 });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/**
 * Declares the suite once per dialect; `use()` gives the migrated database of the running one.
 * PostgreSQL is skipped (and the run says so loudly) when TEST_DATABASE_URL is unset.
 */
export function describeEachDialect(name: string, body: (use: () => TestDatabase) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe.skipIf(dialect === 'postgres' && !pgUrl)(`${name} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await openTestDatabase(dialect);
        cleanup = opened.cleanup;
        await migrateToLatest(opened.handle.db);
        current = {
          handle: opened.handle,
          ctx: {
            db: opened.handle.db,
            actor: systemActor,
            clock: { now: () => new Date('2026-06-30T08:00:00Z') },
          },
        };
      });
      afterAll(async () => {
        await cleanup?.();
      });
      body(() => {
        if (!current) throw new Error('database not open yet');
        return current;
      });
    });
  }
}
