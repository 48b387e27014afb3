/**
 * The audit chain beyond listing: verifying it together with the published data it covers,
 * and turning an existing chain keyed (`leitai audit adopt-key`).
 */
import type { Kysely } from 'kysely';
import { DomainError } from '../core/errors.ts';
import {
  appendAuditEvent,
  auditChainSettings,
  KEY_ADOPTED,
  type VerifyOptions,
  type VerifyResult,
  verifyAuditChain,
} from '../db/audit.repository.ts';
import { verifyPublishedData } from '../db/digest.repository.ts';
import type { Database } from '../db/schema.ts';
import { type AppContext, inTransaction } from './context.ts';

const TABLE_NAMES: Record<string, string> = { results: '结果', entries: '填报数据' };

/** The chain, then (once it holds) every published revision's digest. */
export async function verifyAuditAndData(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<VerifyResult & { publications?: number }> {
  const chain = await verifyAuditChain(db, options);
  if (!chain.ok) return chain;
  const data = await verifyPublishedData(db);
  if (data.ok) return { ...chain, publications: data.publications };
  return {
    ok: false,
    count: chain.count,
    eventId: data.eventId,
    table: data.table,
    roundId: data.roundId,
    revision: data.revision,
    reason: `已发布的数据被改动：表 ${data.table}（${TABLE_NAMES[data.table]}），第 ${data.roundId} 期次 第 ${data.revision} 次修订，与第 ${data.eventId} 号事件记录的摘要不符`,
  };
}

/**
 * Turns an existing unkeyed chain keyed with the configured key: checks the chain as it is, then
 * writes the keyed adoption event that every later event follows. Run once after setting
 * LEITAI_AUDIT_KEY (after checking the head against the anchor kept outside, if any).
 */
export function adoptAuditKey(ctx: AppContext) {
  const settings = auditChainSettings();
  if (!settings.key) {
    throw new DomainError('VALIDATION', '未配置 LEITAI_AUDIT_KEY', {
      params: { reason: 'noAuditKey' },
    });
  }
  return inTransaction(ctx, async (tx) => {
    const head = await tx.db
      .selectFrom('audit_head')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if (head.mac !== null) return { adopted: false as const, reason: 'already keyed' };
    const chain = await verifyAuditChain(tx.db, { key: '' });
    if (!chain.ok) {
      throw new DomainError('CONFLICT', `审计链已损坏，不能启用密钥：${chain.reason}`, {
        params: { reason: chain.reason },
      });
    }
    await appendAuditEvent(
      tx.db,
      {
        actorUserId: tx.actor.userId,
        actorName: tx.actor.name,
        unitId: null,
        action: KEY_ADOPTED,
        entityType: 'audit',
        entityId: 'chain',
        after: { from: chain.count + 1, previousHead: chain.lastHash, hash: settings.hash },
      },
      tx.clock.now().toISOString(),
      { adoptKey: true },
    );
    return { adopted: true as const, previousHead: chain.lastHash, count: chain.count };
  });
}
