// A guard in front of every ZIP-based upload (.xlsx): reads the end-of-central-directory record
// and the central directory itself, refuses what is truncated, not a ZIP, too many entries or too
// large once inflated (a zip bomb), and inflates each entry under a hard output cap so that sizes
// which lie in the directory are caught too. No package: the ZIP format (APPNOTE 6.3) is small.
// yauzl was weighed (issue 17) and not taken: it checks the same things (entry count, sizes
// against the directory) but only through callbacks and a read stream per entry, so this
// synchronous check of a buffer already in memory would turn asynchronous and no faster, it
// would not tell a legacy .xls or an encrypted file apart in Chinese, and it is one more
// production dependency; readZipEntry would still be needed beside it.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most entries a file may hold. */
  maxEntries: number;
  /** Most bytes all entries may inflate to, together. */
  maxUncompressedBytes: number;
}

/** An .xlsx holds a few dozen parts; a real 10,000-row sheet inflates to a few megabytes. */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipProblemCode =
  | 'NOT_ZIP'
  | 'LEGACY_XLS'
  | 'TRUNCATED'
  | 'TOO_MANY_ENTRIES'
  | 'ZIP_BOMB'
  | 'UNSUPPORTED_ZIP'
  | 'CORRUPT_ZIP';

export type ZipCheck =
  | { ok: true; entries: ZipEntry[]; uncompressedBytes: number }
  | { ok: false; code: ZipProblemCode; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

function fail(code: ZipProblemCode, message: string): ZipCheck {
  return { ok: false, code, message };
}

const truncated = () => fail('TRUNCATED', '文件不完整，可能在下载或复制时被截断，请重新保存后上传');

/** Finds the end-of-central-directory record: the last signature within the final 64 KiB + 22 bytes. */
function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/**
 * Reads the ZIP's directory and checks it against the limits, then inflates every entry with a
 * cap at its declared size (never more than the limits allow), so that neither a lying directory
 * nor a corrupt stream gets past. Never throws on bad input.
 */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const startsWith = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) {
    return fail(
      'LEGACY_XLS',
      '这是旧版 .xls（或加密的）文件，请在 Excel 或 WPS 中另存为 .xlsx 后上传',
    );
  }
  const isZip = bytes.length >= 4 && startsWith(0x50, 0x4b, 0x03, 0x04);
  if (!isZip && !(bytes.length >= 4 && startsWith(0x50, 0x4b, 0x05, 0x06))) {
    return fail(
      'NOT_ZIP',
      '不是有效的 .xlsx 文件（内容不是 Excel 工作簿），请用 Excel 或 WPS 另存为 .xlsx',
    );
  }
  if (bytes.length < 22) return truncated();
  const eocd = findEocd(view);
  if (eocd < 0) return truncated();
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    return fail('UNSUPPORTED_ZIP', '不支持 ZIP64 格式的文件');
  }
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    return fail('UNSUPPORTED_ZIP', '不支持分卷压缩文件');
  }
  if (count > limits.maxEntries) {
    return fail(
      'TOO_MANY_ENTRIES',
      `文件包含 ${count} 个部件，超过上限 ${limits.maxEntries}，已拒绝`,
    );
  }
  if (start + size > eocd) return truncated();

  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = start;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) return truncated();
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > eocd) return truncated();
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) {
      return fail('UNSUPPORTED_ZIP', '文件已加密，请取消密码后另存再上传');
    }
    if (method !== 0 && method !== 8) {
      return fail('UNSUPPORTED_ZIP', `不支持的压缩方式 ${method}`);
    }
    declared += uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      return fail(
        'ZIP_BOMB',
        `文件解压后超过 ${Math.round(limits.maxUncompressedBytes / MB)} MB，已拒绝（疑似压缩炸弹）`,
      );
    }
    entries.push({ name, method, compressedSize, uncompressedSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  for (const entry of entries) {
    const data = entryData(bytes, view, entry);
    if (data === undefined) return truncated();
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return corrupt(entry.name);
      continue;
    }
    try {
      // Inflating past the declared size throws: a directory that understates is a bomb too.
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      if (out.length !== entry.uncompressedSize) return corrupt(entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return fail(
          'ZIP_BOMB',
          `文件中「${entry.name}」解压后大于其声明的大小，已拒绝（疑似压缩炸弹）`,
        );
      }
      return corrupt(entry.name);
    }
  }
  return { ok: true, entries, uncompressedBytes: declared };
}

function corrupt(name: string): ZipCheck {
  return fail('CORRUPT_ZIP', `文件已损坏（部件「${name}」无法解压），请重新保存后上传`);
}

/** The compressed bytes of an entry, or undefined when they lie outside the file. */
function entryData(bytes: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const begin = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = begin + entry.compressedSize;
  return end > bytes.length ? undefined : bytes.subarray(begin, end);
}

/** The inflated bytes of one entry of a ZIP that passed {@link inspectZip}; undefined if absent. */
export function readZipEntry(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
): Buffer | undefined {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = entryData(bytes, view, entry);
  if (!data) return undefined;
  if (entry.method === 0) return Buffer.from(data);
  return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
}
