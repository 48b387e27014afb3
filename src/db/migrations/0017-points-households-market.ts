import type { Kysely } from 'kysely';
import { clampYear } from '../../core/points.ts';
import { addIdColumn, partitionByMonth } from '../dialect.ts';

/**
 * Party-member points, second part (issues 16 and 18): what each approved record counts after the
 * yearly caps (`counted`, kept by the use cases, so leaderboards are one aggregate), a version that
 * every change to the boards bumps (leaderboard caches check it), quarter class rules per
 * organizer, star households (星级文明户) with their criteria, claims and steps, the points market
 * (积分超市) with its stock and redemptions; on PostgreSQL, records partitioned by month.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('points_records')
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await recount(db);
  await db.schema.dropIndex('points_records_branch_idx').execute();
  await db.schema.dropIndex('points_records_member_idx').execute();
  await partitionByMonth(db, 'points_records', 'occurred_on', [
    { table: 'points_disputes', column: 'record_id' },
  ]);
  // The leaderboard reads (branch, status, period) and sums `counted` per member from the index.
  await db.schema
    .createIndex('points_records_board_idx')
    .on('points_records')
    .columns(['branch_id', 'status', 'occurred_on', 'member_id', 'counted'])
    .execute();
  await db.schema
    .createIndex('points_records_member_idx')
    .on('points_records')
    .columns(['member_id', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('points_disputes_record_idx')
    .on('points_disputes')
    .column('record_id')
    .execute();

  await db.schema
    .createTable('points_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('points_version').values({ id: 1, n: 0 }).execute();

  await db.schema
    .createTable('points_class_rules')
    .addColumn('organizer_unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('vanguard', 'double precision', (c) => c.notNull())
    .addColumn('improve', 'double precision', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();

  await addIdColumn(db, db.schema.createTable('household_stars'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await addIdColumn(db, db.schema.createTable('households'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('size', 'integer')
    .addColumn('barred_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_unit_idx').on('households').column('unit_id').execute();
  await addIdColumn(db, db.schema.createTable('household_claims'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stars', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('results', 'text')
    .addColumn('awarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('household_claims_year_uq', ['household_id', 'year'])
    .execute();
  await addIdColumn(db, db.schema.createTable('household_claim_steps'))
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('household_claims.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('results', 'text')
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_claim_steps_claim_idx')
    .on('household_claim_steps')
    .column('claim_id')
    .execute();

  await addIdColumn(db, db.schema.createTable('points_market_items'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await addIdColumn(db, db.schema.createTable('points_redemptions'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('points_members.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('points_market_items.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('redeemed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('points_redemptions_member_idx')
    .on('points_redemptions')
    .column('member_id')
    .execute();
}

/** `counted` of every approved record already stored, by the same clamp the use cases apply. */
// biome-ignore lint/suspicious/noExplicitAny: see up().
async function recount(db: Kysely<any>): Promise<void> {
  const rows = await db
    .selectFrom('points_records as r')
    .innerJoin('points_rules as u', 'u.id', 'r.rule_id')
    .select([
      'r.id',
      'r.member_id',
      'r.occurred_on',
      'r.points',
      'u.organizer_unit_id',
      'u.item',
      'u.category',
      'u.item_cap',
      'u.category_cap',
    ])
    .where('r.status', '=', 'approved')
    .orderBy('r.member_id')
    .orderBy('r.occurred_on')
    .orderBy('r.id')
    .execute();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.member_id}:${String(r.occurred_on).slice(0, 4)}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const clamped = clampYear(
      list.map((r) => ({
        id: r.id,
        item: `${r.organizer_unit_id}:${r.item}`,
        category: `${r.organizer_unit_id}:${r.category}`,
        points: r.points,
        itemCap: r.item_cap,
        categoryCap: r.category_cap,
      })),
    );
    for (const c of clamped)
      if (c.counted !== 0)
        await db
          .updateTable('points_records')
          .set({ counted: c.counted })
          .where('id', '=', c.id)
          .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'points_redemptions',
    'points_market_items',
    'household_claim_steps',
    'household_claims',
    'households',
    'household_stars',
    'points_class_rules',
    'points_version',
  ])
    await db.schema.dropTable(t).execute();
}
