import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: a signed-in user, a token, or the system itself (CLI, demo). */
export interface Actor {
  kind: 'user' | 'system';
  userId: number | null;
  name: string;
}

export const systemActor: Actor = { kind: 'system', userId: null, name: 'system' };

/** What every use case receives (STYLE.md: dependencies as arguments). */
export interface AppContext {
  db: Kysely<Database>;
  actor: Actor;
  clock: Clock;
}

/** Runs a use case in one transaction; the context it sees carries the transaction. */
export function inTransaction<T>(
  ctx: AppContext,
  run: (trx: AppContext) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute((trx) => run({ ...ctx, db: trx }));
}
