/**
 * Every difference between SQLite and PostgreSQL lives here (STYLE.md §9): connecting, type
 * parsing, identity columns, text search and batch sizes. Nothing else checks the dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Expression,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type QueryCreator,
  type QueryResult,
  type SqlBool,
  type SqliteDatabase,
  SqliteDialect,
  sql,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * SQLite compiles every statement it runs; Kysely asks for a new one per query, and compiling
 * was a seventh of a small request's CPU. Statements are kept by their SQL text, the 500 most
 * recently used (IN lists of every length make new texts). Safe to share: Kysely runs one query
 * at a time on the connection, and a stream holds it until the stream ends.
 */
function withStatementCache(database: SQLite.Database, size = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text); // most recently used last
      } else {
        statement = database.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export interface PostgresOptions {
  /** Schema to work in (tests use one schema each); `public` when absent. */
  schema?: string;
  max?: number;
  /** How the connections name themselves in pg_stat_activity (`leitai` when absent). */
  applicationName?: string;
  /** Told about connection errors the pool survives (a restart, pg_terminate_backend). */
  onConnectionError?: (error: Error) => void;
}

export function openPostgres(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    application_name: options.applicationName ?? 'leitai',
    // A database that does not answer fails the request (503) instead of queueing it forever.
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.max ?? 10 });
  // A terminated backend (restart, failover, pg_terminate_backend, a pooler's timeout) makes its
  // client emit 'error'; unhandled, that event would end the process. The pool drops such
  // clients and opens new ones on demand; the request that met the loss answers 503 (or is
  // retried once when it was a plain read, see RetryingDriver).
  const onError = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', onError);
  const names = new StatementNames();
  pool.on('connect', (client) => {
    client.on('error', onError);
    wrapQuery(client, names);
  });
  const base = new PostgresDialect({ pool });
  const dialect: Dialect = {
    createAdapter: () => base.createAdapter(),
    createDriver: () =>
      new RetryingDriver(base.createDriver(), async (query) => {
        // The retry takes a connection of its own: the pool's idle ones may belong to the
        // same terminated backends and not have heard of it yet.
        const client = new pg.Client(clientConfig);
        client.on('error', onError);
        try {
          await client.connect();
          const result = await client.query(query.sql, [...query.parameters]);
          return { rows: result.rows };
        } finally {
          await client.end().catch(() => undefined);
        }
      }),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

/**
 * True when the error says the database could not be reached or the connection was lost (not
 * that a statement was wrong): PostgreSQL's class 08 and 57P01–57P03, the network's errors and
 * node-postgres's own messages. The server answers these with 503 DATABASE_UNAVAILABLE.
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') {
      return true;
    }
    if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) {
      return true;
    }
  }
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/i.test(
    error.message,
  );
}

/**
 * True when the error is a unique-constraint violation (two requests creating the same thing
 * at once): PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY. Answered 409.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * True when concurrent requests collided: a unique violation, or PostgreSQL giving up on one of
 * two transactions (40P01 deadlock, 40001 serialization failure). The loser is told 409 CONFLICT
 * and may simply try again; nothing of its transaction remains.
 */
export function isConcurrencyConflict(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return code === '40P01' || code === '40001';
}

interface TrackedConnection extends DatabaseConnection {
  inner: DatabaseConnection;
  inTransaction: boolean;
}

/**
 * PostgreSQL's driver, retrying a plain read once on a fresh connection when its connection was
 * lost. Only SELECTs outside a transaction are retried: they change nothing, so running one twice
 * is harmless; anything else fails with the connection error (503) and the client decides.
 */
class RetryingDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly readAgain: (query: CompiledQuery) => Promise<{ rows: unknown[] }>,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    const driver = this;
    const connection: TrackedConnection = {
      inner,
      inTransaction: false,
      async executeQuery<R>(query: CompiledQuery) {
        try {
          return await inner.executeQuery<R>(query);
        } catch (error) {
          if (connection.inTransaction || !isConnectionError(error) || !isRead(query)) throw error;
          return (await driver.readAgain(query)) as QueryResult<R>;
        }
      },
      streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
        return inner.streamQuery<R>(query, chunkSize);
      },
    };
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const c = connection as TrackedConnection;
    c.inTransaction = true;
    await this.inner.beginTransaction(c.inner, settings);
  }

  async commitTransaction(connection: DatabaseConnection) {
    const c = connection as TrackedConnection;
    try {
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    const c = connection as TrackedConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } finally {
      c.inTransaction = false;
    }
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) =>
    this.inner.savepoint!((connection as TrackedConnection).inner, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!((connection as TrackedConnection).inner, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!((connection as TrackedConnection).inner, name, compile);

  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection((connection as TrackedConnection).inner);
  }

  destroy() {
    return this.inner.destroy();
  }
}

function isRead(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return true;
  return kind === 'RawNode' && /^\s*select\b/i.test(query.sql);
}

/** Opens PostgreSQL when a URL is given, else the SQLite file in the data folder. */
export function openDatabase(
  config: { dataDir: string; databaseUrl?: string | undefined },
  options: Pick<PostgresOptions, 'onConnectionError'> = {},
) {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, options)
    : openSqlite(config.dataDir);
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

/**
 * `column` is one of `ids`, sent as one parameter however many there are: PostgreSQL
 * `= any($1::int8[])`, SQLite `in (select value from json_each($1))`. One statement text for every
 * length (so it is prepared once), and no parameter limit (a province's ten thousand branches).
 */
export function isAnyOf(db: AnyDb, column: string, ids: readonly number[]): Expression<SqlBool> {
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::int8[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** A recursive CTE's view of the unit tree walked so far. */
type WithSubtree = Database & { subtree: { id: number } };

/**
 * One step down the unit tree in the recursive CTE `subtree(id)`: the children of the units
 * found so far. PostgreSQL cannot estimate a recursive CTE and ran this step as a hash join over
 * the whole units table — a sequential scan per level, in proportion to the country rather than
 * the subtree (a town's 30 villages: 8 ms over 10,000 units). A LATERAL subquery behind `offset 0`
 * (which keeps it from being flattened back into that join) looks each unit's children up in
 * `units_parent_idx` instead (1.5 ms). SQLite's planner does that with the plain join.
 */
export function childUnitsStep(db: AnyDb, qb: QueryCreator<WithSubtree>) {
  if (dialectOf(db) !== 'postgres') {
    return qb
      .selectFrom('units as u')
      .innerJoin('subtree as s', 's.id', 'u.parent_id')
      .select('u.id');
  }
  return qb
    .selectFrom('subtree as s')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('units')
          .select('units.id')
          .whereRef('units.parent_id', '=', 's.id')
          .offset(0)
          .as('u'),
      (join) => join.onTrue(),
    )
    .select('u.id');
}

/**
 * `column` is one of the ids `subtree(id)` holds. PostgreSQL reads them into an array first
 * (`= any(array(…))`, one value the plan looks up by index) rather than joining the CTE, whose size
 * it cannot estimate and would hash against the whole table; SQLite takes `in (select …)`.
 */
export function inSubtree(db: AnyDb, column: string): Expression<SqlBool> {
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(array(select id from subtree))`
    : sql<SqlBool>`${sql.ref(column)} in (select id from subtree)`;
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

/**
 * Locks the selected row for the rest of the transaction when the handle is one (PostgreSQL's
 * `FOR UPDATE`); outside a transaction, and on SQLite, a plain read. Repositories read rounds and
 * contests through it, so every use case that reads a state and acts on it (a transition, a
 * publication, a save while collecting) holds the row until it commits: a second request waits
 * and then sees the first one's outcome instead of acting on a stale state.
 */
export function lockedInTransaction<QB extends { forUpdate(): QB }>(db: AnyDb, query: QB): QB {
  return db.isTransaction ? forUpdate(db, query) : query;
}

// COPY FROM STDIN (PostgreSQL): Kysely's connections send `client.query(sql, parameters)`; a
// query whose one parameter is a CopyRows runs as COPY with the rows streamed to the server, in
// the caller's transaction, on its connection.
const COPY_ROWS = Symbol('leitai copy rows');
interface CopyRows {
  [COPY_ROWS]: Iterable<readonly unknown[]>;
}

/**
 * Prepared statements on PostgreSQL, as npgsql's auto-prepare does it: a statement whose text this
 * process sends a second time gets a name, and each connection then parses and plans it once
 * (PostgreSQL chooses a generic or a per-call plan, as for any prepared statement). On this
 * machine a token check cost the server 142 µs of CPU unnamed and 36 µs named; a board's
 * recursive scope 268 and 72 µs: most of a cached request's cost was planning. At most
 * `capacity` texts are named (each connection holds the ones it used); later texts stay unnamed.
 * Only single SELECT/INSERT/UPDATE/DELETE statements are named (a parameterless text may hold
 * several statements, which only the simple protocol runs).
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 400) {}

  nameOf(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= this.capacity) return name;
    if (!this.seen.has(text)) {
      if (this.seen.size >= 4 * this.capacity) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    if (!/^\s*(select|with|insert|update|delete)\b/i.test(text) || text.includes(';')) return;
    const fresh = `leitai_${this.names.size + 1}`;
    this.names.set(text, fresh);
    return fresh;
  }
}

/**
 * A statement prepared before the tables changed under it (a migration or restore by another
 * process) can fail with "cached plan must not change result type" (0A000) or find its name gone
 * (26000). The connection is then dropped when released, and a statement outside a transaction
 * runs again unnamed; inside one the transaction has failed and the error goes to the caller.
 */
const STALE_STATEMENT = new Set(['0A000', '26000']);

function wrapQuery(client: pg.PoolClient, names: StatementNames): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let stale = false;
  // Not async: a submittable (a COPY stream) must come back as itself, not in a promise.
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || !Array.isArray(values)) return query(...args);
    const rows = values.length === 1 ? values[0] : undefined;
    if (rows && typeof rows === 'object' && COPY_ROWS in rows) {
      return runCopy(client, text, (rows as CopyRows)[COPY_ROWS]);
    }
    const name = stale ? undefined : names.nameOf(text);
    if (name === undefined) return query(text, values);
    return query({ name, text, values }).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !STALE_STATEMENT.has(code)) throw error;
      // The pool gives every checkout its own release: this one ends the connection.
      stale = true;
      const release = client.release;
      client.release = (reason?: Error | boolean) => release(reason ?? true);
      if (client.getTransactionStatus() !== 'I') throw error;
      return query(text, values);
    });
  };
}

async function runCopy(client: pg.PoolClient, text: string, rows: Iterable<readonly unknown[]>) {
  const stream = client.query(copyFrom(text));
  await pipeline(Readable.from(copyText(rows)), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/** COPY's text format, in chunks of about 256 KiB. */
function* copyText(rows: Iterable<readonly unknown[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyValue).join('\t')}\n`;
    if (chunk.length >= 262_144) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`COPY: not a finite number: ${value}`);
    return String(value);
  }
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Rows at or above which `insertRows` uses COPY on PostgreSQL. */
export const COPY_THRESHOLD = 5000;

/**
 * Inserts rows into a table, in the handle's transaction when it is one: COPY FROM STDIN on
 * PostgreSQL for many rows (sheet imports of a national round, feeds), multi-row INSERTs below
 * `COPY_THRESHOLD` and on SQLite. Values are numbers, text or null.
 */
export async function insertRows(
  db: AnyDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  if (!rows.length) return;
  if (dialectOf(db) === 'postgres' && rows.length >= COPY_THRESHOLD) {
    const cols = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
    const name = `"${table.replace(/"/g, '""')}"`;
    const marker: CopyRows = { [COPY_ROWS]: rows };
    await db.executeQuery(CompiledQuery.raw(`copy ${name} (${cols}) from stdin`, [marker]));
    // The planner must know the table grew (autovacuum would tell it later): without fresh
    // statistics the next queries over it plan for a handful of rows and crawl.
    await db.executeQuery(CompiledQuery.raw(`analyze ${name}`));
    return;
  }
  const size = insertBatchSize(db, columns.length);
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(
        rows
          .slice(i, i + size)
          .map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k] ?? null]))),
      )
      .execute();
  }
}

/** Rows per multi-row INSERT: SQLite binds at most 32,766 parameters, PostgreSQL 65,535. */
export function insertBatchSize(db: AnyDb, columns: number): number {
  const limit = dialectOf(db) === 'postgres' ? 65_000 : 32_000;
  return Math.max(1, Math.min(1000, Math.floor(limit / columns)));
}

/** Booleans are stored as 0/1 integers on both databases (better-sqlite3 cannot bind booleans). */
export const toDbBool = (value: boolean): number => (value ? 1 : 0);
export const fromDbBool = (value: number | boolean | null): boolean => Boolean(value);

/**
 * Native monthly range partitioning (issue 18): on PostgreSQL, turns `table` (already holding
 * rows) into a table partitioned by month on the ISO-date text column `column`, with the primary
 * key (id, column), its rows copied into a partition per month they fall in. A partitioned
 * table cannot be the target of a foreign key on `id` alone, so `referencedBy` constraints
 * ({table, constraint}) are dropped (the application checks those references). SQLite: nothing
 * to do, the table stays one table.
 */
export async function partitionByMonth(
  db: AnyDb,
  table: string,
  column: string,
  referencedBy: { table: string; column: string }[],
): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const r of referencedBy) {
    const { rows } = await sql<{ name: string }>`
      select c.conname as name from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      where c.contype = 'f' and t.relname = ${r.table} and t.relnamespace = current_schema()::regnamespace
        and c.confrelid = (select oid from pg_class where relname = ${table} and relnamespace = current_schema()::regnamespace)`.execute(
      db,
    );
    for (const row of rows)
      await sql`alter table ${sql.table(r.table)} drop constraint ${sql.id(row.name)}`.execute(db);
  }
  const old = `${table}_unpartitioned`;
  await sql`alter table ${sql.table(table)} rename to ${sql.id(old)}`.execute(db);
  // The old table's constraint and index names would collide with the new table's.
  await sql`alter table ${sql.table(old)} rename constraint ${sql.id(`${table}_pkey`)} to ${sql.id(`${old}_pkey`)}`.execute(
    db,
  );
  await sql`create table ${sql.table(table)} (like ${sql.table(old)} including defaults including identity)
    partition by range (${sql.ref(column)})`.execute(db);
  await sql`alter table ${sql.table(table)} add primary key (id, ${sql.ref(column)})`.execute(db);
  const { rows: months } = await sql<{ month: string }>`
    select distinct substr(${sql.ref(column)}, 1, 7) as month from ${sql.table(old)}`.execute(db);
  await ensureMonthPartitions(
    db,
    table,
    months.map((m) => m.month),
  );
  await sql`insert into ${sql.table(table)} overriding system value select * from ${sql.table(old)}`.execute(
    db,
  );
  await sql`drop table ${sql.table(old)}`.execute(db);
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}

/**
 * Makes sure the month partitions (`YYYY-MM`) of a table partitioned by `partitionByMonth`
 * exist, creating the missing ones (`<table>_y2026m11`). SQLite: nothing to do.
 */
export async function ensureMonthPartitions(
  db: AnyDb,
  table: string,
  months: readonly string[],
): Promise<void> {
  if (dialectOf(db) !== 'postgres' || months.length === 0) return;
  const wanted = new Map<string, string>();
  for (const month of months) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a month: ${month}`);
    wanted.set(`${table}_y${month.slice(0, 4)}m${month.slice(5, 7)}`, month);
  }
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class
    where relnamespace = current_schema()::regnamespace and relname = any(${[...wanted.keys()]})`.execute(
    db,
  );
  for (const r of rows) wanted.delete(r.name);
  for (const [name, month] of wanted) {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await sql`create table if not exists ${sql.table(name)} partition of ${sql.table(table)}
      for values from (${sql.lit(`${month}-01`)}) to (${sql.lit(`${next}-01`)})`.execute(db);
  }
}
