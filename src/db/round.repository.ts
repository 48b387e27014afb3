import type { Kysely, Selectable } from 'kysely';
import { periodCadence } from '../core/period.ts';
import type { RoundState } from '../core/round-state.ts';
import { lockedInTransaction } from './dialect.ts';
import type { Database, RoundTable } from './schema.ts';

type Db = Kysely<Database>;

export interface Round {
  id: number;
  contestId: number;
  period: string;
  rubricVersionId: number;
  state: RoundState;
  deadline: string | null;
  revision: number;
  publishedAt: string | null;
  derivation: Derivation | null;
  createdAt: string;
  updatedAt: string;
}

/** A round made from other rounds of its contest instead of entered (季评比 from 月考核). */
export interface Derivation {
  /** `mean` of the units' totals, or `flags`: red flags minus yellow ones. */
  method: 'mean' | 'flags';
  /** The periods of the published rounds it was made from. */
  from: string[];
}

export function roundFromRow(row: Selectable<RoundTable>): Round {
  return {
    id: row.id,
    contestId: row.contest_id,
    period: row.period,
    rubricVersionId: row.rubric_version_id,
    state: row.state as RoundState,
    deadline: row.deadline,
    revision: row.revision,
    publishedAt: row.published_at,
    derivation: row.derivation ? (JSON.parse(row.derivation) as Derivation) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A round; inside a transaction its row stays locked until the transaction ends. */
export async function findRound(db: Db, id: number): Promise<Round | undefined> {
  const row = await lockedInTransaction(
    db,
    db.selectFrom('rounds').selectAll().where('id', '=', id),
  ).executeTakeFirst();
  return row ? roundFromRow(row) : undefined;
}

export async function findRoundByPeriod(db: Db, contestId: number, period: string) {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row ? roundFromRow(row) : undefined;
}

export async function listRounds(db: Db, contestId: number): Promise<Round[]> {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('contest_id', '=', contestId)
    .orderBy('period')
    .execute();
  return rows.map(roundFromRow);
}

/** Rounds in the given states, across contests (for "waiting for me"). */
export async function roundsInStates(db: Db, states: RoundState[]): Promise<Round[]> {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('state', 'in', states)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
  return rows.map(roundFromRow);
}

/**
 * The contest's published round just before the period and of the same cadence (a week
 * follows a week, a month a month): movement compares like with like.
 */
export async function previousPublishedRound(db: Db, contestId: number, period: string) {
  const rows = await db
    .selectFrom('rounds')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('state', '=', 'published')
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .execute();
  const row = rows.find((r) => periodCadence(r.period) === periodCadence(period));
  return row ? roundFromRow(row) : undefined;
}

export async function insertRound(
  db: Db,
  r: {
    contestId: number;
    period: string;
    rubricVersionId: number;
    deadline: string | null;
    derivation?: Derivation;
  },
  now: string,
): Promise<Round> {
  const row = await db
    .insertInto('rounds')
    .values({
      contest_id: r.contestId,
      period: r.period,
      rubric_version_id: r.rubricVersionId,
      derivation: r.derivation ? JSON.stringify(r.derivation) : null,
      state: 'draft',
      deadline: r.deadline,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return roundFromRow(row);
}

export async function updateRound(
  db: Db,
  id: number,
  changes: {
    state?: RoundState;
    revision?: number;
    publishedAt?: string;
    deadline?: string | null;
  },
  now: string,
): Promise<Round> {
  const row = await db
    .updateTable('rounds')
    .set({
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.revision !== undefined ? { revision: changes.revision } : {}),
      ...(changes.publishedAt !== undefined ? { published_at: changes.publishedAt } : {}),
      ...(changes.deadline !== undefined ? { deadline: changes.deadline } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return roundFromRow(row);
}

export async function insertRevision(
  db: Db,
  r: {
    roundId: number;
    revision: number;
    reason: string | null;
    changes: unknown;
    createdBy: number | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('round_revisions')
    .values({
      round_id: r.roundId,
      revision: r.revision,
      reason: r.reason,
      changes_json: r.changes === undefined ? null : JSON.stringify(r.changes),
      created_by: r.createdBy,
      published_at: now,
    })
    .execute();
}

export async function listRevisions(db: Db, roundId: number) {
  const rows = await db
    .selectFrom('round_revisions')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    reason: r.reason,
    changes: r.changes_json ? JSON.parse(r.changes_json) : null,
    createdBy: r.created_by,
    publishedAt: r.published_at,
  }));
}

/** Just a round's state and revision: the public cache's cheap check that its copy is current. */
export async function roundHead(
  db: Db,
  id: number,
): Promise<{ state: RoundState; revision: number } | undefined> {
  const row = await db
    .selectFrom('rounds')
    .select(['state', 'revision'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { state: row.state as RoundState, revision: row.revision } : undefined;
}
