import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { errorCodesZhCN } from './error-codes.ts';
import { errorCodesEn } from './error-codes-en.ts';
import { zhCN } from './zh-CN.ts';

function flatten(messages: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

// The brand carries its romanisation by design; nothing else in Chinese may hold Latin text.
const ALLOWED_LATIN = ['Leitai'];

describe('messages', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('have the same keys in every language', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('leak no English into the Chinese UI', () => {
    const leaks = [...zh].filter(([, text]) => {
      const rest = ALLOWED_LATIN.reduce((s, word) => s.replaceAll(word, ''), text);
      return /[A-Za-z]/.test(rest.replace(/\{\{\w+\}\}/g, ''));
    });
    expect(leaks).toEqual([]);
  });

  it('use the same placeholders in every language', () => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort().join();
    for (const [key, text] of zh) {
      expect(placeholders(english.get(key) ?? ''), key).toBe(placeholders(text));
    }
  });

  it('hold every key the pages ask for', () => {
    // Literal keys only: t('rounds.grid.save'); built keys (t(`roles.${role}`)) are typed.
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(full);
      }
    };
    walk(root);
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = match[1] ?? '';
        if (!zh.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('word the server’s codes in Chinese only with Chinese, and in English every one', () => {
    const latin = Object.entries(errorCodesZhCN).filter(([, text]) => /[A-Za-z]/.test(text ?? ''));
    expect(latin).toEqual([]);
    // Chinese shows the server's own message; its sentences stand in when there is none, so
    // they name no values. English words every code (and its cases) with the error's params.
    const named = Object.entries(errorCodesZhCN).filter(([, text]) => text.includes('{{'));
    expect(named).toEqual([]);
    expect(Object.keys(errorCodesEn).sort()).toEqual(Object.keys(errorCodesZhCN).sort());
    // The codes sit beside the app's own error keys and must not shadow one.
    for (const code of Object.keys(errorCodesEn))
      expect(zh.has(`errors.${code}`), code).toBe(false);
  });

  it('say nothing of 20 MB, KB or PDF in Chinese', () => {
    // Sizes read 兆; file kinds in words (the Latin test above catches these too).
    expect([...zh.values()].filter((text) => /\b(MB|KB|PDF|Office)\b/.test(text))).toEqual([]);
  });
});
