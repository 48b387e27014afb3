import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('contests'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contests_organizer_idx')
    .on('contests')
    .column('organizer_unit_id')
    .execute();

  await db.schema
    .createTable('contest_participants')
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('group_label', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('contest_participants_pk', ['contest_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('contest_participants_unit_idx')
    .on('contest_participants')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('contest_evaluators')
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('contest_evaluators_pk', ['contest_id', 'indicator_code'])
    .execute();
  await db.schema
    .createIndex('contest_evaluators_unit_idx')
    .on('contest_evaluators')
    .column('unit_id')
    .execute();

  await addIdColumn(db, db.schema.createTable('rubric_versions'))
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rubric_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('rubric_versions_contest_version', ['contest_id', 'version'])
    .execute();

  await addIdColumn(db, db.schema.createTable('rounds'))
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('rubric_version_id', 'integer', (c) => c.notNull().references('rubric_versions.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rounds_contest_period', ['contest_id', 'period'])
    .execute();
  await db.schema.createIndex('rounds_state_idx').on('rounds').column('state').execute();

  await addIdColumn(db, db.schema.createTable('entries'))
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'integer')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entries_round_unit_indicator', ['round_id', 'unit_id', 'indicator_code'])
    .execute();

  await addIdColumn(db, db.schema.createTable('verifications'))
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verifications_entry_idx')
    .on('verifications')
    .column('entry_id')
    .execute();

  await addIdColumn(db, db.schema.createTable('evidence_files'))
    .addColumn('entry_id', 'integer', (c) =>
      c.notNull().references('entries.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_entry_idx')
    .on('evidence_files')
    .column('entry_id')
    .execute();

  // One row per unit and revision: revision 0 is the round as first computed and published;
  // each correction adds the next, and earlier ones stay readable.
  await db.schema
    .createTable('results')
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('group_label', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('overall_rank', 'integer', (c) => c.notNull())
    .addColumn('flag', 'text')
    .addColumn('vetoed', 'integer', (c) => c.notNull())
    .addColumn('previous_rank', 'integer')
    .addColumn('rank_change', 'integer')
    .addColumn('total_change', 'double precision')
    .addColumn('gap_to_next', 'double precision')
    .addColumn('gap_to_red', 'double precision')
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('results_pk', ['round_id', 'revision', 'unit_id'])
    .execute();
  await db.schema.createIndex('results_unit_idx').on('results').column('unit_id').execute();

  await db.schema
    .createTable('round_revisions')
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changes_json', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_revisions_pk', ['round_id', 'revision'])
    .execute();

  await addIdColumn(db, db.schema.createTable('flags'))
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('awarded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flags_year_idx').on('flags').columns(['year', 'unit_id']).execute();
  await db.schema.createIndex('flags_round_idx').on('flags').column('round_id').execute();

  await addIdColumn(db, db.schema.createTable('appeals'))
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('appeals_round_idx').on('appeals').column('round_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'appeals',
    'flags',
    'round_revisions',
    'results',
    'evidence_files',
    'verifications',
    'entries',
    'rounds',
    'rubric_versions',
    'contest_evaluators',
    'contest_participants',
    'contests',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
