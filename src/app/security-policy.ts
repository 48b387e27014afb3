import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import type { PasswordPolicy } from '../core/password-policy.ts';
import { readPolicy, savePolicy } from '../db/account-security.repository.ts';
import { pathsOf } from '../db/unit.repository.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { requireUser } from './policies/gate.ts';
import { requireSecurityManager } from './policies/user.ts';

/** The policy as the security admin sets it; the bounds are 等保 level 3's floor (issue 19). */
export const PolicyInput = z.object({
  minLength: z.coerce
    .number()
    .int()
    .min(8, '最小长度不能少于 8 位')
    .max(64, '最小长度不能超过 64 位'),
  minClasses: z.coerce.number().int().min(1, '字符类别为 1–4').max(4, '字符类别为 1–4'),
  expiryDays: z.coerce
    .number()
    .int()
    .min(1, '有效期不能少于 1 天')
    .max(3650, '有效期不能超过 3650 天')
    .nullable(),
  historySize: z.coerce
    .number()
    .int()
    .min(0, '历史密码数为 0–24 (0 to 24)')
    .max(24, '历史密码数为 0–24 (0 to 24)'),
});
export type PolicyInput = z.infer<typeof PolicyInput>;

/** The policy in force; any signed-in user may read it (the web shows it while one types). */
export async function getPolicy(ctx: AppContext): Promise<PasswordPolicy> {
  requireUser(ctx);
  return readPolicy(ctx.db);
}

/** What the route accepts: numbers, checked against the bounds here so a refusal is audited. */
export const PolicyBody = z.object({
  minLength: z.number(),
  minClasses: z.number(),
  expiryDays: z.number().nullable(),
  historySize: z.number(),
});

/**
 * The security admin of the root unit sets the one policy of the installation. A policy below
 * the floor (length < 8, expiry < 1 day) is refused with the rule named, audited, nothing changed.
 */
export async function setPolicy(ctx: AppContext, body: unknown): Promise<PasswordPolicy> {
  const parsed = PolicyInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    requireUser(ctx);
    await inTransaction(ctx, (tx) =>
      audit(tx, {
        action: 'policy.update_refused',
        entityType: 'security_policy',
        entityId: 1,
        unitId: tx.actor.unitId,
        after: { field, message: issue.message, input: body },
      }),
    );
    throw new DomainError('INVALID_POLICY', `密码策略无效 ${field}: ${issue.message}`, {
      params: { field, message: issue.message },
      field,
    });
  }
  const input = parsed.data;
  return inTransaction(ctx, async (tx) => {
    const actor = requireUser(tx);
    if (actor.kind !== 'system') {
      await requireSecurityManager(tx, actor.unitId!);
      // The policy is the installation's: only a security admin with no account in a unit above
      // theirs (the county's, not a town's) sets it.
      const path = (await pathsOf(tx.db, [actor.unitId!])).get(actor.unitId!) ?? [];
      const above = path.slice(0, -1).map((u) => u.id);
      const higher = above.length
        ? await tx.db
            .selectFrom('users')
            .select('id')
            .where('unit_id', 'in', above)
            .limit(1)
            .executeTakeFirst()
        : undefined;
      if (higher) {
        throw new DomainError('FORBIDDEN', '只有最上级单位的安全管理员可以修改密码策略', {
          params: { reason: 'policyTopUnit' },
        });
      }
    }
    const before = await readPolicy(tx.db);
    const policy: PasswordPolicy = { ...input };
    await savePolicy(tx.db, policy, tx.clock.now().toISOString());
    await audit(tx, {
      action: 'policy.update',
      entityType: 'security_policy',
      entityId: 1,
      unitId: actor.unitId,
      before,
      after: policy,
    });
    return policy;
  });
}
