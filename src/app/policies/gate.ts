import { DomainError } from '../../core/errors.ts';
import { type Action, can } from '../../core/permissions.ts';
import { pathsOf } from '../../db/unit.repository.ts';
import type { AppContext } from '../context.ts';

/** The signed-in user of the context, or 401. */
export function requireUser(ctx: AppContext) {
  const { actor } = ctx;
  if (actor.kind === 'system') return actor;
  if (actor.kind === 'anonymous' || actor.userId === null || actor.unitId === null) {
    throw new DomainError('UNAUTHENTICATED', '请先登录');
  }
  return actor;
}

/**
 * The one gate every use case goes through: may the context's actor perform the action on
 * something of this unit? The system actor (CLI, demo) may do everything.
 */
export async function authorize(ctx: AppContext, action: Action, unitId: number): Promise<void> {
  const actor = requireUser(ctx);
  if (actor.kind === 'system') return;
  const path = (await pathsOf(ctx.db, [unitId])).get(unitId) ?? [];
  const allowed = can(
    { userId: actor.userId!, unitId: actor.unitId!, roles: actor.roles },
    action,
    { unitPath: path.map((u) => u.id) },
  );
  if (!allowed) {
    throw new DomainError('FORBIDDEN', '没有权限执行此操作', { action });
  }
}
