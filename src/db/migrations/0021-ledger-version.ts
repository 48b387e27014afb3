import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The ledger's version (issue 15): one counter raised by the database itself whenever what the
 * ledger list shows may have changed — any insert, update or delete of a project; a unit's
 * code or name (the list shows the responsible unit) or its parent (a subtree's lists hold its
 * units' projects); a unit added or removed (a list filtered by a unit is kept under the unit as
 * asked, so what that names must not change under one version). Lists are cached per scope and filter until
 * it moves (app/projects.ts), so every writer counts: a use case, the month-end job, an import,
 * another server, psql. Triggers raise it in the writing transaction, so a reader that sees the
 * new version sees the change. PostgreSQL raises it once per statement, SQLite once per row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('ledger_version').values({ id: 1, n: 0 }).execute();
  const bump = sql`update ledger_version set n = n + 1 where id = 1`;
  if (dialectOf(db) === 'postgres') {
    await sql`
      create or replace function leitai_ledger_bump() returns trigger language plpgsql as $$
      begin
        ${bump};
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ledger_projects_version after insert or update or delete or truncate
      on ledger_projects for each statement execute function leitai_ledger_bump()`.execute(db);
    await sql`
      create trigger units_ledger_version after insert or update of code, name, parent_id or delete
      on units for each statement execute function leitai_ledger_bump()`.execute(db);
    return;
  }
  for (const op of ['insert', 'update', 'delete']) {
    await sql`
      create trigger ${sql.id(`ledger_projects_version_${op}`)} after ${sql.raw(op)}
      on ledger_projects begin ${bump}; end`.execute(db);
  }
  await sql`
    create trigger units_ledger_version_update after update of code, name, parent_id on units
    begin ${bump}; end`.execute(db);
  await sql`
    create trigger units_ledger_version_delete after delete on units
    begin ${bump}; end`.execute(db);
  await sql`
    create trigger units_ledger_version_insert after insert on units
    begin ${bump}; end`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists ledger_projects_version on ledger_projects`.execute(db);
    await sql`drop trigger if exists units_ledger_version on units`.execute(db);
    await sql`drop function if exists leitai_ledger_bump()`.execute(db);
  } else {
    for (const name of [
      'ledger_projects_version_insert',
      'ledger_projects_version_update',
      'ledger_projects_version_delete',
      'units_ledger_version_update',
      'units_ledger_version_delete',
      'units_ledger_version_insert',
    ]) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
    }
  }
  await db.schema.dropTable('ledger_version').execute();
}
