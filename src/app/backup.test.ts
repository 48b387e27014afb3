/**
 * Backup and restore round trips on both databases: SQLite files in temp folders, PostgreSQL in
 * fresh databases on the server of TEST_DATABASE_URL (pg_dump / pg_restore of the local cluster).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedRound } from '../../test/support/published-round.ts';
import { appendAuditEvent, configureAuditChain } from '../db/audit.repository.ts';
import { type DatabaseHandle, type DialectName, openPostgres, openSqlite } from '../db/dialect.ts';
import { listTables } from '../db/dialect-backup.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { readStoredFile, storedPath, storeFile } from '../io/file-store.ts';
import { createBackup, readManifest, restoreBackup } from './backup.ts';
import { type AppContext, systemActor } from './context.ts';
import { correctRound } from './corrections.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const FILE_KEY = '00112233445566778899aabbccddeeff';

interface Target {
  dataDir: string;
  databaseUrl?: string;
}

async function makeTarget(dialect: DialectName, dirs: string[], dbs: string[]): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-bk-'));
  dirs.push(dataDir);
  if (dialect === 'sqlite') return { dataDir };
  const name = `leitai_bk_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  dbs.push(name);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  return { dataDir, databaseUrl: url.toString() };
}

const open = (t: Target): DatabaseHandle =>
  t.databaseUrl ? openPostgres(t.databaseUrl, { max: 4 }) : openSqlite(t.dataDir);

async function rowsOf(handle: DatabaseHandle) {
  const out: Record<string, string[]> = {};
  for (const table of await listTables(handle.db, handle.dialect)) {
    const rows = await handle.db
      .selectFrom(table as 'units')
      .selectAll()
      .execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

function appendEvent(handle: DatabaseHandle, i: number) {
  return handle.db.transaction().execute((trx) =>
    appendAuditEvent(
      trx,
      {
        actorUserId: null,
        actorName: 'system',
        unitId: null,
        action: 'test.during_backup',
        entityType: 'test',
        entityId: i,
        after: { filler: 'x'.repeat(400) },
      },
      new Date(Date.UTC(2026, 5, 30, 9, 0, i % 60)).toISOString(),
    ),
  );
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !pgUrl)(`backup and restore [${dialect}]`, () => {
    const dirs: string[] = [];
    const dbs: string[] = [];
    let source: Target;
    let handle: DatabaseHandle;
    let archive: string;
    let encryptedSha = '';
    let plainSha = '';

    beforeAll(async () => {
      source = await makeTarget(dialect, dirs, dbs);
      handle = open(source);
      await migrateToLatest(handle.db);
      const ctx: AppContext = {
        db: handle.db,
        actor: systemActor,
        clock: { now: () => new Date('2026-06-30T08:00:00Z') },
      };
      const { roundId } = await publishedRound(ctx, 'bk');
      await correctRound(ctx, String(roundId), {
        reason: '更正一处录入错误',
        entries: [{ unit: 'bkv2', indicator: 'A2', value: 250 }],
      });
      // A file from before the key, and one encrypted with SM4.
      plainSha = await storeFile(
        source.dataDir,
        'public',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 9]),
      );
      encryptedSha = await storeFile(
        source.dataDir,
        'evidence',
        Buffer.from('%PDF-1.4 佐证'),
        FILE_KEY,
      );
      // Enough events that the SQLite copy takes more than one step.
      for (let i = 0; i < 400; i++) await appendEvent(handle, i);
      archive = path.join(dirs[0]!, '..', `leitai-bk-${process.pid}-${dialect}.tar`);
      fs.rmSync(archive, { force: true });
    });

    afterAll(async () => {
      await handle?.close();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
      if (archive) fs.rmSync(archive, { force: true });
      if (dbs.length) {
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        for (const name of dbs) await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
      configureAuditChain({ hash: 'sha256' });
    });

    it('backs up while the server keeps writing: the copy is one consistent state', async () => {
      const before = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await appendEvent(handle, 1000 + written);
          written += 1;
          // Requests reach a server through I/O: let the event loop turn between writes.
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      const manifest = await createBackup(handle, source, archive, {
        version: 'test',
        now: new Date('2026-07-01T00:00:00Z'),
      }).finally(() => {
        writing = false;
      });
      await writer;
      expect(written).toBeGreaterThan(0);
      expect(manifest).toMatchObject({
        dialect,
        format: 'leitai-backup',
        migration: expect.any(String),
      });
      expect(manifest.audit?.count).toBeGreaterThanOrEqual(before.count);
      expect(manifest.audit?.count).toBeLessThanOrEqual(before.count + written);
      expect(manifest.tables.audit_events).toBe(manifest.audit?.count);
      expect(manifest.files.map((f) => [f.path, f.encrypted])).toEqual([
        [`files/evidence/${encryptedSha}`, true],
        [`files/public/${plainSha}`, false],
      ]);
      // A plain tar, manifest first.
      const listing = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(listing[0]).toBe('manifest.json');
      expect(listing).toContain(manifest.database.path);
      expect(readManifest(archive).manifest.database.sha256).toBe(manifest.database.sha256);
    });

    it('restores into an empty target: every table row for row, files as stored, audit verify passes', async () => {
      const target = await makeTarget(dialect, dirs, dbs);
      const report = await restoreBackup(target, archive);
      expect(report.verify).toMatchObject({ ok: true, count: report.manifest.audit?.count });
      const restored = open(target);
      try {
        const [a, b] = [await rowsOf(handle), await rowsOf(restored)];
        expect(Object.keys(b)).toEqual(Object.keys(a));
        for (const table of Object.keys(a)) {
          if (table === 'audit_events' || table === 'audit_head') continue;
          expect(b[table], table).toEqual(a[table]);
        }
        // The events written during the backup came after its snapshot: the copy holds a prefix.
        const ids = (h: DatabaseHandle) =>
          h.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
        const [srcEvents, dstEvents] = [await ids(handle), await ids(restored)];
        expect(dstEvents).toEqual(srcEvents.slice(0, dstEvents.length));
        // Encrypted files stay encrypted, byte for byte, and read back with the key.
        const stored = (dir: string) => fs.readFileSync(storedPath(dir, 'evidence', encryptedSha));
        expect(stored(target.dataDir).equals(stored(source.dataDir))).toBe(true);
        expect(
          (await readStoredFile(target.dataDir, 'evidence', encryptedSha, FILE_KEY)).toString(),
        ).toBe('%PDF-1.4 佐证');
        // The restored database takes new writes (identities and sequences restored).
        await appendEvent(restored, 5000);
        const { verifyAuditAndData } = await import('./audit-chain.ts');
        expect((await verifyAuditAndData(restored.db)).ok).toBe(true);
      } finally {
        await restored.close();
      }
      // A second restore into the same target is refused, naming why; nothing changes.
      await expect(restoreBackup(target, archive)).rejects.toThrow(/不是空的/);
    });

    it('refuses a non-empty database even with an empty data folder, and a damaged archive', async () => {
      const target = await makeTarget(dialect, dirs, dbs);
      const h = open(target);
      await migrateToLatest(h.db);
      await h.close();
      await expect(restoreBackup(target, archive)).rejects.toThrow(/目标数据库不是空的/);
      const broken = `${archive}.broken`;
      fs.writeFileSync(broken, fs.readFileSync(archive).subarray(0, 2000));
      const empty = await makeTarget(dialect, dirs, dbs);
      await expect(restoreBackup(empty, broken)).rejects.toThrow(/不完整|已损坏/);
      fs.rmSync(broken);
    });
  });
}
