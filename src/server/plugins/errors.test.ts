import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

it('maps every error code thrown in src to an HTTP status', () => {
  const src = path.resolve(import.meta.dirname, '../..');
  const thrown = new Set<string>();
  for (const file of sources(src)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([A-Z_]+)'/g)) {
      thrown.add(m[1]!);
    }
  }
  expect(thrown.size).toBeGreaterThan(10);
  expect([...thrown].filter((code) => !ERROR_CODES.includes(code))).toEqual([]);
});
