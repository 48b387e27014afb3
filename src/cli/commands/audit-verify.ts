import { verifyAudit } from '../../app/audit.ts';
import { adoptAuditKey } from '../../app/audit-chain.ts';
import { DomainError } from '../../core/errors.ts';
import { type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, str, withDatabase } from '../runtime.ts';

export const auditVerifyCommand: Command = {
  usage: '[--data DIR] [--expect HASH]',
  options: { ...commonOptions, expect: { type: 'string' } },
  async run({ values }, io) {
    const expect = str(values, 'expect');
    if (expect !== undefined && !/^[0-9a-fA-F]{64}$/.test(expect)) {
      throw new UsageError('--expect 必须是 64 位十六进制哈希 must be a 64-hex-digit hash');
    }
    return withDatabase(configFrom(values, io), async (ctx) => {
      const result = await verifyAudit(ctx, { expect });
      if (result.ok) {
        io.out(
          `审计链完好 audit chain intact: ${result.count} 条事件 events${result.keyed ? '（密钥签名 keyed）' : ''}, 算法 ${result.algorithms.join('+') || '-'}; 已发布的 ${result.publications ?? 0} 次发布的数据与摘要相符 ${result.publications ?? 0} publications match their digests`,
        );
        io.out(`末尾哈希 head ${result.lastHash} (${result.count})`);
        if (result.anchor) {
          io.out(
            `锚点相符 anchor found: 第 ${result.anchor.eventId} 号事件，其后 ${result.anchor.after} 条事件 event #${result.anchor.eventId}, ${result.anchor.after} events after it`,
          );
        }
        return 0;
      }
      const where = result.eventId === null ? '' : ` at event #${result.eventId}`;
      io.err(`审计链被破坏 audit chain BROKEN${where}: ${result.reason}`);
      io.err(`（此前 ${result.count} 条事件完好 ${result.count} events before it are intact）`);
      return 1;
    });
  },
};

export const auditAdoptKeyCommand: Command = {
  usage: '[--data DIR]',
  options: commonOptions,
  async run({ values }, io) {
    return withDatabase(configFrom(values, io), async (ctx) => {
      const result = await adoptAuditKey(ctx).catch((error: unknown) => {
        if (error instanceof DomainError) return { adopted: 'refused' as const, error };
        throw error;
      });
      if (result.adopted === 'refused') {
        io.err(result.error.message);
        return 1;
      }
      if (!result.adopted) {
        io.out('审计链已用密钥签名 the chain is already keyed');
        return 0;
      }
      io.out(
        `已启用密钥签名 chain keyed from now on; 此前 ${result.count} 条事件，末尾哈希 previous head ${result.previousHead}`,
      );
      return 0;
    });
  },
};
