import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../app/context.ts';
import { ledgerSettings } from '../../app/policies/ledger.ts';
import { Scheduler, standardJobs } from '../../app/scheduler.ts';
import { openDatabase } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { installRankThreads } from '../../io/rank-threads.ts';
import { buildServer } from '../../server/app.ts';
import { serverDeps } from '../../server/deps.ts';
import { openSharedState } from '../../server/shared-state.ts';
import { type Command, commonOptions } from '../command.ts';
import { configFrom, repoRoot, str, version } from '../runtime.ts';

export const serveCommand: Command = {
  usage: '[--data DIR] [--host HOST] [--port PORT]',
  options: { ...commonOptions, host: { type: 'string' }, port: { type: 'string' } },
  async run({ values }, io) {
    // Rounds of 100,000 units or more score half their indicators on a second thread.
    installRankThreads();
    const config = configFrom(values, io, { host: str(values, 'host'), port: str(values, 'port') });
    const handle = openDatabase(config, {
      onConnectionError: (error) =>
        io.err(
          `数据库连接中断，将自动重连 database connection lost, reconnecting: ${error.message}`,
        ),
    });
    await migrateToLatest(handle.db);
    // Several servers on one PostgreSQL: the change feed, read replicas, the shared file store.
    const shared = await openSharedState(handle, config, (error) =>
      io.err(`连接中断，将自动重连 connection lost, reconnecting: ${error.message}`),
    );
    const webDir = path.join(repoRoot, 'dist/web');
    if (!fs.existsSync(path.join(webDir, 'index.html'))) {
      io.err('提示 note: 网页尚未构建 web app not built — run `npm run build` to serve it.');
    }
    const deps = serverDeps(handle, config, {
      version: version(),
      webDir,
      feed: shared.feed,
      reads: shared.reads,
      files: shared.files,
    });
    const app = await buildServer(deps, {
      logger: { level: config.logLevel },
    });
    const address = await app.listen({ host: config.host, port: config.port });
    io.out(`擂台 Leitai 已启动 is running at ${address.replace('0.0.0.0', 'localhost')}/`);
    io.out(`数据库 database: ${handle.dialect} (${handle.location})`);
    // Reminders, webhooks, notice-window ends, month-end lights; LEITAI_SCHEDULER=0 turns it off here.
    const scheduler = new Scheduler({
      db: handle.db,
      clock: systemClock,
      onError: (job, error) => app.log.error({ job, err: error }, 'scheduled job failed'),
    });
    for (const job of standardJobs({ ledger: ledgerSettings(config) })) scheduler.register(job);
    if (config.scheduler) scheduler.start();
    io.out(
      '登录 sign in: 使用 `leitai demo` 或 `leitai init --admin NAME` 打印的账号和密码 with the user and password printed by `leitai demo` or `leitai init` · 接口文档 API docs: /api/docs/ui',
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        scheduler
          .stop()
          .then(() => app.close())
          .then(() => shared.close())
          .then(() => handle.close())
          .then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
