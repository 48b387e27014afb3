import type { Kysely } from 'kysely';
import { type AuthSettings, defaultAuthSettings } from '../app/auth.ts';
import { type Clock, systemClock } from '../app/context.ts';
import { followChanges, PublicContestsCache, PublishedRoundCache } from '../app/public.ts';
import type { Config } from '../config.ts';
import { configureAuditChain } from '../db/audit.repository.ts';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { DatabaseHandle, DialectName } from '../db/dialect.ts';
import type { ReadRouter } from '../db/replicas.ts';
import type { Database } from '../db/schema.ts';
import { diskFileStore, type FileStore } from '../io/file-store.ts';

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
  /** Other app servers' changes (PostgreSQL's LISTEN/NOTIFY); absent on SQLite. */
  feed?: ChangeFeed | undefined;
  /** Read replicas for public reads (DATABASE_REPLICA_URL); absent without them. */
  reads?: ReadRouter | undefined;
  /** Evidence and images: the data folder, the database or S3 (LEITAI_FILE_STORE). */
  files: FileStore;
  version: string;
  /** Folder of the built web app; not served when absent. */
  webDir?: string | undefined;
}

/** The server's dependencies from an open database and the configuration. */
export function serverDeps(
  handle: DatabaseHandle,
  config: Readonly<Config>,
  extra: {
    version: string;
    webDir?: string;
    clock?: Clock;
    settings?: Partial<AuthSettings>;
    feed?: ChangeFeed | undefined;
    reads?: ReadRouter | undefined;
    files?: FileStore | undefined;
  },
): ServerDeps {
  configureAuditChain({ hash: config.auditHash, key: config.auditKey });
  const cache = new PublishedRoundCache();
  const contestsCache = new PublicContestsCache();
  if (extra.feed) followChanges(extra.feed, cache, contestsCache);
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
    cache,
    contestsCache,
    config,
    feed: extra.feed,
    reads: extra.reads,
    files: extra.files ?? diskFileStore(config.dataDir),
    version: extra.version,
    webDir: extra.webDir,
  };
}
