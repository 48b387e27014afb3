import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { RectificationTable } from './schema-outcomes.ts';

type Db = Kysely<Database>;

export type RectificationState = 'open' | 'submitted' | 'signed_off';

/** 整改 after a yellow flag (DESIGN §8). */
export interface Rectification {
  id: number;
  contestId: number;
  roundId: number;
  unitId: number;
  period: string;
  state: RectificationState;
  deadline: string;
  commitment: string | null;
  measures: string | null;
  submittedBy: number | null;
  submittedAt: string | null;
  signedOffBy: number | null;
  signedOffAt: string | null;
  returnReason: string | null;
  interviewRequired: boolean;
  interviewOn: string | null;
  interviewNote: string | null;
  createdAt: string;
}

function fromRow(r: Selectable<RectificationTable>): Rectification {
  return {
    id: r.id,
    contestId: r.contest_id,
    roundId: r.round_id,
    unitId: r.unit_id,
    period: r.period,
    state: r.state as RectificationState,
    deadline: r.deadline,
    commitment: r.commitment,
    measures: r.measures,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    signedOffBy: r.signed_off_by,
    signedOffAt: r.signed_off_at,
    returnReason: r.return_reason,
    interviewRequired: r.interview_required === 1,
    interviewOn: r.interview_on,
    interviewNote: r.interview_note,
    createdAt: r.created_at,
  };
}

export async function findRectification(db: Db, id: number) {
  const row = await db
    .selectFrom('rectifications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function findRectificationFor(db: Db, roundId: number, unitId: number) {
  const row = await db
    .selectFrom('rectifications')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export interface RectificationFilter {
  contestIds?: number[] | undefined;
  unitId?: number | undefined;
  state?: RectificationState | undefined;
  /** Not signed off and past the deadline at this time. */
  overdueAt?: string | undefined;
}

export async function listRectifications(db: Db, f: RectificationFilter) {
  let q = db.selectFrom('rectifications').selectAll();
  if (f.contestIds) {
    if (!f.contestIds.length) return [];
    q = q.where('contest_id', 'in', f.contestIds);
  }
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.overdueAt) q = q.where('state', '!=', 'signed_off').where('deadline', '<', f.overdueAt);
  const rows = await q.orderBy('deadline').orderBy('id').execute();
  return rows.map(fromRow);
}

export async function insertRectification(
  db: Db,
  r: {
    contestId: number;
    roundId: number;
    unitId: number;
    period: string;
    deadline: string;
    interviewRequired: boolean;
  },
  now: string,
): Promise<Rectification> {
  const row = await db
    .insertInto('rectifications')
    .values({
      contest_id: r.contestId,
      round_id: r.roundId,
      unit_id: r.unitId,
      period: r.period,
      state: 'open',
      deadline: r.deadline,
      interview_required: r.interviewRequired ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

export async function updateRectification(
  db: Db,
  id: number,
  changes: Partial<{
    state: RectificationState;
    commitment: string;
    measures: string;
    submittedBy: number | null;
    submittedAt: string;
    signedOffBy: number | null;
    signedOffAt: string;
    returnReason: string | null;
    interviewOn: string;
    interviewNote: string;
    deadline: string;
  }>,
  now: string,
): Promise<Rectification> {
  const set: Record<string, unknown> = { updated_at: now };
  const columns: Record<string, string> = {
    state: 'state',
    commitment: 'commitment',
    measures: 'measures',
    submittedBy: 'submitted_by',
    submittedAt: 'submitted_at',
    signedOffBy: 'signed_off_by',
    signedOffAt: 'signed_off_at',
    returnReason: 'return_reason',
    interviewOn: 'interview_on',
    interviewNote: 'interview_note',
    deadline: 'deadline',
  };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) set[columns[k]!] = v;
  const row = await db
    .updateTable('rectifications')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Whether the unit got a yellow flag in the round. */
export async function hasYellowFlag(db: Db, roundId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('flags')
    .select('id')
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .where('color', '=', 'yellow')
    .executeTakeFirst();
  return row !== undefined;
}

/** Units of a round that have a rectification already (one read for a whole publication). */
export async function unitsWithRectification(db: Db, roundId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('rectifications')
    .select('unit_id')
    .where('round_id', '=', roundId)
    .execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** Units with a yellow flag in a round (one read for a whole publication). */
export async function yellowFlagUnits(db: Db, roundId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('flags')
    .select('unit_id')
    .where('round_id', '=', roundId)
    .where('color', '=', 'yellow')
    .execute();
  return new Set(rows.map((r) => r.unit_id));
}
