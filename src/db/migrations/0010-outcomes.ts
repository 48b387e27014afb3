import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// Outcomes a county can publish and defend (DESIGN §2, §7, §8): flag cadences and the notice
// window per contest, the notice of each round, series with their documents' numbers, and the
// follow-up of yellow flags (整改, 约谈).
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // Cadences that award flags, comma-separated; null: the contest's main cadence only.
  await db.schema.alterTable('contests').addColumn('flag_cadences', 'text').execute();
  // Days of the notice (公示) window; null: 3.
  await db.schema.alterTable('contests').addColumn('notice_days', 'integer').execute();

  // A round's notice window: set on entering notice; an early publication records its reason.
  await db.schema
    .createTable('round_notices')
    .addColumn('round_id', 'integer', (c) =>
      c.primaryKey().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('early_reason', 'text')
    .addColumn('early_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await addIdColumn(db, db.schema.createTable('series'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('doc_prefix', 'text', (c) => c.notNull())
    .addColumn('copy_to', 'text')
    .addColumn('printed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('series_contests')
    .addColumn('series_id', 'integer', (c) =>
      c.notNull().references('series.id').onDelete('cascade'),
    )
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('series_contests_pk', ['series_id', 'contest_id'])
    .execute();
  // 发文字号: numbered per office (its prefix) and year; one number per series and period.
  await addIdColumn(db, db.schema.createTable('document_numbers'))
    .addColumn('doc_prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('series_id', 'integer', (c) =>
      c.notNull().references('series.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_numbers_number_uq', ['doc_prefix', 'year', 'number'])
    .addUniqueConstraint('document_numbers_series_uq', ['series_id', 'period'])
    .execute();

  // 整改: one per yellow flag (round × unit); an interview (约谈) after two yellows in a row.
  await addIdColumn(db, db.schema.createTable('rectifications'))
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text')
    .addColumn('measures', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('signed_off_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_off_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('interview_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interview_on', 'text')
    .addColumn('interview_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rectifications_round_unit_uq', ['round_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('rectifications_unit_idx')
    .on('rectifications')
    .columns(['unit_id', 'state'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rectifications').execute();
  await db.schema.dropTable('document_numbers').execute();
  await db.schema.dropTable('series_contests').execute();
  await db.schema.dropTable('series').execute();
  await db.schema.dropTable('round_notices').execute();
  await db.schema.alterTable('contests').dropColumn('notice_days').execute();
  await db.schema.alterTable('contests').dropColumn('flag_cadences').execute();
}
