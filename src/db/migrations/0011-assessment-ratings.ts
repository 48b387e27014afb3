import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// 综合绩效考核 beyond contests (DESIGN §8): scheme versions and corrections, ratings, adjustments.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // draft (the scheme may change, each change a version) → published (changed only by a correction).
  await db.schema
    .alterTable('assessments')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .execute();
  await db.schema
    .alterTable('assessments')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('assessments').addColumn('published_at', 'text').execute();

  await addIdColumn(db, db.schema.createTable('assessment_versions'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    /** draft, publish or correction */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheme_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_versions_uq', ['assessment_id', 'version'])
    .execute();

  // One rater's score of one unit on one rating component's form.
  await db.schema
    .createTable('assessment_ratings')
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('rater_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_ratings_pk', [
      'assessment_id',
      'component',
      'rater_user_id',
      'unit_id',
    ])
    .execute();

  // 加分/减分/一票否决 proposed with a reason and evidence, approved (or not) by the organizer.
  await addIdColumn(db, db.schema.createTable('assessment_adjustments'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_sha256', 'text')
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_type', 'text')
    /** pending, approved or rejected */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_adjustments_by_assessment')
    .on('assessment_adjustments')
    .columns(['assessment_id', 'unit_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_adjustments').execute();
  await db.schema.dropTable('assessment_ratings').execute();
  await db.schema.dropTable('assessment_versions').execute();
  await db.schema.alterTable('assessments').dropColumn('published_at').execute();
  await db.schema.alterTable('assessments').dropColumn('version').execute();
  await db.schema.alterTable('assessments').dropColumn('state').execute();
}
