import { DomainError } from '../core/errors.ts';
import { storeSeparation } from '../db/account-security.repository.ts';
import { listChildren } from '../db/unit.repository.ts';
import { hasAnyAdmin } from '../db/user.repository.ts';
import type { AppContext } from './context.ts';
import { audit, inTransaction } from './context.ts';
import { createUser } from './users.ts';

/**
 * Creates the first admin with a random password (there is no default password anywhere). The
 * admin belongs to the given unit, or to the only root unit when there is exactly one.
 */
export async function initAdmin(ctx: AppContext, username: string, unit?: string) {
  if (await hasAnyAdmin(ctx.db)) {
    throw new DomainError('ALREADY_INITIALISED', '已有管理员，无需初始化');
  }
  let unitRef: string | number | undefined = unit;
  if (unitRef === undefined) {
    const roots = await listChildren(ctx.db, null, { limit: 2, offset: 0 });
    if (roots.total !== 1) {
      throw new DomainError(
        'UNIT_REQUIRED',
        roots.total === 0
          ? '还没有单位：请先运行 `leitai units import --division CODE`，或用 --unit 指定'
          : '有多个顶级单位，请用 --unit CODE 指定管理员所在单位',
      );
    }
    unitRef = roots.items[0]!.id;
  }
  return createUser(ctx, { username, unit: unitRef, roles: ['admin', 'organizer'] });
}

/**
 * `leitai init --separation` (三权分立, DESIGN §1): the first admin, security admin and auditor,
 * each with a one-time password, and separation of duties switched on for good.
 */
export async function initSeparated(
  ctx: AppContext,
  names: { admin: string; secadmin: string; auditor: string },
  unit?: string,
) {
  const admin = await initAdmin(ctx, names.admin, unit);
  const unitId = admin.user.unitId;
  const secadmin = await createUser(ctx, {
    username: names.secadmin,
    displayName: '安全管理员',
    unit: unitId,
    roles: ['secadmin'],
  });
  const auditor = await createUser(ctx, {
    username: names.auditor,
    displayName: '审计管理员',
    unit: unitId,
    roles: ['auditor'],
  });
  await inTransaction(ctx, async (tx) => {
    await storeSeparation(tx.db, tx.clock.now().toISOString());
    await audit(tx, {
      action: 'policy.separation_on',
      entityType: 'security_policy',
      entityId: 1,
      unitId,
    });
  });
  return [admin, secadmin, auditor];
}
