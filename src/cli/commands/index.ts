import type { Command } from '../command.ts';
import { initCommand, tokenCreateCommand, userAddCommand } from './accounts.ts';
import { auditAdoptKeyCommand, auditVerifyCommand } from './audit-verify.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { demoCommand } from './demo.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { rankCommand } from './rank.ts';
import { serveCommand } from './serve.ts';
import { unitsImportCommand } from './units-import.ts';

/** Every `leitai` command, in the order `leitai help` lists them. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  unitsImportCommand,
  rankCommand,
  importCommand,
  exportCommand,
  initCommand,
  userAddCommand,
  tokenCreateCommand,
  auditVerifyCommand,
  auditAdoptKeyCommand,
  backupCommand,
  restoreCommand,
];
