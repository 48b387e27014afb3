import { importDivision } from '../../app/import-division.ts';
import { DomainError } from '../../core/errors.ts';
import { type Command, commonOptions, UsageError } from '../command.ts';
import { configFrom, str, withDatabase } from '../runtime.ts';

export const unitsImportCommand: Command = {
  usage:
    '--division CODE [--data DIR]   e.g. --division 371323 (沂水县), 3713 (临沂市), 37 (山东省)',
  options: { ...commonOptions, division: { type: 'string' } },
  async run({ values }, io) {
    const code = str(values, 'division');
    if (!code) throw new UsageError('缺少 --division CODE (missing --division)');
    const config = configFrom(values, io);
    return withDatabase(config, async (ctx) => {
      const started = performance.now();
      try {
        const s = await importDivision(ctx, code);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        io.out(
          `已导入 imported ${s.name} (${s.code}): ${s.total} 个单位 units — 新增 ${s.inserted} inserted, 更新 ${s.updated} updated, 未变 ${s.unchanged} unchanged, ${seconds} s`,
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          io.err(error.message);
          return 1;
        }
        throw error;
      }
    });
  },
};
