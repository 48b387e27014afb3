import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * Several app servers on one PostgreSQL (issue 18):
 * - `stored_files` / `stored_file_chunks`: evidence and images in the database (chunked bytes),
 *   when LEITAI_FILE_STORE=postgres, so instances need no shared disk (both dialects, so the
 *   schema is the same everywhere);
 * - `rounds.entries_serial` (raised by every write of the round's entries) and `computed_basis`
 *   (what the stored results were computed from): a round is recomputed only when something
 *   it depends on changed since the last computation;
 * - on PostgreSQL, triggers that NOTIFY `leitai_changes` when what public pages show changes
 *   (rounds by id; contests, rubrics, practices, units, flags, assessments by table), so every
 *   instance drops its caches at once. Sent at commit, from any writer (server, CLI, psql).
 */
const NOTIFY_BY_TABLE = [
  'contests',
  'contest_participants',
  'rubric_versions',
  'practices',
  'units',
  'flags',
  'assessments',
  'assessment_versions',
  'assessment_ratings',
  'assessment_adjustments',
  'round_notices',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('stored_files')
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('chunks', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_files_pk', ['folder', 'sha256'])
    .execute();
  await db.schema
    .createTable('stored_file_chunks')
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_chunks_pk', ['folder', 'sha256', 'seq'])
    .execute();
  await db.schema
    .alterTable('rounds')
    .addColumn('entries_serial', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('rounds').addColumn('computed_basis', 'text').execute();
  if (!postgres) return;
  await sql`
    create or replace function leitai_notify_change() returns trigger language plpgsql as $$
    begin
      if TG_LEVEL = 'ROW' then
        if TG_OP = 'DELETE' then
          perform pg_notify('leitai_changes', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME || ':' || OLD.id);
        else
          perform pg_notify('leitai_changes', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME || ':' || NEW.id);
        end if;
      else
        perform pg_notify('leitai_changes', TG_TABLE_SCHEMA || ':' || TG_TABLE_NAME || ':');
      end if;
      return null;
    end $$`.execute(db);
  // Rounds by row, and only when what the public sees changes (not every save's serial).
  await sql`
    create trigger rounds_notify after insert or delete on rounds
    for each row execute function leitai_notify_change()`.execute(db);
  await sql`
    create trigger rounds_notify_update after update on rounds
    for each row
    when ((old.state, old.revision, old.published_at, old.period)
          is distinct from (new.state, new.revision, new.published_at, new.period))
    execute function leitai_notify_change()`.execute(db);
  for (const table of NOTIFY_BY_TABLE) {
    await sql`
      create trigger ${sql.id(`${table}_notify`)} after insert or update or delete on ${sql.table(table)}
      for each statement execute function leitai_notify_change()`.execute(db);
  }
}
