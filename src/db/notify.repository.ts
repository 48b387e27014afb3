// Notifications, reminders sent, the event outbox, webhooks and their deliveries, and the
// scheduler's lease rows (migration 0015).
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { NotificationTable, WebhookDeliveryTable, WebhookTable } from './schema-notify.ts';

type Db = Kysely<Database>;

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: number | null;
  createdAt: string;
  readAt: string | null;
}

function notificationFromRow(r: Selectable<NotificationTable>): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    entityType: r.entity_type,
    entityId: r.entity_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  entityType?: string | null;
  entityId?: number | null;
}

export async function insertNotifications(
  db: Db,
  userIds: readonly number[],
  n: NewNotification,
  now: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  for (let i = 0; i < unique.length; i += 200) {
    await db
      .insertInto('notifications')
      .values(
        unique.slice(i, i + 200).map((userId) => ({
          user_id: userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link ?? null,
          entity_type: n.entityType ?? null,
          entity_id: n.entityId ?? null,
          created_at: now,
        })),
      )
      .execute();
  }
}

export async function listNotifications(
  db: Db,
  userId: number,
  f: { unread?: boolean; limit: number; offset: number },
): Promise<{ items: Notification[]; total: number; unread: number }> {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (f.unread) q = q.where('read_at', 'is', null);
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const unread = await db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(notificationFromRow), total: Number(total.n), unread: Number(unread.n) };
}

/** Marks one of the user's notifications read; false when the user has no such notification. */
export async function markNotificationRead(
  db: Db,
  userId: number,
  id: number,
  now: string,
): Promise<Notification | undefined> {
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.read_at === null) {
    await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).execute();
    row.read_at = now;
  }
  return notificationFromRow(row);
}

export async function markAllNotificationsRead(db: Db, userId: number, now: string) {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Active users of a unit holding a role. */
export async function usersOfUnitWithRole(db: Db, unitIds: readonly number[], role: string) {
  const rows: { id: number; unit_id: number; roles: string }[] = [];
  // In chunks: a national round names 620 thousand units, past what one statement may bind
  // (65,535 parameters on PostgreSQL, 32,766 on SQLite).
  for (let i = 0; i < unitIds.length; i += 10_000) {
    const chunk = await db
      .selectFrom('users')
      .select(['id', 'unit_id', 'roles'])
      .where('unit_id', 'in', unitIds.slice(i, i + 10_000))
      .where('active', '=', 1)
      .execute();
    for (const row of chunk) rows.push(row);
  }
  return rows
    .filter((r) => r.roles.split(',').includes(role))
    .map((r) => ({ userId: r.id, unitId: r.unit_id }));
}

/**
 * Records a reminder as sent; true only for the first caller (the primary key holds it once per
 * round, unit and kind, whichever server or run gets there first).
 */
export async function claimReminder(
  db: Db,
  key: { roundId: number; unitId: number; kind: string },
  now: string,
): Promise<boolean> {
  const r = await db
    .insertInto('reminders_sent')
    .values({ round_id: key.roundId, unit_id: key.unitId, kind: key.kind, sent_at: now })
    .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

// --- Outbox and webhooks ----------------------------------------------------------------------

export async function insertOutboxEvent(
  db: Db,
  kind: string,
  payload: unknown,
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('event_outbox')
    .values({ kind, payload: JSON.stringify(payload), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function undispatchedEvents(db: Db, limit: number) {
  return db
    .selectFrom('event_outbox')
    .selectAll()
    .where('dispatched_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markDispatched(db: Db, id: number, now: string) {
  await db.updateTable('event_outbox').set({ dispatched_at: now }).where('id', '=', id).execute();
}

export interface Webhook {
  id: number;
  url: string;
  kinds: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
}

export function webhookFromRow(r: Selectable<WebhookTable>): Webhook {
  return {
    id: r.id,
    url: r.url,
    kinds: r.kinds.split(',').filter(Boolean),
    description: r.description,
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

export async function insertWebhook(
  db: Db,
  w: {
    url: string;
    secret: string;
    kinds: string[];
    description: string | null;
    createdBy: number | null;
  },
  now: string,
) {
  const row = await db
    .insertInto('webhooks')
    .values({
      url: w.url,
      secret: w.secret,
      kinds: w.kinds.join(','),
      description: w.description,
      created_by: w.createdBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return webhookFromRow(row);
}

export async function listWebhooks(db: Db) {
  return (await db.selectFrom('webhooks').selectAll().orderBy('id').execute()).map(webhookFromRow);
}

export async function findWebhookRow(db: Db, id: number) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateWebhook(db: Db, id: number, c: { active?: boolean; kinds?: string[] }) {
  await db
    .updateTable('webhooks')
    .set({
      ...(c.active === undefined ? {} : { active: c.active ? 1 : 0 }),
      ...(c.kinds === undefined ? {} : { kinds: c.kinds.join(',') }),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteWebhook(db: Db, id: number) {
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

export async function insertDeliveries(
  db: Db,
  eventId: number,
  webhookIds: number[],
  now: string,
): Promise<void> {
  if (webhookIds.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      webhookIds.map((webhookId) => ({
        webhook_id: webhookId,
        event_id: eventId,
        status: 'pending',
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
    .execute();
}

export type Delivery = Selectable<WebhookDeliveryTable>;

/** Deliveries due now, with their event and hook. */
export async function dueDeliveries(db: Db, now: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('event_outbox as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.attempts',
      'd.webhook_id',
      'w.url',
      'w.secret',
      'e.id as event_id',
      'e.kind',
      'e.payload',
      'e.created_at as event_created_at',
    ])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.active', '=', 1)
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

export async function recordAttempt(
  db: Db,
  id: number,
  a: {
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    nextAttemptAt: string;
    httpStatus: number | null;
    error: string | null;
    deliveredAt: string | null;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: a.status,
      attempts: a.attempts,
      next_attempt_at: a.nextAttemptAt,
      last_status: a.httpStatus,
      last_error: a.error,
      delivered_at: a.deliveredAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(db: Db, webhookId: number, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('event_outbox as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_status',
      'd.last_error',
      'd.delivered_at',
      'd.created_at',
      'e.kind',
      'e.id as event_id',
    ])
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

// --- Scheduler leases -------------------------------------------------------------------------

/** Makes the job's row exist (first run due now); a second server's insert does nothing. */
export async function ensureJob(db: Db, name: string, now: string): Promise<void> {
  await db
    .insertInto('scheduler_jobs')
    .values({ name, next_run_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Claims the job's lease when its run is due and no live lease holds it: one conditional UPDATE,
 * so of several servers racing for the row exactly one sees a row changed (PostgreSQL re-checks
 * the WHERE on the row a concurrent winner just updated; SQLite has one writer at a time).
 */
export async function claimJob(
  db: Db,
  name: string,
  holder: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  const r = await db
    .updateTable('scheduler_jobs')
    .set({ lease_holder: holder, lease_until: leaseUntil })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a run: the next one is due at `nextRunAt`; the lease is let go. */
export async function finishJob(
  db: Db,
  name: string,
  holder: string,
  f: { now: string; nextRunAt: string; error: string | null },
): Promise<void> {
  await db
    .updateTable('scheduler_jobs')
    .set((eb) => ({
      lease_holder: null,
      lease_until: null,
      last_run_at: f.now,
      next_run_at: f.nextRunAt,
      last_error: f.error,
      runs: eb('runs', '+', 1),
    }))
    .where('name', '=', name)
    .where('lease_holder', '=', holder)
    .execute();
}

export async function findJob(db: Db, name: string) {
  return db.selectFrom('scheduler_jobs').selectAll().where('name', '=', name).executeTakeFirst();
}
