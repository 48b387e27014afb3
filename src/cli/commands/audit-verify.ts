import { verifyAudit } from '../../app/audit.ts';
import { type Command, commonOptions } from '../command.ts';
import { configFrom, withDatabase } from '../runtime.ts';

export const auditVerifyCommand: Command = {
  usage: '[--data DIR]',
  options: commonOptions,
  async run({ values }, io) {
    return withDatabase(configFrom(values, io), async (ctx) => {
      const result = await verifyAudit(ctx);
      if (result.ok) {
        io.out(
          `审计链完好 audit chain intact: ${result.count} 条事件 events, 末尾哈希 head ${result.lastHash.slice(0, 16)}…`,
        );
        return 0;
      }
      io.err(
        `审计链被破坏 audit chain BROKEN at event #${result.eventId ?? '?'}: ${result.reason}`,
      );
      io.err(`（此前 ${result.count} 条事件完好 ${result.count} events before it are intact）`);
      return 1;
    });
  },
};
