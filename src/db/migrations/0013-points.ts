import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('points_branches'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().unique().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await addIdColumn(db, db.schema.createTable('points_members'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('points_branches.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transferred_in_on', 'text')
    .addColumn('transferred_out_on', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('points_members_branch_idx')
    .on('points_members')
    .column('branch_id')
    .execute();
  await db.schema
    .createTable('points_assignments')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('points_branches.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_assignments_pk', ['user_id', 'branch_id', 'role'])
    .execute();
  await addIdColumn(db, db.schema.createTable('points_rules'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('item_cap', 'integer')
    .addColumn('category_cap', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await addIdColumn(db, db.schema.createTable('points_records'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('points_members.id'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('points_branches.id'))
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('points_rules.id'))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_sha256', 'text')
    .addColumn('evidence_type', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('points_records_branch_idx')
    .on('points_records')
    .columns(['branch_id', 'status', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('points_records_member_idx')
    .on('points_records')
    .columns(['member_id', 'occurred_on'])
    .execute();
  await addIdColumn(db, db.schema.createTable('points_disputes'))
    .addColumn('record_id', 'integer', (c) => c.notNull().references('points_records.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createTable('points_quarters')
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_quarters_pk', ['organizer_unit_id', 'quarter'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'points_quarters',
    'points_disputes',
    'points_records',
    'points_rules',
    'points_assignments',
    'points_members',
    'points_branches',
  ])
    await db.schema.dropTable(t).execute();
}
