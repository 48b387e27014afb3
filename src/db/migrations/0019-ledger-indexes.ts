import type { Kysely } from 'kysely';

/**
 * Indexes for the ledger at a province's scale (issue 15's benchmark):
 * - `ledger_projects (kind, light, id)` and `(light, id)`: the list filtered by kind and light,
 *   or by light, reads its page in id order straight from the index and stops at the page's end
 *   (no sort of every match); its count is an index-only range;
 * - `ledger_problems (project_id, deadline, closed_on)`, replacing `(project_id)`: the lights'
 *   earliest overdue problem per project and the problems-closed-on-time measure read the index
 *   alone, not the table.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_projects_kind_light_idx')
    .on('ledger_projects')
    .columns(['kind', 'light', 'id'])
    .execute();
  await db.schema
    .createIndex('ledger_projects_light_idx')
    .on('ledger_projects')
    .columns(['light', 'id'])
    .execute();
  await db.schema
    .createIndex('ledger_problems_due_idx')
    .on('ledger_problems')
    .columns(['project_id', 'deadline', 'closed_on'])
    .execute();
  await db.schema.dropIndex('ledger_problems_project_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_problems_project_idx')
    .on('ledger_problems')
    .column('project_id')
    .execute();
  await db.schema.dropIndex('ledger_problems_due_idx').execute();
  await db.schema.dropIndex('ledger_projects_light_idx').execute();
  await db.schema.dropIndex('ledger_projects_kind_light_idx').execute();
}
