import type { Kysely, Selectable } from 'kysely';
import type { AppealTable, Database } from './schema.ts';

type Db = Kysely<Database>;

export type AppealStatus = 'pending' | 'upheld' | 'rejected';

export interface Appeal {
  id: number;
  roundId: number;
  unitId: number;
  indicator: string;
  reason: string;
  filedBy: number | null;
  filedAt: string;
  status: AppealStatus;
  oldValue: number | null;
  newValue: number | null;
  decisionReason: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
}

export function appealFromRow(row: Selectable<AppealTable>): Appeal {
  return {
    id: row.id,
    roundId: row.round_id,
    unitId: row.unit_id,
    indicator: row.indicator_code,
    reason: row.reason,
    filedBy: row.filed_by,
    filedAt: row.filed_at,
    status: row.status as AppealStatus,
    oldValue: row.old_value,
    newValue: row.new_value,
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export async function insertAppeal(
  db: Db,
  a: {
    roundId: number;
    unitId: number;
    indicator: string;
    reason: string;
    filedBy: number | null;
    oldValue: number | null;
  },
  now: string,
): Promise<Appeal> {
  const row = await db
    .insertInto('appeals')
    .values({
      round_id: a.roundId,
      unit_id: a.unitId,
      indicator_code: a.indicator,
      reason: a.reason,
      filed_by: a.filedBy,
      filed_at: now,
      status: 'pending',
      old_value: a.oldValue,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return appealFromRow(row);
}

export async function findAppeal(db: Db, id: number): Promise<Appeal | undefined> {
  const row = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? appealFromRow(row) : undefined;
}

export async function listAppeals(db: Db, roundId: number, unitId?: number): Promise<Appeal[]> {
  let q = db.selectFrom('appeals').selectAll().where('round_id', '=', roundId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  return (await q.orderBy('id').execute()).map(appealFromRow);
}

export async function decideAppeal(
  db: Db,
  id: number,
  d: {
    status: 'upheld' | 'rejected';
    newValue: number | null;
    reason: string;
    decidedBy: number | null;
  },
  now: string,
): Promise<Appeal> {
  const row = await db
    .updateTable('appeals')
    .set({
      status: d.status,
      new_value: d.newValue,
      decision_reason: d.reason,
      decided_by: d.decidedBy,
      decided_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return appealFromRow(row);
}
