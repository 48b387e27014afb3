import { z } from 'zod';
import { DomainError } from '../core/errors.ts';
import { listAuditEvents, type VerifyOptions } from '../db/audit.repository.ts';
import {
  type AuditTarget,
  auditTargetNames,
  unitIdsInDetails,
} from '../db/audit-names.repository.ts';
import { findUnit } from '../db/unit.repository.ts';
import { auditCsv, auditXlsx } from '../io/audit-file.ts';
import { verifyAuditAndData } from './audit-chain.ts';
import { type AppContext, audit, inTransaction } from './context.ts';
import { CountQuery } from './ids.ts';
import { authorize, requireUser } from './policies/gate.ts';

const Instant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const AuditQuery = z.object({
  /** `unit` or `unit:12`: an entity type, optionally with the entity's id. */
  entity: z
    .string()
    .regex(/^[a-z_.]+(:[^:]+)?$/, '格式为 类型 或 类型:编号')
    .optional(),
  actor: z.string().min(1).max(100).optional(),
  action: z.string().min(1).max(100).optional(),
  /** signin (sign-in/out, failures, lockouts), account (users, roles, tokens, 2FA, policy), export, data. */
  kind: z.enum(['signin', 'account', 'export', 'data']).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: CountQuery.default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The kinds of event an assessor filters by, as LIKE patterns over the action. */
const KIND_PATTERNS: Record<Exclude<AuditKind, 'data'>, string[]> = {
  signin: ['session.%'],
  account: ['user.%', 'token.%', 'totp.%', 'policy.%'],
  export: ['%export%'],
};
export type AuditKind = NonNullable<AuditQuery['kind']>;

/** The kind of an action, as the list shows and the export writes it. */
export function kindOf(action: string): AuditKind {
  const like = (pattern: string) =>
    new RegExp(`^${pattern.replaceAll('.', '\\.').replaceAll('%', '.*')}$`).test(action);
  for (const kind of ['signin', 'account', 'export'] as const) {
    if (KIND_PATTERNS[kind].some(like)) return kind;
  }
  return 'data';
}

function kindFilter(kind: AuditKind | undefined) {
  if (!kind) return {};
  if (kind === 'data') return { actionNotLike: Object.values(KIND_PATTERNS).flat() };
  return { actionLike: KIND_PATTERNS[kind] };
}

/** The auditor's view of the log: events about units in their subtree (all, at a root unit). */
export async function listAudit(ctx: AppContext, query: AuditQuery) {
  const actor = requireUser(ctx);
  if (actor.unitId === null) throw new DomainError('FORBIDDEN', '没有权限');
  await authorize(ctx, 'audit.read', actor.unitId);
  const unit = await findUnit(ctx.db, actor.unitId);
  const [entityType, entityId] = query.entity?.split(':') ?? [];
  // A date alone means the whole day: `to=2026-06-30` includes that day's events.
  const to = query.to && query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to;
  const page = await listAuditEvents(ctx.db, {
    entityType,
    entityId,
    actor: query.actor,
    action: query.action,
    ...kindFilter(query.kind),
    from: query.from,
    to,
    subtreeOf: unit?.parentId === null ? undefined : actor.unitId,
    limit: query.limit,
    offset: query.offset,
  });
  return withTargetNames(ctx, page);
}

/**
 * Adds each event's `entityName` (a unit's, contest's or period's name; absent when gone) and
 * `unitNames`, the names of the units its before/after mention by id, so the log reads in words.
 */
async function withTargetNames<T extends AuditTarget>(
  ctx: AppContext,
  page: { items: T[]; total: number },
): Promise<{
  items: (T & { entityName?: string; unitNames?: Record<string, string> })[];
  total: number;
}> {
  const names = await auditTargetNames(ctx.db, page.items);
  return {
    ...page,
    items: page.items.map((e) => {
      const name = names.get(`${e.entityType}:${e.entityId}`);
      const units = unitIdsInDetails([e]).filter((id) => names.has(`unit:${id}`));
      return {
        ...e,
        ...(name === undefined ? {} : { entityName: name }),
        ...(units.length
          ? { unitNames: Object.fromEntries(units.map((id) => [id, names.get(`unit:${id}`)!])) }
          : {}),
      };
    }),
  };
}

/** Checks the whole chain and the published data it covers (any admin may ask; it reveals no event). */
export async function verifyAudit(ctx: AppContext, options: VerifyOptions = {}) {
  const actor = requireUser(ctx);
  if (actor.kind !== 'system') await authorize(ctx, 'audit.read', actor.unitId ?? -1);
  return verifyAuditAndData(ctx.db, options);
}

/**
 * Records that a signed-in user took a document or a data file out of Leitai (等保: exports are
 * audited): results, bulletins, series documents, assessment workbooks. In its own transaction,
 * so a read-only download still leaves its trace; the CLI and the demo (system) are not recorded.
 */
export async function recordExport(
  ctx: AppContext,
  what: { action: string; entityType: string; entityId: string | number; file: string },
): Promise<void> {
  if (ctx.actor.kind !== 'user') return;
  await inTransaction(ctx, (tx) =>
    audit(tx, {
      action: what.action,
      entityType: what.entityType,
      entityId: String(what.entityId),
      unitId: ctx.actor.unitId,
      after: { file: what.file },
    }),
  );
}

/** The most events one export carries (the assessor narrows by time or kind beyond that). */
export const EXPORT_LIMIT = 100_000;

/** The filtered log as CSV or XLSX for the assessor; the export itself is audited first. */
export async function exportAudit(
  ctx: AppContext,
  query: Omit<AuditQuery, 'limit' | 'offset'>,
  format: 'csv' | 'xlsx',
): Promise<{ bytes: Buffer; count: number }> {
  const { items } = await listAudit(ctx, { ...query, limit: EXPORT_LIMIT, offset: 0 });
  await inTransaction(ctx, (tx) =>
    audit(tx, {
      action: 'audit.export',
      entityType: 'audit',
      entityId: format,
      unitId: ctx.actor.unitId,
      after: { ...query, format, count: items.length },
    }),
  );
  const bytes = format === 'csv' ? auditCsv(items, kindOf) : await auditXlsx(items, kindOf);
  return { bytes, count: items.length };
}
