import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The unit tree's version: one counter the database raises whenever a unit is added or removed,
 * or a unit's code, name or parent changes — everything a unit's path and a lookup by code
 * depend on. What is read by unit and path (a board's scope and the subtree check that guards it,
 * the planning office's id) is kept until it moves (app/versioned-cache.ts), whoever writes: a
 * use case, an import, another server, psql. Triggers raise it in the writing transaction;
 * PostgreSQL once per statement, SQLite once per row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('units_version').values({ id: 1, n: 0 }).execute();
  const bump = sql`update units_version set n = n + 1 where id = 1`;
  if (dialectOf(db) === 'postgres') {
    await sql`
      create or replace function leitai_units_bump() returns trigger language plpgsql as $$
      begin
        ${bump};
        return null;
      end $$`.execute(db);
    await sql`
      create trigger units_version after insert or update of code, name, parent_id or delete
      or truncate on units for each statement execute function leitai_units_bump()`.execute(db);
    return;
  }
  await sql`
    create trigger units_version_update after update of code, name, parent_id on units
    begin ${bump}; end`.execute(db);
  await sql`create trigger units_version_delete after delete on units begin ${bump}; end`.execute(
    db,
  );
  await sql`create trigger units_version_insert after insert on units begin ${bump}; end`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists units_version on units`.execute(db);
    await sql`drop function if exists leitai_units_bump()`.execute(db);
  } else {
    for (const name of ['units_version_update', 'units_version_delete', 'units_version_insert']) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
    }
  }
  await db.schema.dropTable('units_version').execute();
}
