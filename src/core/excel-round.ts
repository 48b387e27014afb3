// Excel's ROUND, exactly: half away from zero, decided on the number's 15-significant-digit
// decimal form (the form Excel displays and stores), so 1.015 → 1.02 although the binary double
// nearest to 1.015 lies just below it. DESIGN §3.

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 10^digits for digits 0..22, exact in binary floating point. */
export function pow10(digits: number): number {
  const p = POW10[digits];
  if (p === undefined) throw new RangeError(`digits out of range: ${digits}`);
  return p;
}

/**
 * Rounds x to `digits` decimals (0..15) the way Excel's ROUND does and returns the result
 * scaled by 10^digits: an integer n with ROUND(x, digits) = n / 10^digits. Scores live in this
 * integer form inside the engine so that sums and comparisons are exact.
 */
export function excelRoundScaled(x: number, digits: number): number {
  return roundScaled(x, pow10(digits), digits);
}

/**
 * {@link excelRoundScaled} with 10^digits given: the engine's hot loops call it per unit and
 * indicator. NaN and ±Infinity come back unchanged (the comparisons below all fail for NaN, and
 * the exact path passes non-finite values through).
 */
export function roundScaled(x: number, scale: number, digits: number): number {
  const y = x * scale;
  const a = y < 0 ? -y : y;
  // Fast path: far from a .5 boundary the 15-digit form and the double round the same way.
  // The 15-digit form moves x by at most 5e-15 relative, so a margin of 1e-13·a (plus 1e-9 for
  // the multiplication) leaves room to spare; only near-halves take the exact decimal path.
  if (a < 1e15) {
    const n = Math.floor(a);
    const d = a - n - 0.5;
    const margin = a * 1e-13 + 1e-9;
    if (d > margin || d < -margin) {
      const r = d > 0 ? n + 1 : n;
      return y < 0 && r !== 0 ? -r : r;
    }
  }
  return exactScaled(x, digits);
}

/** ROUND(x, digits) as Excel computes it: half away from zero on the 15-significant-digit form. */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  return excelRoundScaled(x, digits) / pow10(digits);
}

/**
 * The exact decimal path of {@link excelRoundScaled}: rounds the digits of x.toPrecision(15)
 * at the wanted decimal, half away from zero. Exported for tests that compare both paths.
 */
export function exactScaled(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const negative = x < 0;
  const text = (negative ? -x : x).toPrecision(15);
  const e = text.indexOf('e');
  const mantissa = e === -1 ? text : text.slice(0, e);
  const exponent = e === -1 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const whole = dot === -1 ? mantissa : mantissa.slice(0, dot);
  const fraction = dot === -1 ? '' : mantissa.slice(dot + 1);
  const all = whole + fraction;
  // How many leading digits of `all` lie before the wanted decimal place.
  const keep = whole.length + exponent + digits;
  let n: number;
  if (keep < 0) {
    n = 0;
  } else if (keep >= all.length) {
    n = Number(all + '0'.repeat(keep - all.length));
  } else {
    const head = keep === 0 ? 0 : Number(all.slice(0, keep));
    // Half away from zero: the first dropped digit alone decides (5 rounds up in magnitude).
    n = all.charCodeAt(keep) >= 53 /* '5' */ ? head + 1 : head;
  }
  return negative && n !== 0 ? -n : n;
}
