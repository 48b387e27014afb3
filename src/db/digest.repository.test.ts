/**
 * The digest's serialisation must not change: every publication's audit event holds a digest
 * that `leitai audit verify` re-computes. The loop-based canonicalJson is checked against the
 * original map/filter/join definition on nested and awkward values.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './digest.repository.ts';

function original(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(original).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const obj = value as Record<string, unknown>;
    return `{${keys
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${original(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('canonicalJson', () => {
  it('serialises as the original definition did', () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -0,
      1.5e-7,
      123456789.125,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      '引号"\\\n\t村',
      true,
      [],
      {},
      [undefined, null, 1, 'a', [2, [3]]],
      { b: 1, a: { d: [1, { z: null, y: undefined }], c: '红旗' }, '': 0, 10: 'x', 9: 'y' },
      [{ unit: 3, detail: { indicators: [{ code: 'I1', score: 4.25, rank: 1 }] }, flag: null }],
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(original(v));
  });
});
