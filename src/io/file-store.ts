/**
 * Stored files on disk: evidence (佐证材料) under <data>/evidence/, public images under <data>/public/,
 * each named by its SHA-256, so the same
 * file uploaded twice is stored once and a stored file cannot be swapped without notice.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { inspectZip } from './zip-guard.ts';

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** Accepted types, recognised by their first bytes, never by the name or the browser's word. */
export function sniffType(bytes: Uint8Array, filename: string): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ext = path.extname(filename).toLowerCase();
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const office = OFFICE[ext];
    // Any ZIP can be named .docx: only a sound archive with the OOXML parts is one.
    return office && isOoxml(bytes, office.folder) ? office.type : undefined;
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    const legacy: Record<string, string> = {
      '.doc': 'application/msword',
      '.xls': 'application/vnd.ms-excel',
      '.ppt': 'application/vnd.ms-powerpoint',
    };
    return legacy[ext];
  }
  return undefined;
}

const OFFICE: Record<string, { type: string; folder: string }> = {
  '.docx': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    folder: 'word/',
  },
  '.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    folder: 'xl/',
  },
  '.pptx': {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    folder: 'ppt/',
  },
};

/** An OOXML package: a ZIP that passes the zip guard with `[Content_Types].xml` and its part folder. */
function isOoxml(bytes: Uint8Array, folder: string): boolean {
  const zip = inspectZip(bytes);
  if (!zip.ok) return false;
  return (
    zip.entries.some((e) => e.name === '[Content_Types].xml') &&
    zip.entries.some((e) => e.name.startsWith(folder) && !e.name.endsWith('/'))
  );
}

/** Stores a file under <data>/<folder>/<sha256> once; returns the hash. */
export async function storeFile(
  dataDir: string,
  folder: 'evidence' | 'public',
  bytes: Uint8Array,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(dataDir, folder);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, sha256);
  try {
    await fs.access(file);
  } catch {
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
  }
  return sha256;
}

export function storedPath(dataDir: string, folder: 'evidence' | 'public', sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad stored file name');
  return path.join(dataDir, folder, sha256);
}
