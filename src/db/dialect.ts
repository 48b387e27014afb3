/**
 * Every difference between SQLite and PostgreSQL lives here (STYLE.md §9): connecting, type
 * parsing, identity columns, text search and batch sizes. Nothing else checks the dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type CreateTableBuilder,
  type Expression,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type SqlBool,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for logs: the SQLite file or the PostgreSQL URL without password. */
  location: string;
  close(): Promise<void>;
}

// PostgreSQL sends bigint (count(*), sum) and numeric as strings; Leitai's figures fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export const SQLITE_FILE = 'leitai.sqlite';

export function openSqlite(dataDir: string): DatabaseHandle {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

export interface PostgresOptions {
  /** Schema to work in (tests use one schema each); `public` when absent. */
  schema?: string;
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

/** Opens PostgreSQL when a URL is given, else the SQLite file in the data folder. */
export function openDatabase(config: { dataDir: string; databaseUrl?: string | undefined }) {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openSqlite(config.dataDir);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations and dialect helpers work on any schema.
type AnyDb = Kysely<any>;

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The schema Kysely's migration tables belong in: PostgreSQL's current schema (each test suite
 * has its own; without naming it, Kysely would take another schema's tables for this one's).
 */
export async function migrationSchema(db: AnyDb): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

/** An auto-numbered integer primary key `id`. */
export function addIdColumn<T extends string>(
  db: AnyDb,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** A text column that holds JSON: jsonb on PostgreSQL, text on SQLite. */
export function jsonColumn(db: AnyDb) {
  return dialectOf(db) === 'postgres' ? sql`jsonb` : sql`text`;
}

/** Case-insensitive "contains" on a text column (PostgreSQL's LIKE is case-sensitive). */
export function containsText(
  db: AnyDb,
  column: Expression<string> | string,
  text: string,
): Expression<SqlBool> {
  const pattern = `%${escapeLike(text)}%`;
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${ref} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${ref} like ${pattern} escape '\\'`;
}

/** "Starts with" on a text column. */
export function startsWithText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Locks the selected rows until the transaction ends. PostgreSQL needs `FOR UPDATE`; SQLite
 * already runs one write transaction at a time (one connection, serialised), and has no such clause.
 */
export function forUpdate<QB extends { forUpdate(): QB }>(db: AnyDb, query: QB): QB {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** Rows per multi-row INSERT: SQLite binds at most 32,766 parameters, PostgreSQL 65,535. */
export function insertBatchSize(db: AnyDb, columns: number): number {
  const limit = dialectOf(db) === 'postgres' ? 65_000 : 32_000;
  return Math.max(1, Math.min(1000, Math.floor(limit / columns)));
}

/** Booleans are stored as 0/1 integers on both databases (better-sqlite3 cannot bind booleans). */
export const toDbBool = (value: boolean): number => (value ? 1 : 0);
export const fromDbBool = (value: number | boolean | null): boolean => Boolean(value);
