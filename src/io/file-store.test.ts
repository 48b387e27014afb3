import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  decryptFile,
  encryptFile,
  FileKeyError,
  isEncrypted,
  readStoredFile,
  storedPath,
  storeFile,
} from './file-store.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PDF = Buffer.from('%PDF-1.4\n% 佐证材料 evidence\n'.repeat(50));

it('encrypts with SM4 at rest and reads back the same bytes, under the plain SHA-256 name', async () => {
  const sha = await storeFile(dir, 'evidence', PDF, KEY);
  const onDisk = fs.readFileSync(storedPath(dir, 'evidence', sha));
  expect(isEncrypted(onDisk)).toBe(true);
  expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
  expect(await readStoredFile(dir, 'evidence', sha, KEY)).toEqual(PDF);
  // Each encryption has its own IV; any length round-trips (CBC padding).
  for (const n of [0, 1, 15, 16, 17, 1000]) {
    const bytes = Buffer.alloc(n, 7);
    const a = encryptFile(bytes, KEY);
    expect(a.equals(encryptFile(bytes, KEY))).toBe(false);
    expect(decryptFile(a, KEY)).toEqual(bytes);
  }
});

it('files stored before the key was set are still read, plain', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const sha = await storeFile(dir, 'public', png);
  expect(await readStoredFile(dir, 'public', sha, KEY)).toEqual(png);
  expect(await readStoredFile(dir, 'public', sha)).toEqual(png);
});

it('a wrong key, a missing key and an altered file each fail with a clear message', async () => {
  const sha = await storeFile(dir, 'evidence', Buffer.from('%PDF-1.4 other'), KEY);
  await expect(readStoredFile(dir, 'evidence', sha, OTHER)).rejects.toThrow(
    /密钥不正确.*另一把 LEITAI_FILE_KEY/,
  );
  await expect(readStoredFile(dir, 'evidence', sha)).rejects.toThrow(/LEITAI_FILE_KEY/);
  const file = storedPath(dir, 'evidence', sha);
  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 1;
  expect(() => decryptFile(bytes, KEY)).toThrow(FileKeyError);
  expect(() => decryptFile(bytes, KEY)).toThrow(/被改动/);
  expect(() => encryptFile(PDF, 'short')).toThrow(/32/);
});
