import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** A round's notice (公示) window: DESIGN §2. */
export interface Notice {
  roundId: number;
  startedAt: string;
  endsAt: string;
  earlyReason: string | null;
  earlyBy: number | null;
}

export async function findNotice(db: Db, roundId: number): Promise<Notice | undefined> {
  const row = await db
    .selectFrom('round_notices')
    .selectAll()
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row
    ? {
        roundId: row.round_id,
        startedAt: row.started_at,
        endsAt: row.ends_at,
        earlyReason: row.early_reason,
        earlyBy: row.early_by,
      }
    : undefined;
}

export async function noticesOf(db: Db, roundIds: number[]): Promise<Map<number, Notice>> {
  if (!roundIds.length) return new Map();
  const rows = await db
    .selectFrom('round_notices')
    .selectAll()
    .where('round_id', 'in', roundIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.round_id,
      {
        roundId: r.round_id,
        startedAt: r.started_at,
        endsAt: r.ends_at,
        earlyReason: r.early_reason,
        earlyBy: r.early_by,
      },
    ]),
  );
}

/** Starts (or restarts, after a withdrawal) a round's notice window. */
export async function startNotice(db: Db, roundId: number, startedAt: string, endsAt: string) {
  await db.deleteFrom('round_notices').where('round_id', '=', roundId).execute();
  await db
    .insertInto('round_notices')
    .values({ round_id: roundId, started_at: startedAt, ends_at: endsAt })
    .execute();
}

export async function clearNotice(db: Db, roundId: number) {
  await db.deleteFrom('round_notices').where('round_id', '=', roundId).execute();
}

export async function recordEarlyPublication(
  db: Db,
  roundId: number,
  reason: string,
  userId: number | null,
) {
  await db
    .updateTable('round_notices')
    .set({ early_reason: reason, early_by: userId })
    .where('round_id', '=', roundId)
    .execute();
}

/** Rounds in notice whose window ended at or before `now`, oldest first. */
export async function roundsWithEndedNotice(db: Db, now: string): Promise<number[]> {
  const rows = await db
    .selectFrom('rounds as r')
    .innerJoin('round_notices as n', 'n.round_id', 'r.id')
    .select('r.id')
    .where('r.state', '=', 'notice')
    .where('n.ends_at', '<=', now)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => r.id);
}
