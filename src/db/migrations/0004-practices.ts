import type { Kysely } from 'kysely';
import { addIdColumn } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('practices'))
    .addColumn('contest_id', 'integer', (c) =>
      c.notNull().references('contests.id').onDelete('cascade'),
    )
    .addColumn('round_id', 'integer', (c) => c.references('rounds.id').onDelete('set null'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('practices_contest_idx')
    .on('practices')
    .columns(['contest_id', 'status'])
    .execute();

  // Images of published practices are public; they live under <data>/public/<sha256>.
  await addIdColumn(db, db.schema.createTable('public_images'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_images').execute();
  await db.schema.dropTable('practices').execute();
}
