/**
 * `leitai backup` and `leitai restore`: the database (a consistent snapshot, see
 * db/dialect-backup.ts) and the stored files (evidence, public images — as stored, so encrypted
 * ones stay encrypted) in one tar archive whose first entry is a manifest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../core/errors.ts';
import type { VerifyResult } from '../db/audit.repository.ts';
import { type DatabaseHandle, type DialectName, openDatabase } from '../db/dialect.ts';
import {
  databaseFacts,
  databaseIsEmpty,
  dumpName,
  loadDump,
  type SnapshotFacts,
  snapshotDatabase,
} from '../db/dialect-backup.ts';
import { isEncrypted } from '../io/file-store.ts';
import { extractTarEntry, listTar, readTarEntry, TarError, TarWriter } from '../io/tar.ts';
import { verifyAuditAndData } from './audit-chain.ts';

const FOLDERS = ['evidence', 'public'] as const;
const MANIFEST = 'manifest.json';

export interface BackupManifest extends SnapshotFacts {
  format: 'leitai-backup';
  formatVersion: 1;
  /** Leitai's version that wrote it. */
  version: string;
  createdAt: string;
  database: { path: string; sha256: string; size: number };
  files: { path: string; sha256: string; size: number; encrypted: boolean }[];
}

export interface BackupTarget {
  dataDir: string;
  databaseUrl?: string | undefined;
}

function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function storedFiles(dataDir: string): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const folder of FOLDERS) {
    const dir = path.join(dataDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (/^[0-9a-f]{64}$/.test(name))
        out.push({ path: `files/${folder}/${name}`, file: path.join(dir, name) });
    }
  }
  return out;
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the backup archive to `out` (which must not exist) while the server may keep serving.
 * Stored files are content-addressed and never rewritten, so listing them after the snapshot
 * includes every file the snapshot refers to.
 */
export async function createBackup(
  handle: DatabaseHandle,
  target: BackupTarget,
  out: string,
  meta: { version: string; now: Date },
): Promise<BackupManifest> {
  if (fs.existsSync(out)) {
    throw new DomainError('CONFLICT', `备份文件已存在，不会覆盖：${out}`, {
      params: { reason: 'backupExists', out },
    });
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-backup-'));
  try {
    const dump = path.join(temp, 'dump');
    const facts = await snapshotDatabase(handle, target.databaseUrl, dump);
    const files = storedFiles(target.dataDir).map((f) => {
      const size = fs.statSync(f.file).size;
      return {
        ...f,
        size,
        sha256: sha256File(f.file),
        encrypted: isEncrypted(readHead(f.file, 128)),
      };
    });
    const manifest: BackupManifest = {
      format: 'leitai-backup',
      formatVersion: 1,
      version: meta.version,
      createdAt: meta.now.toISOString(),
      ...facts,
      database: {
        path: dumpName(handle.dialect),
        sha256: sha256File(dump),
        size: fs.statSync(dump).size,
      },
      files: files.map(({ path: p, sha256, size, encrypted }) => ({
        path: p,
        sha256,
        size,
        encrypted,
      })),
    };
    const tar = new TarWriter(out);
    try {
      tar.addBuffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      tar.addFile(manifest.database.path, dump);
      for (const f of files) {
        const copied = tar.addFile(f.path, f.file);
        if (copied.sha256 !== f.sha256) throw new Error(`${f.file} changed while being backed up`);
      }
      tar.close();
    } catch (error) {
      tar.abort();
      fs.rmSync(out, { force: true });
      throw error;
    }
    return manifest;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

/** Reads and checks an archive's manifest. */
export function readManifest(archive: string) {
  if (!fs.existsSync(archive)) {
    throw new DomainError('NOT_FOUND', `找不到备份文件：${archive}`, {
      params: { reason: 'backup', id: archive },
    });
  }
  let entries: ReturnType<typeof listTar>;
  try {
    entries = listTar(archive);
  } catch (error) {
    if (error instanceof TarError)
      throw new DomainError('BAD_FILE', `${error.message}: ${archive}`, {
        params: { message: error.message, archive },
      });
    throw error;
  }
  const first = entries[0];
  if (first?.name !== MANIFEST) {
    throw new DomainError('BAD_FILE', `不是擂台的备份文件：${archive}`, {
      params: { reason: 'notBackup', archive },
    });
  }
  const manifest = JSON.parse(readTarEntry(archive, first).toString('utf8')) as BackupManifest;
  if (manifest.format !== 'leitai-backup' || manifest.formatVersion !== 1) {
    throw new DomainError('BAD_FILE', `不支持的备份格式：${archive}`, {
      params: { reason: 'backupFormat', archive },
    });
  }
  return { manifest, entries: new Map(entries.map((e) => [e.name, e])) };
}

export interface RestoreReport {
  manifest: BackupManifest;
  tables: Record<string, number>;
  verify: VerifyResult;
}

function folderHasFiles(dataDir: string): string | undefined {
  for (const folder of FOLDERS) {
    const dir = path.join(dataDir, folder);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) return dir;
  }
  return undefined;
}

/**
 * Restores an archive into an empty target (refused otherwise, naming what is there): checks
 * every entry against the manifest, loads the database, puts the files back, then compares the
 * row counts with the manifest and verifies the audit chain and the published data.
 */
export async function restoreBackup(target: BackupTarget, archive: string): Promise<RestoreReport> {
  const { manifest, entries } = readManifest(archive);
  const dialect: DialectName = target.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== dialect) {
    throw new DomainError(
      'CONFLICT',
      `备份来自 ${manifest.dialect}，目标是 ${dialect}：只能恢复到同一种数据库`,
      { params: { reason: 'backupDialect', dialect: manifest.dialect, dialect2: dialect } },
    );
  }
  const busy = folderHasFiles(target.dataDir);
  if (busy) {
    throw new DomainError('CONFLICT', `目标不是空的，拒绝恢复：${busy} 中已有文件`, {
      params: { reason: 'targetNotEmpty', busy },
    });
  }
  {
    const handle = openDatabase(target);
    try {
      if (!(await databaseIsEmpty(handle))) {
        throw new DomainError(
          'CONFLICT',
          `目标数据库不是空的，拒绝恢复（${handle.location}）：请恢复到新建的空数据库`,
          { params: { reason: 'targetDatabaseNotEmpty', location: handle.location } },
        );
      }
    } finally {
      await handle.close();
    }
  }
  const dbEntry = entries.get(manifest.database.path);
  if (!dbEntry)
    throw new DomainError('BAD_FILE', `备份中缺少数据库：${manifest.database.path}`, {
      params: { reason: 'backupNoDatabase', path: manifest.database.path },
    });
  for (const f of manifest.files) {
    if (!entries.has(f.path) || !/^files\/(evidence|public)\/[0-9a-f]{64}$/.test(f.path)) {
      throw new DomainError('BAD_FILE', `备份中缺少文件：${f.path}`, {
        params: { reason: 'backupMissingFile', path: f.path },
      });
    }
  }
  fs.mkdirSync(target.dataDir, { recursive: true });
  // The dump is extracted next to its destination so that placing it is a rename.
  const dump = path.join(target.dataDir, `.restore-${process.pid}.tmp`);
  try {
    if (extractTarEntry(archive, dbEntry, dump) !== manifest.database.sha256) {
      throw new DomainError('BAD_FILE', '备份中的数据库已损坏（SHA-256 不符）', {
        params: { reason: 'backupDatabaseDamaged' },
      });
    }
    await loadDump(dialect, dump, target);
  } finally {
    fs.rmSync(dump, { force: true });
  }
  for (const f of manifest.files) {
    const dest = path.join(target.dataDir, f.path.slice('files/'.length));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const entry = entries.get(f.path);
    if (!entry || extractTarEntry(archive, entry, dest) !== f.sha256) {
      throw new DomainError('BAD_FILE', `备份中的文件已损坏（SHA-256 不符）：${f.path}`, {
        params: { reason: 'backupFileDamaged', path: f.path },
      });
    }
  }
  const handle = openDatabase(target);
  try {
    const facts = await databaseFacts(handle);
    const differs = Object.entries(manifest.tables).filter(([t, n]) => facts.tables[t] !== n);
    if (differs.length) {
      throw new Error(
        `恢复后的行数与清单不符：${differs.map(([t, n]) => `${t} ${facts.tables[t]} ≠ ${n}`).join(', ')}`,
      );
    }
    return { manifest, tables: facts.tables, verify: await verifyAuditAndData(handle.db) };
  } finally {
    await handle.close();
  }
}
