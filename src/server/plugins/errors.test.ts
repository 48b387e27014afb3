import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors.ts';
import { statusOf } from './errors.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

it('gives every code an HTTP error status', () => {
  for (const code of Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]) {
    expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
    expect(statusOf(code), code).toBeLessThan(600);
  }
});

it('throws only codes of the table', () => {
  // tsc holds DomainError to ErrorCode; this catches a code smuggled in through a cast.
  const src = path.resolve(import.meta.dirname, '../..');
  const thrown = new Set<string>();
  for (const file of sources(src)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([A-Z_]+)'/g)) {
      thrown.add(m[1]!);
    }
  }
  expect(thrown.size).toBeGreaterThan(10);
  expect([...thrown].filter((code) => !Object.hasOwn(ERROR_CODES, code))).toEqual([]);
});
