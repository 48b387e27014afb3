/**
 * PostgreSQL's prepared statements (dialect.ts): a statement sent again runs by name, and a
 * table changed under a prepared statement (another process's migration or restore) neither
 * fails a plain read nor leaves the connection broken. PostgreSQL only: SQLite keeps its
 * statements in the process and has no names.
 */

import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DatabaseHandle, openPostgres, StatementNames } from './dialect.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('StatementNames', () => {
  test('names a statement the second time it is sent, the same name after', () => {
    const names = new StatementNames();
    const text = 'select * from units where id = $1';
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^leitai_\d+$/);
    expect(names.nameOf(text)).toBe(name);
    expect(names.nameOf(`${text} `)).toBeUndefined();
  });

  test('never names several statements or anything but a query', () => {
    const names = new StatementNames();
    for (const text of ['select 1; select 2', 'create table x (a int)', 'begin', 'vacuum']) {
      names.nameOf(text);
      expect(names.nameOf(text), text).toBeUndefined();
    }
  });

  test('names at most its capacity, then leaves new texts unnamed', () => {
    const names = new StatementNames(2);
    for (const text of ['select 1', 'select 2', 'select 3']) names.nameOf(text);
    expect(names.nameOf('select 1')).toBeDefined();
    expect(names.nameOf('select 2')).toBeDefined();
    expect(names.nameOf('select 3')).toBeUndefined();
    expect(names.nameOf('select 1')).toBeDefined();
  });
});

describe.skipIf(!pgUrl)('prepared statements on PostgreSQL', () => {
  const schema = `t_prep_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let admin: pg.Client;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    handle = openPostgres(pgUrl!, { schema, max: 2, applicationName: schema });
    await sql`create table things (id integer primary key, name text)`.execute(handle.db);
    await sql`insert into things values (1, 'a'), (2, 'b')`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.query(`drop schema ${schema} cascade`);
    await admin?.end();
  });

  const read = (id: number) =>
    sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(handle.db);

  test('a statement sent again is prepared on the server', async () => {
    for (let i = 0; i < 4; i++) await read(1);
    const { rows } = await sql<{ statement: string }>`
      select statement from pg_prepared_statements`.execute(handle.db);
    expect(rows.map((r) => r.statement)).toContain('select * from things where id = $1');
  });

  test('a table changed under a prepared read: the read still answers, with the new shape', async () => {
    for (let i = 0; i < 4; i++) await read(1);
    // Another process changes the table: the prepared plan's result type no longer holds.
    await admin.query(`alter table ${schema}.things add column extra text default 'x'`);
    const { rows } = await read(2);
    expect(rows).toEqual([{ id: 2, name: 'b', extra: 'x' }]);
    // Every later read too, on whichever connection: the stale one was dropped, not kept.
    for (let i = 0; i < 6; i++) {
      expect((await read(1)).rows).toEqual([{ id: 1, name: 'a', extra: 'x' }]);
    }
  });

  test('inside a transaction the stale statement fails it; the next transaction works', async () => {
    for (let i = 0; i < 4; i++) await read(1);
    await admin.query(`alter table ${schema}.things add column more integer default 7`);
    const attempt = () =>
      handle.db.transaction().execute(async (trx) => {
        const { rows } = await sql<Record<string, unknown>>`
          select * from things where id = ${1}`.execute(trx);
        await sql`update things set name = 'c' where id = ${2}`.execute(trx);
        return rows;
      });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 4; i++)
      outcomes.push(await attempt().catch((e: { code?: string }) => e.code));
    // At most one failure per connection that held the old plan (the pool has two), then rows.
    expect(outcomes.filter((o) => o === '0A000').length).toBeLessThanOrEqual(2);
    expect(outcomes.at(-1)).toEqual([{ id: 1, name: 'a', extra: 'x', more: 7 }]);
    expect((await read(2)).rows[0]).toMatchObject({ name: 'c' });
  });
});
