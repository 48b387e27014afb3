/**
 * The unit policy (DESIGN §1): admins manage the units of their subtree — create under, rename,
 * move, re-kind, deactivate — and only the system (CLI, imports) makes or moves a unit to the top
 * of the tree. Every signed-in user reads the tree (the routes ask for a session).
 */
import { DomainError } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';
import { authorize } from './gate.ts';

/** Refuses (403) unless the actor manages this unit (an admin of its subtree). */
export function requireUnitManager(ctx: AppContext, unitId: number): Promise<void> {
  return authorize(ctx, 'unit.manage', unitId);
}

/**
 * Refuses (403) unless the actor may put a unit under `parent`: an admin of the parent's subtree,
 * or, for the top of the tree (no parent), the system alone.
 */
export async function requireParentManager(
  ctx: AppContext,
  parent: { id: number } | null,
  what: 'create' | 'move',
): Promise<void> {
  if (parent) return requireUnitManager(ctx, parent.id);
  if (ctx.actor.kind !== 'system') {
    throw new DomainError(
      'FORBIDDEN',
      what === 'create' ? '只有系统可以新建顶级单位' : '只有系统可以设置顶级单位',
      { params: { reason: 'rootUnit' } },
    );
  }
}
