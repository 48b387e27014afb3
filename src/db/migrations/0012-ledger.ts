import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

/** The project ledger (重点项目台账) and task forces (专班), DESIGN §9. Amounts in 万元. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('ledger_taskforces'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_post', 'text', (c) => c.notNull())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('department_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('members_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable('ledger_projects'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('owner', 'text')
    .addColumn('location', 'text')
    .addColumn('industry', 'text')
    .addColumn('description', 'text')
    .addColumn('total_investment', 'double precision', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('taskforce_id', 'integer', (c) => c.references('ledger_taskforces.id'))
    // 增补: added to the list during the year, with the reason.
    .addColumn('supplement_reason', 'text')
    // The light as last computed (on every change and at each snapshot); never typed.
    .addColumn('light', 'text')
    .addColumn('light_reasons', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_investment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_projects_unit_idx')
    .on('ledger_projects')
    .columns(['unit_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('ledger_projects_filter_idx')
    .on('ledger_projects')
    .columns(['kind', 'light', 'state'])
    .execute();

  await db.schema
    .createTable('ledger_investments')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('ledger_projects.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('planned', 'double precision')
    .addColumn('completed', 'double precision')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_investments_pk', ['project_id', 'month'])
    .execute();

  await addIdColumn(db, db.schema.createTable('ledger_milestones'))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('ledger_projects.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('actual_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_milestones_project_idx')
    .on('ledger_milestones')
    .column('project_id')
    .execute();

  await addIdColumn(db, db.schema.createTable('ledger_logs'))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('ledger_projects.id').onDelete('cascade'),
    )
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('photos_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_logs_project_idx')
    .on('ledger_logs')
    .column('project_id')
    .execute();

  await addIdColumn(db, db.schema.createTable('ledger_problems'))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('ledger_projects.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('deadline', 'text')
    .addColumn('reply', 'text')
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_problems_project_idx')
    .on('ledger_problems')
    .column('project_id')
    .execute();
  await db.schema
    .createIndex('ledger_problems_owner_idx')
    .on('ledger_problems')
    .columns(['owner_unit_id', 'state'])
    .execute();

  await addIdColumn(db, db.schema.createTable('ledger_problem_steps'))
    .addColumn('problem_id', 'integer', (c) =>
      c.notNull().references('ledger_problems.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ledger_problem_steps_idx')
    .on('ledger_problem_steps')
    .column('problem_id')
    .execute();

  // The monthly snapshot of every project's light: one row a project and month.
  await db.schema
    .createTable('ledger_lights')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('ledger_projects.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('ytd_planned', 'double precision', (c) => c.notNull())
    .addColumn('ytd_completed', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_lights_pk', ['project_id', 'month'])
    .execute();
  await db.schema
    .createIndex('ledger_lights_month_idx')
    .on('ledger_lights')
    .column('month')
    .execute();

  // Contest cells filled from the ledger when a round opened (editable by the organizer only).
  await db.schema
    .createTable('ledger_entry_sources')
    .addColumn('round_id', 'integer', (c) =>
      c.notNull().references('rounds.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('ledger_entry_sources_pk', ['round_id', 'unit_id', 'indicator_code'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'ledger_entry_sources',
    'ledger_lights',
    'ledger_problem_steps',
    'ledger_problems',
    'ledger_logs',
    'ledger_milestones',
    'ledger_investments',
    'ledger_projects',
    'ledger_taskforces',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
