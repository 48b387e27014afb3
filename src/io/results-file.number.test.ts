// The results writers write numbers digit by digit; they must read exactly as String(x) (and
// JSON.stringify) would write them, or the files would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, formatPoints } from './results-file.ts';

function written(write: (out: ByteWriter) => void): string {
  const out = new ByteWriter();
  write(out);
  return Buffer.from(out.take()).toString('latin1');
}

describe('ByteWriter numbers', () => {
  it('writes every double as String does', () => {
    const typed = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }))
      .map(([n, k]) => n / 10 ** k);
    fc.assert(
      fc.property(fc.oneof(typed, fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => {
        expect(written((o) => o.number(x))).toBe(String(x));
      }),
      { numRuns: 2000 },
    );
    for (const x of [0, -0, 1e-6, 1e-7, 0.1 + 0.2, 999999999.999999, 1e9, 1e15, 1e21, -2.5, 1 / 3])
      expect(written((o) => o.number(x))).toBe(String(x));
  });

  it('writes points as formatPoints does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (n, p) => {
        const x = n / 10 ** p;
        expect(written((o) => o.scaled(n, p, 10 ** p))).toBe(formatPoints(x, p));
      }),
      { numRuns: 2000 },
    );
    for (const n of [0, 7, -7, 123456789]) expect(written((o) => o.integer(n))).toBe(String(n));
  });
});
