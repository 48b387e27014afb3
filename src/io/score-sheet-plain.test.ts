import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import type { Sheet } from '../core/sheet.ts';
import { readScoreSheet } from './score-sheet.ts';
import { readPlainCsv } from './score-sheet-plain.ts';

const parsed = parseRubric(`title: t
indicators:
  - { code: A1, name: 人工, points: 10, method: manual }
  - { code: A2, name: 收入, points: 10, method: relative }
  - { code: A3, name: 满意度, points: 10, method: range }
  - { code: B1, name: 扣分, kind: deduction, per: 1 }
  - { code: V1, name: 否决, kind: veto }
`);
if (!parsed.ok) throw new Error('rubric');
const rubric: Rubric = parsed.rubric;

/** The general reader's Sheet: a quoted header cell keeps the fast road out of it. */
async function general(csv: string) {
  const read = await readScoreSheet(
    Buffer.from(`"${csv}`.replace(',', '",')),
    { format: 'csv' },
    rubric,
  );
  return read;
}

function same(a: Sheet, b: Sheet): void {
  expect(a.codes).toEqual(b.codes);
  expect(a.names).toEqual(b.names);
  expect(a.groups).toEqual(b.groups);
  expect([...a.values.keys()]).toEqual([...b.values.keys()]);
  for (const [code, column] of a.values) {
    const other = b.values.get(code)!;
    expect(
      Array.from(column, (x, i) => Object.is(x, other[i]!) || `${code}[${i}] ${x} vs ${other[i]}`),
    ).toEqual(Array.from(column, () => true));
  }
}

const decimal = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }).map(String),
  fc.integer({ min: 0, max: 10 ** 9 }).map(String),
  fc.tuple(fc.nat(99_999), fc.nat(99_999_999)).map(([a, b]) => `${a}.${b}`),
  fc.nat(999).map((n) => `.${n}`),
  fc.nat(99).map((n) => `${n}.`),
  fc.constantFrom('0', '-0', '+3', '1e3', '2.5E-2', '123456789012345', '0.1000000000000000055511'),
);

describe('the plain CSV road', () => {
  it('reads every plain sheet exactly as the general reader does', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            a1: fc.option(fc.nat(10).map(String), { nil: '' }),
            a2: fc.option(decimal, { nil: '' }),
            a3: fc.option(
              fc.oneof(
                decimal,
                decimal.filter((d) => !/^[+-]/.test(d)).map((d) => `-${d}`),
              ),
              { nil: '' },
            ),
            b1: fc.option(fc.nat(5).map(String), { nil: '' }),
            v1: fc.constantFrom('', '0', '1'),
            group: fc.constantFrom('', '街道', '乡镇'),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.boolean(),
        async (rows, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const lines = [
            '编码,单位,分组,A1 人工,A2,A3,B1,V1',
            ...rows.map(
              (r, i) => `U${i},单位${i},${r.group},${r.a1},${r.a2},${r.a3},${r.b1},${r.v1}`,
            ),
          ];
          const csv = lines.join(eol) + eol;
          const fast = readPlainCsv(csv, rubric);
          const slow = await general(csv);
          if (!fast) return; // the fast road may always step aside
          taken++;
          expect(fast.ok).toBe(true);
          expect(slow.ok).toBe(true);
          if (fast.ok && slow.ok) {
            same(fast.sheet, slow.sheet);
            expect(fast.layout.rows).toEqual(slow.layout.rows);
            expect(fast.layout.columns).toEqual(slow.layout.columns);
          }
        },
      ),
      { numRuns: 200 },
    );
    // These sheets are all plain: the fast road must have read them, not stepped aside.
    expect(taken).toBe(200);
  });

  it('takes plain sheets and steps aside for anything the general reader must judge', () => {
    const head = 'code,name,A1,A2,A3,B1,V1\n';
    expect(readPlainCsv(`${head}U1,甲,5,1.5,2,,0\n`, rubric)?.ok).toBe(true);
    for (const row of [
      'U1,甲,11,1,1,,', // manual score above its points
      'U1,甲,5,85%,1,,', // a percent
      'U1,甲,5,１,1,,', // full-width digits
      'U1,甲,5,1,1,-1,', // a negative deduction
      'U1,甲,5,1,1,,是', // 是 for a veto
      'U1,甲,5,1,1,,1.0', // not 0 or 1
      'U1,甲,5,1e999,1,,', // not finite
      'U1,,5,1,1,,', // no name
      ',甲,5,1,1,,', // no code
      "'-1,甲,5,1,1,,", // an escaped code
      'U1,甲,5,1,1,', // a cell short
      'U1,甲,5,1,1,,,9', // a cell over
      ' U1,甲,5,1,1,,', // spaces to trim
    ]) {
      expect(readPlainCsv(`${head}${row}\n`, rubric), row).toBeUndefined();
    }
    expect(readPlainCsv(`${head}U1,甲,5,1,1,,\nU1,乙,5,1,1,,\n`, rubric)).toBeUndefined(); // duplicate
    expect(readPlainCsv(`${head}U1,甲,5,1,1,,\n\nU2,乙,5,1,1,,\n`, rubric)).toBeUndefined(); // blank row
    expect(readPlainCsv('code,name,A1,A2,A3,B1\nU1,甲,5,1,1,\n', rubric)).toBeUndefined(); // V1 missing
    expect(readPlainCsv('code,name,A1,A2,A3,B1,V1,X\nU1,甲,5,1,1,,,\n', rubric)).toBeUndefined();
  });
});
