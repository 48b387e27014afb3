import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { forUpdate } from './dialect.ts';
import type { Database } from './schema.ts';
import { withSubtree } from './unit.repository.ts';

type Db = Kysely<Database>;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorUserId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  unitId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

interface HashedFields {
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

/** The hash of an event: SHA-256 over its fields in a fixed order, the previous hash included. */
export function hashEvent(e: HashedFields): string {
  const fields = [
    e.at,
    e.actor_user_id,
    e.actor_name,
    e.unit_id,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends an event to the chain, inside the caller's transaction so that the event and the
 * change it records commit together. The head row is locked, so appends are serialised.
 */
export async function appendAuditEvent(db: Db, input: AuditInput, at: string): Promise<void> {
  const head = await forUpdate(
    db,
    db.selectFrom('audit_head').selectAll().where('id', '=', 1),
  ).executeTakeFirstOrThrow();
  const fields: HashedFields = {
    at,
    actor_user_id: input.actorUserId,
    actor_name: input.actorName,
    unit_id: input.unitId,
    action: input.action,
    entity_type: input.entityType,
    entity_id: String(input.entityId),
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    prev_hash: head.last_hash,
  };
  const hash = hashEvent(fields);
  const row = await db
    .insertInto('audit_events')
    .values({ ...fields, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('audit_head')
    .set({ last_event_id: row.id, last_hash: hash, count: head.count + 1 })
    .where('id', '=', 1)
    .execute();
}

export type VerifyResult =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; eventId: number | null; reason: string };

/** Walks the whole chain and names the first event that does not match (`leitai audit verify`). */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  const page = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(page)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          count,
          eventId: row.id,
          reason: `第 ${row.id} 号事件之前的记录被删除或改动 the event before #${row.id} was deleted or altered (prev_hash does not match)`,
        };
      }
      if (hashEvent(row) !== row.hash) {
        return {
          ok: false,
          count,
          eventId: row.id,
          reason: `第 ${row.id} 号事件的内容被改动 event #${row.id} was altered (hash does not match its content)`,
        };
      }
      prev = row.hash;
      lastId = row.id;
      count += 1;
    }
    if (rows.length < page) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.last_hash !== prev || head.count !== count || head.last_event_id !== lastId) {
    return {
      ok: false,
      count,
      eventId: head ? head.last_event_id : null,
      reason: `审计链末尾的事件被删除 the newest events were deleted (the chain ends at #${lastId}, ${count} events; its head records #${head?.last_event_id ?? '?'}, ${head?.count ?? '?'} events)`,
    };
  }
  return { ok: true, count, lastHash: prev };
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Actions matching any of these LIKE patterns, and none of the excluded ones (a kind). */
  actionLike?: readonly string[] | undefined;
  actionNotLike?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only events about units in this unit's subtree (an admin's); all when absent. */
  subtreeOf?: number | undefined;
  limit: number;
  offset: number;
}

function eventFromRow(row: Awaited<ReturnType<typeof listRows>>[number]): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    unitId: row.unit_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    hash: row.hash,
  };
}

function filtered(db: Db, f: AuditFilter) {
  let q = withSubtree(db, f.subtreeOf ?? -1).selectFrom('audit_events');
  if (f.subtreeOf !== undefined) {
    q = q.where('unit_id', 'in', (eb) => eb.selectFrom('subtree').select('subtree.id'));
  }
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  const like = f.actionLike ?? [];
  if (like.length) q = q.where((eb) => eb.or(like.map((p) => eb('action', 'like', p))));
  for (const p of f.actionNotLike ?? []) q = q.where('action', 'not like', p);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  return q;
}

function listRows(db: Db, f: AuditFilter) {
  return filtered(db, f)
    .selectAll('audit_events')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

/** Events matching the filter, newest first. */
export async function listAuditEvents(db: Db, f: AuditFilter) {
  const [rows, count] = await Promise.all([
    listRows(db, f),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(eventFromRow), total: Number(count.n) };
}
