import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactScaled, excelRound, excelRoundScaled } from './excel-round.ts';

describe('excelRound: half away from zero on the 15-significant-digit form (DESIGN §3)', () => {
  // x, digits → what Excel's =ROUND(x, digits) shows.
  const cases: [number, number, number][] = [
    [1.015, 2, 1.02], // the double is 1.01499999999999990…; Excel sees 1.015
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.025, 2, 1.03],
    [8.345, 2, 8.35],
    [0.285, 2, 0.29],
    [1.4999999999999, 0, 1], // 14 significant digits: really below the half
    [3.15, 1, 3.2],
    [0.25, 1, 0.3],
    [0.35, 1, 0.4],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3], // not banker's rounding
    [-0.5, 0, -1],
    [-2.5, 0, -3],
    [-1.015, 2, -1.02],
    [-0.25, 1, -0.3],
    [0.1 + 0.2, 2, 0.3],
    [0.30000000000000004, 15, 0.3],
    [0, 2, 0],
    [-0.004, 2, 0], // no negative zero
    [0.004999, 2, 0],
    [0.005, 2, 0.01],
    [123456789.125, 2, 123456789.13],
    [1e-7, 2, 0],
    [5e-7, 6, 0.000001],
    [99.995, 2, 100],
    [7 * 0.45, 1, 3.2],
    [(7 * 45) / 100, 1, 3.2],
    [(10 * 1) / 3, 2, 3.33],
    [(10 * 2) / 3, 2, 6.67],
    [1234.5, 0, 1235],
    [1e16 + 2, 2, 1e16], // Excel keeps 15 significant digits
  ];
  it.each(cases)('ROUND(%s, %s) = %s', (x, digits, expected) => {
    expect(excelRound(x, digits)).toBe(expected);
    expect(Object.is(excelRound(x, digits), -0)).toBe(false);
  });

  it('returns the scaled integer the engine sums', () => {
    expect(excelRoundScaled(1.015, 2)).toBe(102);
    expect(excelRoundScaled(-1.5, 1)).toBe(-15);
    expect(excelRoundScaled(Number.NaN, 2)).toBeNaN();
  });

  it('takes the fast path only where it agrees with the exact decimal path', () => {
    const decimals = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, k]) => Number(`${n}e-${k}`));
    fc.assert(
      fc.property(
        fc.oneof(decimals, fc.double({ min: -1e9, max: 1e9, noNaN: true })),
        fc.integer({ min: 0, max: 6 }),
        (x, digits) => excelRoundScaled(x, digits) === exactScaled(x, digits),
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the exact path on every value a sheet can type with 3 decimals', () => {
    for (let n = -20_000; n <= 20_000; n++) {
      const x = n / 1000;
      for (const digits of [0, 1, 2]) {
        if (excelRoundScaled(x, digits) !== exactScaled(x, digits)) {
          throw new Error(`mismatch at ${x}, ${digits}`);
        }
      }
    }
  });
});
