import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--data', dir], {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    env: {},
  });
  return { code, out, err };
}

it('init refuses without units, then creates the first admin and prints the secret alone last', async () => {
  const empty = await run('init', '--admin', 'chief');
  expect(empty.code).toBe(1);
  expect(empty.err.join('\n')).toMatch(/units import/);
  expect((await run('units', 'import', '--division', '371323')).code).toBe(0);
  const init = await run('init', '--admin', 'chief');
  expect(init.code).toBe(0);
  expect(init.out.at(-1)).toMatch(/^[A-Za-z0-9]{16}$/);
  expect((await run('init', '--admin', 'second')).code).toBe(1);
});

it('adds a user and makes a token, each secret alone on the last line; bad usage exits 2', async () => {
  const add = await run(
    'user',
    'add',
    '--username',
    'hsp',
    '--unit',
    '371323104',
    '--roles',
    'reporter',
  );
  expect(add.code).toBe(0);
  expect(add.out.at(-1)).toMatch(/^[A-Za-z0-9]{16}$/);
  expect(
    (await run('user', 'add', '--username', 'x', '--unit', '371323104', '--roles', 'boss')).code,
  ).toBe(2);
  expect(
    (await run('user', 'add', '--username', 'y', '--unit', 'nowhere', '--roles', 'viewer')).code,
  ).toBe(1);
  const token = await run('token', 'create', '--user', 'hsp');
  expect(token.code).toBe(0);
  expect(token.out.at(-1)).toMatch(/^lt_[A-Za-z0-9_-]{43}$/);
  expect((await run('token', 'create')).code).toBe(2);
});

it('audit verify passes, then names the event edited behind its back and exits 1', async () => {
  const ok = await run('audit', 'verify');
  expect(ok.code).toBe(0);
  expect(ok.out.join('\n')).toMatch(/intact: 4/);
  const db = new Database(path.join(dir, 'leitai.sqlite'));
  db.prepare("update audit_events set actor_name = 'nobody' where id = 2").run();
  db.close();
  const broken = await run('audit', 'verify');
  expect(broken.code).toBe(1);
  expect(broken.err.join('\n')).toMatch(/#2/);
});

it('init --separation makes the admin, security admin and auditor and keeps separation on', async () => {
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'leitai-cli-sep-'));
  try {
    const io = { out: (_l: string) => {}, err: (_l: string) => {}, env: {} };
    const out: string[] = [];
    expect(
      await main(['units', 'import', '--division', '371323', '--data', other], { ...io }),
    ).toBe(0);
    const code = await main(['init', '--admin', 'chief', '--separation', '--data', other], {
      ...io,
      out: (l) => out.push(...l.split('\n')),
    });
    expect(code).toBe(0);
    const lines = out.filter((l) => l.includes('\t'));
    expect(lines.map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['admin,organizer', 'chief'],
      ['secadmin', 'secadmin'],
      ['auditor', 'auditor'],
    ]);
    const db = new Database(path.join(other, 'leitai.sqlite'), { readonly: true });
    const row = db.prepare('select separation_of_duties from security_settings').get() as {
      separation_of_duties: number;
    };
    db.close();
    expect(row.separation_of_duties).toBe(1);
  } finally {
    fs.rmSync(other, { recursive: true, force: true });
  }
});
