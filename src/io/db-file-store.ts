/**
 * Evidence and images in the database (LEITAI_FILE_STORE=postgres): one `stored_files` row per
 * file and its bytes in 1 MiB `stored_file_chunks`, so every app server reads what any of them
 * stored, with no shared disk, and backups (pg_dump) carry the files with the data.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { checkSha256, FileMissingError, type FileStore } from './file-store.ts';

export const CHUNK_BYTES = 1024 * 1024;

/**
 * A store over the handle's own connections (not the caller's transaction): the file is named
 * by its content, so one stored by a request that then fails is harmless, and the same file
 * stored by two servers at once is written once (the second insert does nothing).
 */
export function databaseFileStore(db: Kysely<Database>): FileStore {
  return {
    kind: 'postgres',
    async has(folder, sha256) {
      const row = await db
        .selectFrom('stored_files')
        .select('sha256')
        .where('folder', '=', folder)
        .where('sha256', '=', checkSha256(sha256))
        .executeTakeFirst();
      return row !== undefined;
    },
    async put(folder, sha256, stored) {
      checkSha256(sha256);
      const chunks = Math.max(1, Math.ceil(stored.length / CHUNK_BYTES));
      await db.transaction().execute(async (trx) => {
        for (let seq = 0; seq < chunks; seq++) {
          const data = Buffer.from(stored.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES));
          await trx
            .insertInto('stored_file_chunks')
            .values({ folder, sha256, seq, data })
            .onConflict((oc) => oc.columns(['folder', 'sha256', 'seq']).doNothing())
            .execute();
        }
        // The file row last: a reader that sees it sees every chunk (same transaction).
        await trx
          .insertInto('stored_files')
          .values({
            folder,
            sha256,
            size: stored.length,
            chunks,
            created_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.columns(['folder', 'sha256']).doNothing())
          .execute();
      });
    },
    async get(folder, sha256) {
      checkSha256(sha256);
      const file = await db
        .selectFrom('stored_files')
        .select(['size', 'chunks'])
        .where('folder', '=', folder)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (!file) throw new FileMissingError(`stored file ${folder}/${sha256} is missing`);
      const rows = await db
        .selectFrom('stored_file_chunks')
        .select(['seq', 'data'])
        .where('folder', '=', folder)
        .where('sha256', '=', sha256)
        .orderBy('seq')
        .execute();
      const bytes = Buffer.concat(rows.map((r) => Buffer.from(r.data)));
      if (rows.length !== file.chunks || bytes.length !== Number(file.size)) {
        throw new FileMissingError(`stored file ${folder}/${sha256} is incomplete`);
      }
      return bytes;
    },
  };
}
