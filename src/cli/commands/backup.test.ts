/** `leitai backup`, `restore` and `audit verify --expect` on SQLite data folders: output and exit codes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../main.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-cli-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(data: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--data', path.join(dir, data)], {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    env: {},
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('backs up, restores into an empty folder only, and the restored head matches the anchor', async () => {
  expect((await run('a', 'units', 'import', '--division', '371323')).code).toBe(0);
  const verified = await run('a', 'audit', 'verify');
  expect(verified.code).toBe(0);
  const head = verified.out.match(/head ([0-9a-f]{64}) \((\d+)\)/);
  expect(head).not.toBeNull();
  const anchor = head?.[1] ?? '';

  const archive = path.join(dir, 'backup.tar');
  expect((await run('a', 'backup')).code).toBe(2);
  const backup = await run('a', 'backup', '--out', archive);
  expect(backup.code).toBe(0);
  expect(backup.out).toContain(anchor);
  expect((await run('a', 'backup', '--out', archive)).code).toBe(1); // never overwritten

  const restored = await run('b', 'restore', '--from', archive);
  expect(restored.code).toBe(0);
  expect(restored.out).toMatch(/audit chain intact/);
  expect((await run('b', 'audit', 'verify', '--expect', anchor)).code).toBe(0);
  const wrong = await run('b', 'audit', 'verify', '--expect', 'ab'.repeat(32));
  expect(wrong.code).toBe(1);
  expect(wrong.err).toContain('ab'.repeat(32));
  expect(wrong.err).toContain(anchor);
  expect((await run('b', 'audit', 'verify', '--expect', 'nothex')).code).toBe(2);

  const again = await run('b', 'restore', '--from', archive);
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/不是空的/);
  expect((await run('c', 'restore', '--from', path.join(dir, 'missing.tar'))).code).toBe(1);
});
