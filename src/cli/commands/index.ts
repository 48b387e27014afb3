import type { Command } from '../command.ts';
import { demoCommand } from './demo.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';
import { unitsImportCommand } from './units-import.ts';

/** Every `leitai` command, in the order `leitai help` lists them. */
export const commands: Command[] = [serveCommand, migrateCommand, demoCommand, unitsImportCommand];
