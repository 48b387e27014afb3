import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppContext, systemActor, systemClock } from '../app/context.ts';
import { type Config, ConfigError, type ConfigOverrides, loadConfig } from '../config.ts';
import { configureAuditChain } from '../db/audit.repository.ts';
import { type DatabaseHandle, openDatabase } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type CliIO, type OptionValues, UsageError } from './command.ts';

/** The package's folder: two levels above this file in src/, three in the compiled dist/node. */
export const repoRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return String(pkg.version);
}

export function str(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads the configuration from flags and environment; a bad setting is bad usage. */
export function configFrom(
  values: OptionValues,
  io: CliIO,
  extra: Omit<ConfigOverrides, 'data'> = {},
): Readonly<Config> {
  try {
    return loadConfig(io.env, { data: str(values, 'data'), ...extra });
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Opens the database of the configuration, brings it up to date, runs `work`, and closes it. */
export async function withDatabase<T>(
  config: Readonly<Config>,
  work: (ctx: AppContext, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  configureAuditChain({ hash: config.auditHash, key: config.auditKey });
  const handle = openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    return await work({ db: handle.db, actor: systemActor, clock: systemClock }, handle);
  } finally {
    await handle.close();
  }
}
