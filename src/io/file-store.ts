/**
 * Stored files on disk: evidence (佐证材料) under <data>/evidence/, public images under <data>/public/,
 * each named by its SHA-256, so the same
 * file uploaded twice is stored once and a stored file cannot be swapped without notice.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
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

export type StoredFolder = 'evidence' | 'public';

/**
 * Where stored files live, by folder and SHA-256 of their plain content. The bytes handed in and
 * out are as stored (encrypted when LEITAI_FILE_KEY is set); `storeFile` and `readStoredFile`
 * encrypt and decrypt. Three kinds: the data folder on disk (one server, the default), the
 * database (`db-file-store.ts`, LEITAI_FILE_STORE=postgres) and an S3-compatible bucket
 * (`s3-file-store.ts`, LEITAI_FILE_STORE=s3) — the latter two shared by every app server.
 */
export interface FileStore {
  readonly kind: 'disk' | 'postgres' | 's3';
  has(folder: StoredFolder, sha256: string): Promise<boolean>;
  put(folder: StoredFolder, sha256: string, stored: Uint8Array): Promise<void>;
  /** The stored bytes; throws FileMissingError when there is no such file. */
  get(folder: StoredFolder, sha256: string): Promise<Buffer>;
}

/** A file the store does not hold. */
export class FileMissingError extends Error {}

/** A data folder, or a store: call sites that know only the data folder keep working. */
export type FileStoreTarget = string | FileStore;

export function checkSha256(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad stored file name');
  return sha256;
}

/** Files under <data>/<folder>/<sha256>, written to a temporary name and renamed. */
export function diskFileStore(dataDir: string): FileStore {
  return {
    kind: 'disk',
    async has(folder, sha256) {
      try {
        await fs.access(storedPath(dataDir, folder, sha256));
        return true;
      } catch {
        return false;
      }
    },
    async put(folder, sha256, stored) {
      const file = storedPath(dataDir, folder, sha256);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temp, stored);
      await fs.rename(temp, file);
    },
    async get(folder, sha256) {
      try {
        return await fs.readFile(storedPath(dataDir, folder, sha256));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') {
          throw new FileMissingError(`stored file ${folder}/${sha256} is missing`);
        }
        throw error;
      }
    },
  };
}

const storeOf = (target: FileStoreTarget): FileStore =>
  typeof target === 'string' ? diskFileStore(target) : target;

/**
 * Stores a file once under its SHA-256; returns the hash (of the file itself, so the name is the
 * same encrypted or not). With an SM4 key (LEITAI_FILE_KEY) it is written encrypted; files
 * already stored stay as they are.
 */
export async function storeFile(
  target: FileStoreTarget,
  folder: StoredFolder,
  bytes: Uint8Array,
  fileKey?: string | undefined,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const store = storeOf(target);
  if (!(await store.has(folder, sha256))) {
    await store.put(folder, sha256, fileKey ? encryptFile(bytes, fileKey) : bytes);
  }
  return sha256;
}

export function storedPath(dataDir: string, folder: StoredFolder, sha256: string): string {
  return path.join(dataDir, folder, checkSha256(sha256));
}

/** A stored file's bytes, decrypted when it was stored encrypted; plain files read as they are. */
export async function readStoredFile(
  target: FileStoreTarget,
  folder: StoredFolder,
  sha256: string,
  fileKey?: string | undefined,
): Promise<Buffer> {
  return decryptFile(await storeOf(target).get(folder, checkSha256(sha256)), fileKey);
}

// Encryption at rest (国密 SM4). Node's OpenSSL here has no sm4-gcm, so SM4-CBC with an
// HMAC-SM3 over header and ciphertext (encrypt-then-MAC). Layout:
//   "LTENC1\0\0" (8) | algorithm 1 (1) | key fingerprint (8) | IV (16) | ciphertext | HMAC (32)
const MAGIC = Buffer.from('LTENC1\0\0', 'latin1');
const ALG_SM4_CBC_HMAC_SM3 = 1;
const HEADER = MAGIC.length + 1 + 8 + 16;
const TAG = 32;

/** Thrown when an encrypted file cannot be read with the configured key. */
export class FileKeyError extends Error {}

function fileKeys(fileKey: string) {
  const master = Buffer.from(fileKey, 'hex');
  if (master.length !== 16) throw new FileKeyError('LEITAI_FILE_KEY 必须是 32 位十六进制数');
  const derive = (label: string) => createHmac('sm3', master).update(label).digest();
  return {
    enc: derive('leitai-file-enc').subarray(0, 16),
    mac: derive('leitai-file-mac'),
    id: derive('leitai-file-id').subarray(0, 8),
  };
}

/** True when the stored bytes are an encrypted file. */
export function isEncrypted(stored: Uint8Array): boolean {
  return (
    stored.length >= HEADER + TAG && MAGIC.equals(Buffer.from(stored.subarray(0, MAGIC.length)))
  );
}

/** Encrypts a file's bytes with SM4 under the key (32 hex digits). */
export function encryptFile(bytes: Uint8Array, fileKey: string): Buffer {
  const keys = fileKeys(fileKey);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const header = Buffer.concat([MAGIC, Buffer.from([ALG_SM4_CBC_HMAC_SM3]), keys.id, iv]);
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  const tag = createHmac('sm3', keys.mac).update(header).update(body).digest();
  return Buffer.concat([header, body, tag]);
}

/** The plain bytes of stored bytes: decrypted if encrypted (checking key and integrity). */
export function decryptFile(stored: Buffer, fileKey: string | undefined): Buffer {
  if (!isEncrypted(stored)) return stored;
  if (!fileKey) {
    throw new FileKeyError('文件已加密，需要配置 LEITAI_FILE_KEY');
  }
  const keys = fileKeys(fileKey);
  const alg = stored[MAGIC.length];
  if (alg !== ALG_SM4_CBC_HMAC_SM3) {
    throw new FileKeyError(`未知的文件加密算法：${alg}`);
  }
  const id = stored.subarray(MAGIC.length + 1, MAGIC.length + 9);
  if (!timingSafeEqual(id, keys.id)) {
    throw new FileKeyError('密钥不正确：文件是用另一把 LEITAI_FILE_KEY 加密的');
  }
  const header = stored.subarray(0, HEADER);
  const body = stored.subarray(HEADER, stored.length - TAG);
  const tag = stored.subarray(stored.length - TAG);
  const expected = createHmac('sm3', keys.mac).update(header).update(body).digest();
  if (!timingSafeEqual(tag, expected)) {
    throw new FileKeyError('加密文件被改动或已损坏');
  }
  const iv = stored.subarray(MAGIC.length + 9, HEADER);
  const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
