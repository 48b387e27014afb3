import type { Kysely } from 'kysely';
import type { Clock } from '../app/context.ts';
import type { Config } from '../config.ts';
import type { DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

/** What the routes need, injected once when the server is built. */
export interface ServerDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  config: Readonly<Config>;
  version: string;
  /** Folder of the built web app; not served when absent. */
  webDir?: string | undefined;
}
