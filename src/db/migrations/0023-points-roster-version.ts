import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The points roster's version: raised whenever a branch is added, removed or moved to another
 * unit, or a member is added, removed, renamed, moved to another branch or changes status —
 * everything a leaderboard lists besides the points. A scope's roster (its branches and members,
 * app/points.ts) is kept until it or `units_version` moves, whoever writes; the points themselves
 * move `points_version` on every approval, and a board recomputed after one reads only the totals.
 * Triggers raise it in the writing transaction; PostgreSQL once per statement, SQLite once per row.
 */
const WATCHED = [
  { table: 'points_branches', columns: 'unit_id' },
  { table: 'points_members', columns: 'branch_id, name, status' },
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('points_roster_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('points_roster_version').values({ id: 1, n: 0 }).execute();
  const bump = sql`update points_roster_version set n = n + 1 where id = 1`;
  if (dialectOf(db) === 'postgres') {
    await sql`
      create or replace function leitai_points_roster_bump() returns trigger language plpgsql as $$
      begin
        ${bump};
        return null;
      end $$`.execute(db);
    for (const { table, columns } of WATCHED) {
      await sql`
        create trigger ${sql.id(`${table}_roster_version`)} after insert or update of ${sql.raw(columns)}
        or delete or truncate on ${sql.id(table)}
        for each statement execute function leitai_points_roster_bump()`.execute(db);
    }
    return;
  }
  for (const { table, columns } of WATCHED) {
    await sql`
      create trigger ${sql.id(`${table}_roster_update`)} after update of ${sql.raw(columns)}
      on ${sql.id(table)} begin ${bump}; end`.execute(db);
    for (const event of ['insert', 'delete'] as const) {
      await sql`
        create trigger ${sql.id(`${table}_roster_${event}`)} after ${sql.raw(event)}
        on ${sql.id(table)} begin ${bump}; end`.execute(db);
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of WATCHED) {
    if (dialectOf(db) === 'postgres') {
      await sql`drop trigger if exists ${sql.id(`${table}_roster_version`)} on ${sql.id(table)}`.execute(
        db,
      );
      continue;
    }
    for (const event of ['update', 'insert', 'delete']) {
      await sql`drop trigger if exists ${sql.id(`${table}_roster_${event}`)}`.execute(db);
    }
  }
  if (dialectOf(db) === 'postgres')
    await sql`drop function if exists leitai_points_roster_bump()`.execute(db);
  await db.schema.dropTable('points_roster_version').execute();
}
