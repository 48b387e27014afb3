/**
 * Backup and restore of the database itself, the other place (beside dialect.ts, kept apart so
 * the two change independently) that knows SQLite from PostgreSQL: SQLite through the online
 * backup API of better-sqlite3, PostgreSQL through pg_dump / pg_restore in custom format.
 * Both take a consistent snapshot while the server keeps writing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type DatabaseHandle, type DialectName, SQLITE_FILE } from './dialect.ts';
import type { Database } from './schema.ts';

/** What a snapshot holds, read inside the snapshot itself. */
export interface SnapshotFacts {
  dialect: DialectName;
  /** The newest migration applied. */
  migration: string | null;
  /** Rows per table. */
  tables: Record<string, number>;
  audit: { count: number; lastHash: string } | null;
}

/** The database file's name inside a backup archive. */
export const dumpName = (dialect: DialectName) =>
  dialect === 'sqlite' ? 'database/leitai.sqlite' : 'database/leitai.pgdump';

/** The newest PostgreSQL client tool of that name (pg_dump, pg_restore): Debian's versioned folders first. */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const file = path.join(root, v, 'bin', name);
    if (fs.existsSync(file)) return file;
  }
  return name; // from PATH
}

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) =>
      reject(
        new Error(`无法运行 cannot run ${tool}: ${e.message} (PostgreSQL client tools installed?)`),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(tool)} 失败 failed (exit ${code}): ${err.trim()}`)),
    );
  });
}

function sqliteFacts(file: string): SnapshotFacts {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const names = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const n of names) {
      tables[n] = db
        .prepare(`select count(*) from "${n.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number;
    }
    const migration = names.includes('kysely_migration')
      ? ((db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ??
        null)
      : null;
    const head = names.includes('audit_head')
      ? (db.prepare('select count, last_hash from audit_head where id = 1').get() as
          | { count: number; last_hash: string }
          | undefined)
      : undefined;
    return {
      dialect: 'sqlite',
      migration,
      tables,
      audit: head ? { count: head.count, lastHash: head.last_hash } : null,
    };
  } finally {
    db.close();
  }
}

/** Table names of the current database (PostgreSQL: its current schema). */
export async function listTables(db: Kysely<Database>, dialect: DialectName): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          db,
        );
  return rows.map((r) => r.name);
}

async function kyselyFacts(db: Kysely<Database>, dialect: DialectName): Promise<SnapshotFacts> {
  const names = await listTables(db, dialect);
  const tables: Record<string, number> = {};
  for (const n of names) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(n)}`.execute(
      db,
    );
    tables[n] = Number(rows[0]?.n ?? 0);
  }
  const migration = names.includes('kysely_migration')
    ? ((
        await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(
          db,
        )
      ).rows[0]?.name ?? null)
    : null;
  const head = names.includes('audit_head')
    ? await db
        .selectFrom('audit_head')
        .select(['count', 'last_hash'])
        .where('id', '=', 1)
        .executeTakeFirst()
    : undefined;
  return {
    dialect,
    migration,
    tables,
    audit: head ? { count: head.count, lastHash: head.last_hash } : null,
  };
}

/**
 * Writes a consistent copy of the database to `dest` and returns what it holds.
 * SQLite: the online backup API from a connection of its own (in WAL mode, readers do not block
 * the server's writers); the copy is switched out of WAL so it is one self-contained file.
 * PostgreSQL: a repeatable-read transaction exports its snapshot; the row counts are read in it
 * and `pg_dump --snapshot` dumps exactly that state.
 */
export async function snapshotDatabase(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  dest: string,
): Promise<SnapshotFacts> {
  if (handle.dialect === 'sqlite') {
    const source = new SQLite(handle.location, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // All remaining pages in the second step: each step reads one consistent state, and few
      // steps leave little room for a write from another connection to restart the copy.
      await source.backup(dest, { progress: () => 1_000_000 });
    } finally {
      source.close();
    }
    const copy = new SQLite(dest);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    return sqliteFacts(dest);
  }
  if (!databaseUrl) throw new Error('PostgreSQL backup needs DATABASE_URL');
  return handle.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
      const facts = await kyselyFacts(trx, 'postgres');
      await run(findPgTool('pg_dump'), [
        '--format=custom',
        `--snapshot=${rows[0]?.id}`,
        '--no-owner',
        '--no-privileges',
        `--file=${dest}`,
        `--dbname=${databaseUrl}`,
      ]);
      return facts;
    });
}

/** Row counts and head of an open database (after a restore, to compare with the manifest). */
export function databaseFacts(handle: DatabaseHandle): Promise<SnapshotFacts> {
  return kyselyFacts(handle.db, handle.dialect);
}

/** Whether the target holds no tables (a restore writes only into an empty database). */
export async function databaseIsEmpty(handle: DatabaseHandle): Promise<boolean> {
  return (await listTables(handle.db, handle.dialect)).length === 0;
}

/** Where the SQLite file of a data folder lives. */
export const sqliteFile = (dataDir: string) => path.join(dataDir, SQLITE_FILE);

/**
 * Loads a dump into an empty target. SQLite: the file is moved into place (the caller has checked
 * there is none with tables, and no connection is open on it). PostgreSQL: pg_restore in one
 * transaction that stops at the first error, so a failed restore leaves the target empty.
 */
export async function loadDump(
  dialect: DialectName,
  dump: string,
  target: { dataDir: string; databaseUrl?: string | undefined },
): Promise<void> {
  if (dialect === 'sqlite') {
    const file = sqliteFile(target.dataDir);
    for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(file + extra, { force: true });
    fs.renameSync(dump, file);
    return;
  }
  if (!target.databaseUrl) throw new Error('PostgreSQL restore needs DATABASE_URL');
  await run(findPgTool('pg_restore'), [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${target.databaseUrl}`,
    dump,
  ]);
}
