/**
 * What several app servers share beyond the database (issue 18, docs/SCALING.md): the change
 * feed that keeps caches true across them, the read replicas, and the file store. Opened once
 * by `leitai serve` (and the multi-instance tests) and handed to `serverDeps`.
 */
import type { Config } from '../config.ts';
import { type ChangeFeed, listenForChanges } from '../db/change-feed.ts';
import { type DatabaseHandle, migrationSchema } from '../db/dialect.ts';
import { ReadRouter } from '../db/replicas.ts';
import { databaseFileStore } from '../io/db-file-store.ts';
import { diskFileStore, type FileStore } from '../io/file-store.ts';

export interface SharedState {
  feed?: ChangeFeed | undefined;
  reads?: ReadRouter | undefined;
  files: FileStore;
  close(): Promise<void>;
}

export async function openFileStore(
  handle: DatabaseHandle,
  config: Readonly<Config>,
): Promise<FileStore> {
  if (config.fileStore === 'postgres') {
    if (handle.dialect !== 'postgres') {
      throw new Error('LEITAI_FILE_STORE=postgres 需要 DATABASE_URL');
    }
    return databaseFileStore(handle.db);
  }
  if (config.fileStore === 's3') {
    // Loaded only when configured: the AWS SDK is large.
    const { s3FileStore } = await import('../io/s3-file-store.ts');
    return s3FileStore({
      bucket: config.s3Bucket!,
      region: config.s3Region,
      prefix: config.s3Prefix,
      endpoint: config.s3Endpoint,
      accessKeyId: config.s3AccessKeyId,
      secretAccessKey: config.s3SecretAccessKey,
    });
  }
  return diskFileStore(config.dataDir);
}

export async function openSharedState(
  handle: DatabaseHandle,
  config: Readonly<Config>,
  onError: (error: Error) => void = () => undefined,
): Promise<SharedState> {
  const files = await openFileStore(handle, config);
  if (handle.dialect !== 'postgres' || !config.databaseUrl) {
    return { files, close: async () => undefined };
  }
  const schema = (await migrationSchema(handle.db)) ?? 'public';
  const feed = listenForChanges(config.databaseUrl, { schema, onError });
  let reads: ReadRouter | undefined;
  if (config.replicaUrls.length) {
    reads = new ReadRouter(handle.db, config.replicaUrls, {
      maxLagMs: config.replicaMaxLagMs,
      pollMs: config.replicaPollMs,
      onError,
    });
    const router = reads;
    feed.subscribe(() => router.changed());
    await reads.start();
  }
  return {
    feed,
    reads,
    files,
    async close() {
      await feed.close();
      await reads?.close();
    },
  };
}
