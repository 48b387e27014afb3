// Outgoing webhooks (DESIGN §7 notifications): an admin registers URLs with an HMAC secret and
// the event kinds they want; each event of the outbox becomes one delivery per matching hook,
// POSTed as JSON and signed (`X-Leitai-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`,
// `X-Leitai-Timestamp` in seconds), retried with exponential backoff, every attempt logged. The
// secret is shown once, in the answer to its creation, and never again.
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import {
  deleteWebhook,
  dueDeliveries,
  findWebhookRow,
  insertDeliveries,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  markDispatched,
  recordAttempt,
  undispatchedEvents,
  updateWebhook,
  webhookFromRow,
} from '../db/notify.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { isId } from './ids.ts';
import { EVENT_KINDS } from './notifications.ts';
import { requireUser } from './policies/gate.ts';

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 8;
/** The first retry waits this long; each next one twice as long (30 s, 1 min, 2 min … ~1 h). */
export const RETRY_BASE_MS = 30_000;
const TIMEOUT_MS = 10_000;

const Url = z
  .string()
  .trim()
  .max(2000)
  .url('须为 http(s) 地址')
  .refine((u) => /^https?:\/\//i.test(u), '须为 http(s) 地址');

export const CreateWebhook = z.object({
  url: Url,
  kinds: z.array(z.enum(EVENT_KINDS)).min(1).max(EVENT_KINDS.length),
  /** Leave out to have one generated (shown once). */
  secret: z.string().min(16, '密钥至少 16 个字符').max(200).optional(),
  description: z.string().trim().max(200).optional(),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const UpdateWebhook = z.object({
  active: z.boolean().optional(),
  kinds: z.array(z.enum(EVENT_KINDS)).min(1).max(EVENT_KINDS.length).optional(),
});
export type UpdateWebhook = z.infer<typeof UpdateWebhook>;

/** The signature header's value for a body sent at `timestamp` (seconds). */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function requireAdmin(ctx: AppContext) {
  const actor = requireUser(ctx);
  if (actor.kind !== 'system' && !actor.roles.includes('admin')) {
    throw new DomainError('FORBIDDEN', '只有系统管理员可以配置推送', {
      params: { reason: 'webhooksAdmin' },
    });
  }
  return actor;
}

export async function listWebhooksFor(ctx: AppContext) {
  requireAdmin(ctx);
  const items = await listWebhooks(ctx.db);
  return { items, total: items.length };
}

export function createWebhook(ctx: AppContext, input: CreateWebhook) {
  return inTransaction(ctx, async (tx) => {
    const actor = requireAdmin(tx);
    const secret = input.secret ?? randomBytes(32).toString('base64url');
    const hook = await insertWebhook(
      tx.db,
      {
        url: input.url,
        secret,
        kinds: [...new Set(input.kinds)],
        description: input.description ?? null,
        createdBy: actor.userId,
      },
      tx.clock.now().toISOString(),
    );
    // The secret never enters the audit log.
    await audit(tx, {
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: hook.id,
      unitId: actor.unitId,
      after: hook,
    });
    return { ...hook, secret };
  });
}

async function requireWebhook(ctx: AppContext, id: string) {
  const row = isId(id) ? await findWebhookRow(ctx.db, Number(id)) : undefined;
  if (!row)
    throw new DomainError('NOT_FOUND', `推送地址不存在：${id}`, {
      params: { reason: 'webhook', id },
    });
  return webhookFromRow(row);
}

export function changeWebhook(ctx: AppContext, id: string, input: UpdateWebhook) {
  return inTransaction(ctx, async (tx) => {
    const actor = requireAdmin(tx);
    const before = await requireWebhook(tx, id);
    await updateWebhook(tx.db, before.id, input);
    const after = await requireWebhook(tx, id);
    await audit(tx, {
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: before.id,
      unitId: actor.unitId,
      before,
      after,
    });
    return after;
  });
}

export function removeWebhook(ctx: AppContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const actor = requireAdmin(tx);
    const before = await requireWebhook(tx, id);
    await deleteWebhook(tx.db, before.id);
    await audit(tx, {
      action: 'webhook.delete',
      entityType: 'webhook',
      entityId: before.id,
      unitId: actor.unitId,
      before,
    });
    return { deleted: true };
  });
}

export async function webhookDeliveries(ctx: AppContext, id: string) {
  requireAdmin(ctx);
  const hook = await requireWebhook(ctx, id);
  const rows = await listDeliveries(ctx.db, hook.id, 200);
  const items = rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  }));
  return { items, total: items.length };
}

// --- The scheduler's webhook job --------------------------------------------------------------

/** Fans the outbox's new events out to the hooks that want them; each event in its own transaction. */
export async function dispatchOutbox(ctx: AppContext, limit = 500): Promise<number> {
  const events = await undispatchedEvents(ctx.db, limit);
  if (events.length === 0) return 0;
  const hooks = (await listWebhooks(ctx.db)).filter((h) => h.active);
  const now = ctx.clock.now().toISOString();
  for (const event of events) {
    await ctx.db.transaction().execute(async (trx) => {
      const ids = hooks.filter((h) => h.kinds.includes(event.kind)).map((h) => h.id);
      await insertDeliveries(trx, event.id, ids, now);
      await markDispatched(trx, event.id, now);
    });
  }
  return events.length;
}

export type Fetch = (url: string, init: RequestInit) => Promise<{ status: number }>;

/**
 * Sends every delivery that is due. A 2xx is delivered; anything else (or no answer within
 * 10 s) waits RETRY_BASE_MS × 2^(attempts − 1) and tries again, up to MAX_ATTEMPTS.
 */
export async function deliverDue(
  ctx: AppContext,
  send: Fetch = (url, init) => fetch(url, init),
  limit = 200,
): Promise<{ delivered: number; failed: number }> {
  const now = ctx.clock.now();
  const due = await dueDeliveries(ctx.db, now.toISOString(), limit);
  let delivered = 0;
  let failed = 0;
  for (const d of due) {
    const body = JSON.stringify({
      id: d.event_id,
      kind: d.kind,
      createdAt: d.event_created_at,
      data: JSON.parse(d.payload),
    });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await send(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Leitai-Webhook/1',
          'X-Leitai-Event': d.kind,
          'X-Leitai-Delivery': String(d.id),
          'X-Leitai-Timestamp': timestamp,
          'X-Leitai-Signature': signPayload(d.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 500);
    }
    const attempts = d.attempts + 1;
    const ok = error === null;
    const gaveUp = !ok && attempts >= MAX_ATTEMPTS;
    await recordAttempt(ctx.db, d.id, {
      status: ok ? 'delivered' : gaveUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)).toISOString(),
      httpStatus: status,
      error,
      deliveredAt: ok ? now.toISOString() : null,
    });
    if (ok) delivered++;
    else failed++;
  }
  return { delivered, failed };
}
