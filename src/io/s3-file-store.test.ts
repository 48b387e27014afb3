// The S3 store against a local stand-in for S3 (no network, no real bucket): what it sends —
// path-style keys under the prefix, signed requests — and that a file goes in and comes back,
// encrypted at rest when a key is set, and a missing one is named missing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FileMissingError, readStoredFile, storeFile } from './file-store.ts';
import { s3FileStore } from './s3-file-store.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const objects = new Map<string, Buffer>();
const seen: { method: string; url: string; auth: string; contentSha: string }[] = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = (req.url ?? '').split('?')[0]!;
      seen.push({
        method: req.method ?? '',
        url,
        auth: String(req.headers.authorization ?? ''),
        contentSha: String(req.headers['x-amz-content-sha256'] ?? ''),
      });
      const body = objects.get(url);
      if (req.method === 'PUT') {
        objects.set(url, Buffer.concat(chunks));
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (!body) {
        res
          .writeHead(404, { 'content-type': 'application/xml' })
          .end(
            req.method === 'HEAD'
              ? undefined
              : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>',
          );
      } else if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-length': body.length }).end();
      } else {
        res.writeHead(200, { 'content-length': body.length }).end(body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const store = () =>
  s3FileStore({
    bucket: 'leitai-files',
    region: 'cn-north-1',
    prefix: 'county/',
    endpoint,
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'secret-example',
  });

it('stores by path-style key under the prefix, signed, once, and reads back decrypted', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% evidence in a bucket\n');
  const sha = await storeFile(store(), 'evidence', pdf, KEY);
  const key = `/leitai-files/county/evidence/${sha}`;
  expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([`HEAD ${key}`, `PUT ${key}`]);
  for (const s of seen) {
    expect(s.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\//);
    expect(s.contentSha).not.toBe('');
  }
  // Encrypted at rest: the bucket never holds the plain bytes.
  expect(objects.get(key)!.includes(pdf)).toBe(false);
  expect(await readStoredFile(store(), 'evidence', sha, KEY)).toEqual(pdf);
  // Stored once: the same file again is only looked up.
  seen.length = 0;
  await storeFile(store(), 'evidence', pdf, KEY);
  expect(seen.map((s) => s.method)).toEqual(['HEAD']);
});

it('a file the bucket does not hold is missing, not a crash; a bad name never leaves', async () => {
  await expect(readStoredFile(store(), 'public', 'a'.repeat(64))).rejects.toBeInstanceOf(
    FileMissingError,
  );
  seen.length = 0;
  await expect(readStoredFile(store(), 'public', '../../etc/passwd')).rejects.toThrow(
    /bad stored file name/,
  );
  expect(seen).toHaveLength(0);
});
