import { type Kysely, sql } from 'kysely';

/**
 * Party-member points at a province's scale (issues 16 and 18): every approved record's counted
 * points summed per branch × member × period, for each month (`2026-11`), quarter (`2026-Q4`) and
 * year (`2026`) the record falls in. A leaderboard of a month, quarter or year reads one row per
 * member from here instead of aggregating the records; the use cases keep the rows in the same
 * transaction that changes what a record counts (approval, upheld dispute, the re-clamp of the
 * member's year). Existing records are summed into it here.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('points_totals')
    .addColumn('branch_id', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('awarded', 'integer', (c) => c.notNull())
    .addColumn('deducted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_totals_pkey', ['branch_id', 'period', 'member_id'])
    .execute();
  await backfillPointsTotals(db);
  // A member's year is rebuilt after every re-clamp: found by member, then period.
  await db.schema
    .createIndex('points_totals_member_idx')
    .on('points_totals')
    .columns(['member_id', 'period'])
    .execute();
  // A board reads each branch's (branch, period) range with the sums in the index itself: on
  // SQLite the primary key's index would send every one of a county's 60,000 rows to the table.
  await db.schema
    .createIndex('points_totals_board_idx')
    .on('points_totals')
    .columns(['branch_id', 'period', 'member_id', 'awarded', 'deducted'])
    .execute();
}

/**
 * Sums the counted points of every approved record into `points_totals` (an empty table): one
 * scan of the records, each row once per month, quarter and year key. Exported for its test.
 */
// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function backfillPointsTotals(db: Kysely<any>): Promise<void> {
  await sql`
    insert into points_totals (branch_id, period, member_id, awarded, deducted)
    select r.branch_id,
      case g.k
        when 1 then substr(r.occurred_on, 1, 7)
        when 2 then substr(r.occurred_on, 1, 4) || '-Q' ||
          cast((cast(substr(r.occurred_on, 6, 2) as integer) + 2) / 3 as text)
        else substr(r.occurred_on, 1, 4)
      end as period,
      r.member_id,
      sum(case when r.counted > 0 then r.counted else 0 end),
      sum(case when r.counted < 0 then r.counted else 0 end)
    from points_records r
    cross join (select 1 as k union all select 2 union all select 3) g
    where r.status = 'approved' and r.counted <> 0
    group by 1, 2, 3`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('points_totals').execute();
}
