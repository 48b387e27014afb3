import type { Kysely } from 'kysely';
import { type AuthSettings, defaultAuthSettings } from '../app/auth.ts';
import { type Clock, systemClock } from '../app/context.ts';
import { PublicContestsCache, PublishedRoundCache } from '../app/public.ts';
import type { Config } from '../config.ts';
import { configureAuditChain } from '../db/audit.repository.ts';
import type { DatabaseHandle, DialectName } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

/** What the routes need, injected once when the server is built. */
export interface ServerDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  settings: AuthSettings;
  /** Published rounds as sent to the public, by round and revision. */
  cache: PublishedRoundCache;
  /** The public contest list as sent, per category; any write in this process drops it. */
  contestsCache: PublicContestsCache;
  config: Readonly<Config>;
  version: string;
  /** Folder of the built web app; not served when absent. */
  webDir?: string | undefined;
}

/** The server's dependencies from an open database and the configuration. */
export function serverDeps(
  handle: DatabaseHandle,
  config: Readonly<Config>,
  extra: { version: string; webDir?: string; clock?: Clock; settings?: Partial<AuthSettings> },
): ServerDeps {
  configureAuditChain({ hash: config.auditHash, key: config.auditKey });
  return {
    db: handle.db,
    dialect: handle.dialect,
    clock: extra.clock ?? systemClock,
    settings: {
      ...defaultAuthSettings,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
      separationOfDuties: config.separationOfDuties,
      requireTotp: config.requireTotp,
      ...extra.settings,
    },
    cache: new PublishedRoundCache(),
    contestsCache: new PublicContestsCache(),
    config,
    version: extra.version,
    webDir: extra.webDir,
  };
}
