import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { listAuditEvents, type VerifyOptions } from '../db/audit.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { verifyAuditAndData } from './audit-chain.ts';
import { authorize, requireUser } from './authorize.ts';
import type { AppContext } from './context.ts';

const Instant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const AuditQuery = z.object({
  /** `unit` or `unit:12`: an entity type, optionally with the entity's id. */
  entity: z
    .string()
    .regex(/^[a-z_.]+(:[^:]+)?$/, '格式为 类型 或 类型:编号 (type or type:id)')
    .optional(),
  actor: z.string().min(1).max(100).optional(),
  action: z.string().min(1).max(100).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** An admin's view of the log: events about units in their subtree (all, at a root unit). */
export async function listAudit(ctx: AppContext, query: AuditQuery) {
  const actor = requireUser(ctx);
  if (actor.unitId === null) throw new DomainError('FORBIDDEN', '没有权限 not allowed');
  await authorize(ctx, 'audit.read', actor.unitId);
  const unit = await findUnit(ctx.db, actor.unitId);
  const [entityType, entityId] = query.entity?.split(':') ?? [];
  // A date alone means the whole day: `to=2026-06-30` includes that day's events.
  const to = query.to && query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to;
  return listAuditEvents(ctx.db, {
    entityType,
    entityId,
    actor: query.actor,
    action: query.action,
    from: query.from,
    to,
    subtreeOf: unit?.parentId === null ? undefined : actor.unitId,
    limit: query.limit,
    offset: query.offset,
  });
}

/** Checks the whole chain and the published data it covers (any admin may ask; it reveals no event). */
export async function verifyAudit(ctx: AppContext, options: VerifyOptions = {}) {
  const actor = requireUser(ctx);
  if (actor.kind !== 'system') await authorize(ctx, 'audit.read', actor.unitId ?? -1);
  return verifyAuditAndData(ctx.db, options);
}
