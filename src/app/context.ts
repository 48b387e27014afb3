import type { Kysely } from 'kysely';
import type { Role } from '../core/permissions.ts';
import { type AuditInput, appendAuditEvent } from '../db/audit.repository.ts';
import type { Database } from '../db/schema.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: a signed-in user (by session or token), nobody, or the system itself (CLI, demo). */
export interface Actor {
  kind: 'user' | 'anonymous' | 'system';
  userId: number | null;
  name: string;
  unitId: number | null;
  roles: readonly Role[];
}

export const systemActor: Actor = {
  kind: 'system',
  userId: null,
  name: 'system',
  unitId: null,
  roles: [],
};

export const anonymousActor: Actor = {
  kind: 'anonymous',
  userId: null,
  name: 'anonymous',
  unitId: null,
  roles: [],
};

/** What every use case receives (STYLE.md: dependencies as arguments). */
export interface AppContext {
  db: Kysely<Database>;
  actor: Actor;
  clock: Clock;
  /**
   * The versions of what is kept between requests, read with the request's authentication (one
   * statement for both). Absent elsewhere (CLI, jobs, anonymous requests): those read a version
   * themselves. Not used inside a transaction, whose own writes they would not count.
   */
  versions?: ViewVersions;
}

/** The database's counters for the points boards, the ledger lists, the unit tree and the points roster. */
export interface ViewVersions {
  points: number;
  ledger: number;
  units: number;
  roster: number;
}

/** The request's versions, unless the context is a transaction (which must see its own writes). */
export function versionsOf(ctx: AppContext): ViewVersions | undefined {
  return ctx.db.isTransaction ? undefined : ctx.versions;
}

/**
 * Runs a use case in one transaction; the context it sees carries the transaction. A use case
 * called inside another joins the caller's transaction, so a failure anywhere leaves nothing.
 */
export function inTransaction<T>(
  ctx: AppContext,
  run: (trx: AppContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return run(ctx);
  return ctx.db.transaction().execute((trx) => run({ ...ctx, db: trx }));
}

/** Records an audit event in the context's transaction, as the context's actor, at its clock's time. */
export function audit(
  ctx: AppContext,
  event: Omit<AuditInput, 'actorUserId' | 'actorName'>,
): Promise<void> {
  return appendAuditEvent(
    ctx.db,
    { ...event, actorUserId: ctx.actor.userId, actorName: ctx.actor.name },
    ctx.clock.now().toISOString(),
  );
}
