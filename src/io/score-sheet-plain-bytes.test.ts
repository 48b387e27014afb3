// The plain road over bytes (readPlainCsvBytes) reads what the plain road over text reads, and
// steps aside where it does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '../core/rubric.ts';
import { readPlainCsv, readPlainCsvBytes } from './score-sheet-plain.ts';

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

const decimal = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }).map(String),
  fc.integer({ min: 0, max: 10 ** 9 }).map(String),
  fc.tuple(fc.nat(99_999), fc.nat(99_999_999)).map(([a, b]) => `${a}.${b}`),
  fc.nat(999).map((n) => `.${n}`),
  fc.nat(99).map((n) => `${n}.`),
  fc.constantFrom('0', '-0', '+3', '1e3', '2.5E-2', '123456789012345', '0.1000000000000000055511'),
);

function bytesOf(csv: string, bom = false): Uint8Array {
  return Buffer.from(bom ? `\uFEFF${csv}` : csv);
}

describe('the plain CSV road over bytes', () => {
  it('reads every sheet as the road over text does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a1: fc.option(fc.nat(10).map(String), { nil: '' }),
            a2: fc.option(decimal, { nil: '' }),
            a3: fc.option(
              fc.oneof(
                decimal,
                decimal.map((d) => `-${d}`),
              ),
              { nil: '' },
            ),
            b1: fc.option(fc.nat(5).map(String), { nil: '' }),
            v1: fc.constantFrom('', '0', '1', '是'),
            group: fc.constantFrom('', '街道', '乡镇', ' 乡镇', '乡镇　'),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.boolean(),
        fc.boolean(),
        (rows, crlf, bom) => {
          const eol = crlf ? '\r\n' : '\n';
          const lines = [
            '编码,单位,分组,A1 人工,A2,A3,B1,V1',
            ...rows.map(
              (r, i) => `U${i},单位${i},${r.group},${r.a1},${r.a2},${r.a3},${r.b1},${r.v1}`,
            ),
          ];
          const csv = lines.join(eol) + eol;
          const text = readPlainCsv(csv, rubric);
          const bytes = readPlainCsvBytes(bytesOf(csv, bom), rubric);
          expect(bytes).toEqual(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('steps aside for anything the general reader must judge', () => {
    const head = 'code,name,A1,A2,A3,B1,V1\n';
    expect(readPlainCsvBytes(bytesOf(`${head}U1,甲,5,1.5,2,,0\n`), rubric)?.ok).toBe(true);
    expect(readPlainCsvBytes(bytesOf(`${head}U1,甲,5,1.5,2,,0`), rubric)?.ok).toBe(true);
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
      'U1,"甲",5,1,1,,', // a quote
      'U1,甲\r乙,5,1,1,,', // a lone CR
      'U1,甲,5,1,1,,', // (with the header below changed) a tab in the header
    ]) {
      const header = row === 'U1,甲,5,1,1,,' ? 'code,name,A1,A2,A3,B1,V1\t\n' : head;
      expect(readPlainCsvBytes(bytesOf(`${header}${row}\n`), rubric), row).toBeUndefined();
    }
    // A text column last: a cell over is not glued onto it.
    const groupLast = 'code,name,A1,A2,A3,B1,V1,group\n';
    expect(readPlainCsvBytes(bytesOf(`${groupLast}U1,甲,5,1,1,,,g\n`), rubric)?.ok).toBe(true);
    expect(readPlainCsvBytes(bytesOf(`${groupLast}U1,甲,5,1,1,,,g,x\n`), rubric)).toBeUndefined();
    // Not UTF-8 (GB18030 bytes): the general reader decodes it.
    expect(readPlainCsvBytes(Buffer.from([...bytesOf(head), 0xd6, 0xd0, 0x0a]), rubric)).toBe(
      undefined,
    );
    const dup = `${head}U1,甲,5,1,1,,\nU1,乙,5,1,1,,\n`;
    expect(readPlainCsvBytes(bytesOf(dup), rubric)).toBeUndefined();
    const blank = `${head}U1,甲,5,1,1,,\n\nU2,乙,5,1,1,,\n`;
    expect(readPlainCsvBytes(bytesOf(blank), rubric)).toBeUndefined();
  });
});
