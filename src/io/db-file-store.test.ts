// Files in the database (LEITAI_FILE_STORE=postgres): chunked, whole again on reading, stored
// once when two servers store the same file, and a missing or incomplete file is named so.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { CHUNK_BYTES, databaseFileStore } from './db-file-store.ts';
import { FileMissingError, readStoredFile, storeFile } from './file-store.ts';

const KEY = '0123456789abcdef0123456789abcdef';

describeEachDialect('files in the database', (use) => {
  it('a file of several chunks comes back whole, encrypted at rest', async () => {
    const db = use().handle.db;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(CHUNK_BYTES * 2 + 123)]);
    const sha = await storeFile(databaseFileStore(db), 'evidence', bytes, KEY);
    const chunks = await db
      .selectFrom('stored_file_chunks')
      .select(['seq', 'data'])
      .where('sha256', '=', sha)
      .orderBy('seq')
      .execute();
    expect(chunks.map((c) => c.seq)).toEqual([0, 1, 2]);
    expect(
      Buffer.concat(chunks.map((c) => Buffer.from(c.data))).includes(bytes.subarray(0, 64)),
    ).toBe(false);
    // Buffer.equals: a deep toEqual over megabytes takes minutes.
    const back = await readStoredFile(databaseFileStore(db), 'evidence', sha, KEY);
    expect(back.equals(bytes)).toBe(true);
  });

  it('the same file stored by two servers at once is stored once', async () => {
    const db = use().handle.db;
    const bytes = Buffer.from('%PDF-1.4\n% twice at once\n');
    const [a, b] = await Promise.all([
      databaseFileStore(db).put('public', 'b'.repeat(64), bytes),
      databaseFileStore(db).put('public', 'b'.repeat(64), bytes),
    ]);
    expect([a, b]).toEqual([undefined, undefined]);
    const rows = await db
      .selectFrom('stored_files')
      .select('sha256')
      .where('sha256', '=', 'b'.repeat(64))
      .execute();
    expect(rows).toHaveLength(1);
    expect(await databaseFileStore(db).get('public', 'b'.repeat(64))).toEqual(bytes);
  });

  it('missing, incomplete and badly named files are refused by name', async () => {
    const db = use().handle.db;
    const store = databaseFileStore(db);
    await expect(store.get('evidence', 'c'.repeat(64))).rejects.toBeInstanceOf(FileMissingError);
    await store.put('evidence', 'd'.repeat(64), Buffer.alloc(CHUNK_BYTES + 1, 7));
    await db
      .deleteFrom('stored_file_chunks')
      .where('sha256', '=', 'd'.repeat(64))
      .where('seq', '=', 1)
      .execute();
    await expect(store.get('evidence', 'd'.repeat(64))).rejects.toThrow(/incomplete/);
    await expect(store.get('evidence', "x'; drop table units; --")).rejects.toThrow(
      /bad stored file name/,
    );
  });
});
