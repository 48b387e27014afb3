/**
 * A plain POSIX tar (ustar) archive, written and read entry by entry with bounded memory, so a
 * backup is one file any `tar -tf` lists. Only regular files; names up to 100 bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const BLOCK = 512;
const CHUNK = 1024 * 1024;
const MAX_SIZE = 8 ** 11 - 1; // 11 octal digits

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar: name too long: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar: entry too large: ${name}`);
  nameBytes.copy(h, 0);
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write(
    `${Math.floor(mtime / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'latin1',
  );
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** Writes a tar archive to a file, one entry after another. */
export class TarWriter {
  private fd: number;
  private closed = false;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx');
  }

  private pad(size: number): void {
    const rest = size % BLOCK;
    if (rest) fs.writeSync(this.fd, Buffer.alloc(BLOCK - rest));
  }

  addBuffer(name: string, bytes: Uint8Array, mtime = Date.now()): void {
    fs.writeSync(this.fd, header(name, bytes.length, mtime));
    fs.writeSync(this.fd, bytes);
    this.pad(bytes.length);
  }

  /** Copies a file into the archive; returns its SHA-256 and size as copied. */
  addFile(name: string, file: string): { sha256: string; size: number } {
    const input = fs.openSync(file, 'r');
    try {
      const { size, mtimeMs } = fs.fstatSync(input);
      fs.writeSync(this.fd, header(name, size, mtimeMs));
      const hash = createHash('sha256');
      const buf = Buffer.alloc(CHUNK);
      let left = size;
      while (left > 0) {
        const n = fs.readSync(input, buf, 0, Math.min(CHUNK, left), null);
        if (n === 0) throw new Error(`tar: ${file} shrank while being archived`);
        hash.update(buf.subarray(0, n));
        fs.writeSync(this.fd, buf, 0, n);
        left -= n;
      }
      this.pad(size);
      return { sha256: hash.digest('hex'), size };
    } finally {
      fs.closeSync(input);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.writeSync(this.fd, Buffer.alloc(BLOCK * 2));
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }

  /** Closes without the end marker (on failure; the caller removes the file). */
  abort(): void {
    if (!this.closed) fs.closeSync(this.fd);
    this.closed = true;
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the archive. */
  offset: number;
}

/** Thrown for a file that is not a (complete) tar archive. */
export class TarError extends Error {}

/** Lists a tar archive's regular files. */
export function listTar(file: string): TarEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const entries: TarEntry[] = [];
    const h = Buffer.alloc(BLOCK);
    let pos = 0;
    for (;;) {
      if (pos + BLOCK > total) throw new TarError('归档文件不完整');
      fs.readSync(fd, h, 0, BLOCK, pos);
      if (h.every((b) => b === 0)) return entries;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
      const recorded = Number.parseInt(h.toString('latin1', 148, 156).replace(/\0.*$/, ''), 8);
      if (sum !== recorded) throw new TarError('不是有效的备份归档');
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(h.toString('latin1', 124, 136).replace(/\0.*$/, '').trim(), 8);
      const type = h.toString('latin1', 156, 157);
      const offset = pos + BLOCK;
      if (offset + size > total) throw new TarError('归档文件不完整');
      if (type === '0' || type === '\0') entries.push({ name, size, offset });
      pos = offset + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** An entry's bytes (for small entries such as the manifest). */
export function readTarEntry(file: string, entry: TarEntry): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(entry.size);
    fs.readSync(fd, buf, 0, entry.size, entry.offset);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies an entry to a new file; returns the SHA-256 of what was written. */
export function extractTarEntry(file: string, entry: TarEntry, dest: string): string {
  const fd = fs.openSync(file, 'r');
  const out = fs.openSync(dest, 'wx');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    let done = 0;
    while (done < entry.size) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
      hash.update(buf.subarray(0, n));
      fs.writeSync(out, buf, 0, n);
      done += n;
    }
    fs.fsyncSync(out);
    return hash.digest('hex');
  } finally {
    fs.closeSync(out);
    fs.closeSync(fd);
  }
}
