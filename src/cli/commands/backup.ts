import { createBackup, restoreBackup } from '../../app/backup.ts';
import { DomainError } from '../../core/errors.ts';
import { configureAuditChain } from '../../db/audit.repository.ts';
import { type CliIO, type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, str, version, withDatabase } from '../runtime.ts';

async function refusedAsExit1(io: CliIO, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

export const backupCommand: Command = {
  usage: '--out FILE [--data DIR]',
  options: { ...commonOptions, out: { type: 'string' } },
  async run({ values }, io) {
    const out = str(values, 'out');
    if (!out) throw new UsageError('缺少 --out FILE (where to write the archive)');
    const config = configFrom(values, io);
    return refusedAsExit1(io, () =>
      withDatabase(config, async (_ctx, handle) => {
        const m = await createBackup(handle, config, out, { version: version(), now: new Date() });
        const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
        io.out(
          `已备份 backed up ${m.dialect} (${m.migration}): ${Object.keys(m.tables).length} 张表 tables, ${rows} 行 rows, ${m.files.length} 个文件 files → ${out}`,
        );
        if (m.audit) io.out(`审计链末尾哈希 audit head ${m.audit.lastHash} (${m.audit.count})`);
        return 0;
      }),
    );
  },
};

export const restoreCommand: Command = {
  usage: '--from FILE [--data DIR]',
  options: { ...commonOptions, from: { type: 'string' } },
  async run({ values }, io) {
    const from = str(values, 'from');
    if (!from) throw new UsageError('缺少 --from FILE (the backup archive)');
    const config = configFrom(values, io);
    configureAuditChain({ hash: config.auditHash, key: config.auditKey });
    return refusedAsExit1(io, async () => {
      const report = await restoreBackup(config, from);
      const m = report.manifest;
      io.out(
        `已恢复 restored ${m.dialect} backup of ${m.createdAt} (Leitai ${m.version}, ${m.migration}): ${Object.keys(report.tables).length} 张表行数与清单相符 tables match the manifest, ${m.files.length} 个文件 files`,
      );
      if (!report.verify.ok) {
        io.err(`审计链校验失败 audit verify FAILED on the restored copy: ${report.verify.reason}`);
        return 1;
      }
      io.out(
        `审计链完好 audit chain intact: ${report.verify.count} 条事件 events, 末尾哈希 head ${report.verify.lastHash}`,
      );
      return 0;
    });
  },
};
