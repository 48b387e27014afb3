import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import { migrationSchema } from './dialect.ts';
import * as m0001 from './migrations/0001-units.ts';
import * as m0002 from './migrations/0002-accounts-audit.ts';
import * as m0003 from './migrations/0003-contests.ts';
import * as m0004 from './migrations/0004-practices.ts';
import * as m0005 from './migrations/0005-assessments-linkage.ts';
import * as m0008 from './migrations/0008-audit-keys.ts';
import * as m0009 from './migrations/0009-account-security.ts';
import * as m0010 from './migrations/0010-outcomes.ts';
import * as m0011 from './migrations/0011-assessment-ratings.ts';
import * as m0012 from './migrations/0012-ledger.ts';
import * as m0013 from './migrations/0013-points.ts';
import * as m0015 from './migrations/0015-notifications.ts';
import * as m0017 from './migrations/0017-points-households-market.ts';
import * as m0018 from './migrations/0018-scale.ts';
import * as m0019 from './migrations/0019-ledger-indexes.ts';
import * as m0020 from './migrations/0020-points-totals.ts';
import * as m0021 from './migrations/0021-ledger-version.ts';
import * as m0022 from './migrations/0022-units-version.ts';
import * as m0023 from './migrations/0023-points-roster-version.ts';
import type { Database } from './schema.ts';

/** Every migration, in order; the same set runs on SQLite and PostgreSQL. */
const migrations: Record<string, Migration> = {
  '0001-units': m0001,
  '0002-accounts-audit': m0002,
  '0003-contests': m0003,
  '0004-practices': m0004,
  '0005-assessments-linkage': m0005,
  '0008-audit-keys': m0008,
  '0009-account-security': m0009,
  '0010-outcomes': m0010,
  '0011-assessment-ratings': m0011,
  '0012-ledger': m0012,
  '0013-points': m0013,
  '0015-notifications': m0015,
  '0017-points-households-market': m0017,
  '0018-scale': m0018,
  '0019-ledger-indexes': m0019,
  '0020-points-totals': m0020,
  '0021-ledger-version': m0021,
  '0022-units-version': m0022,
  '0023-points-roster-version': m0023,
};

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const schema = await migrationSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`数据库迁移失败 migration failed${name}: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
