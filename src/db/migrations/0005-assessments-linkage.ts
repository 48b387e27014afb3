import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('assessments'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheme_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('assessment_participants')
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('assessment_participants_pk', ['assessment_id', 'unit_id'])
    .execute();

  // 三级联动: a contest made from a county template keeps the template's id.
  await db.schema
    .alterTable('contests')
    .addColumn('template_id', 'integer', (c) => c.references('contests.id'))
    .execute();
  // A county template (三级联动): towns make their own contests from it.
  await db.schema
    .alterTable('contests')
    .addColumn('is_template', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Further cadences of the same contest (周通报, 月考核, 季评比): comma-separated, beside `cadence`.
  await db.schema.alterTable('contests').addColumn('extra_cadences', 'text').execute();
  // A round derived from other rounds (a quarter from its months) instead of entered.
  await db.schema.alterTable('rounds').addColumn('derivation', 'text').execute();

  // A county-board indicator fed by each town's village contest made from a template.
  await db.schema
    .createTable('contest_feeds')
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('template_id', 'integer', (c) => c.notNull().references('contests.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_feeds_pk', ['contest_id', 'indicator_code'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contest_feeds').execute();
  await db.schema.alterTable('rounds').dropColumn('derivation').execute();
  await db.schema.alterTable('contests').dropColumn('extra_cadences').execute();
  await db.schema.alterTable('contests').dropColumn('template_id').execute();
  await db.schema.alterTable('contests').dropColumn('is_template').execute();
  await db.schema.dropTable('assessment_participants').execute();
  await db.schema.dropTable('assessments').execute();
}
