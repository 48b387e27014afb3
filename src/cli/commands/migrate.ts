import { openDatabase } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { type Command, commonOptions } from '../command.ts';
import { configFrom } from '../runtime.ts';

export const migrateCommand: Command = {
  usage: '[--data DIR]',
  options: commonOptions,
  async run({ values }, io) {
    const config = configFrom(values, io);
    const handle = openDatabase(config);
    try {
      const applied = await migrateToLatest(handle.db);
      io.out(
        applied.length
          ? `已执行迁移 applied: ${applied.join(', ')} (${handle.location})`
          : `数据库已是最新 already up to date (${handle.location})`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  },
};
