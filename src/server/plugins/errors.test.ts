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

it('words its messages in Chinese only: the web words codes and params in English', () => {
  // Every Chinese string of the server's code (messages of DomainError, of problems, of zod
  // refinements) is checked for a run of English words, the old "中文 english" glue. Names and
  // values stay: upper-case codes (CSV, XLSX, TOTP, MB, LEITAI_AUDIT_KEY), file kinds and paths
  // (.xlsx, multipart/form-data), quoted names (「better: lower」) and commands in backticks.
  // OpenAPI summaries and descriptions are documentation and stay bilingual.
  const src = path.resolve(import.meta.dirname, '../..');
  const skipped = /[/\\](demo[^/\\]*|bulletin-docx|series-bulletin-docx|audit-file)\.ts$/;
  const glued: string[] = [];
  for (const dir of ['core', 'app', 'io', 'server']) {
    for (const file of sources(path.join(src, dir))) {
      if (skipped.test(file)) continue;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        if (/\b(summary|description):/.test(line)) return;
        if (/\b(summary|description):\s*$/.test(lines[i - 1] ?? '')) return;
        for (const [literal] of line.matchAll(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g)) {
          if (!/\p{Script=Han}/u.test(literal)) continue;
          const words = literal
            .slice(1, -1)
            .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, ' ')
            .replace(/`[^`]*`/g, ' ')
            .replace(/「[^」\p{Script=Han}]*」/gu, ' ')
            .replace(/[\w./-]*[\d_./-][\w./-]*/g, ' ')
            .replace(/\b[A-Z]{2,}\b/g, ' ');
          if (/[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/.test(words)) {
            glued.push(`${path.relative(src, file)}:${i + 1}: ${literal}`);
          }
        }
      });
    }
  }
  expect(glued).toEqual([]);
});
