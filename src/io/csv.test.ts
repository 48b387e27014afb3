import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, escapeFormula, parseCsv, stringifyCsv } from './csv.ts';

describe('parseCsv (RFC 4180)', () => {
  const cases: [string, string, string[][]][] = [
    [
      'plain',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'CRLF and no final line break',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line ends (old Mac Excel)',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma', 'a,"x, y"\n', [['a', 'x, y']]],
    ['doubled quote inside quotes', '"say ""hi""",b\n', [['say "hi"', 'b']]],
    [
      'line break inside quotes',
      '"line1\nline2",b\nc,d\n',
      [
        ['line1\nline2', 'b'],
        ['c', 'd'],
      ],
    ],
    ['CRLF inside quotes', '"1\r\n2",b\n', [['1\r\n2', 'b']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['empty quoted field', '"",a\n', [['', 'a']]],
    ['trailing delimiter', 'a,\n', [['a', '']]],
    ['blank line is an empty record', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['quote inside an unquoted field is kept', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after a closing quote is kept', '"ab"c,d\n', [['abc', 'd']]],
    [
      'Chinese',
      '编码,单位\n371323,沂水县\n',
      [
        ['编码', '单位'],
        ['371323', '沂水县'],
      ],
    ],
    ['empty input', '', []],
  ];
  it.each(cases)('%s', (_what, text, records) => {
    expect(parseCsv(text).records).toEqual(records);
  });

  it('reports the record where a quote is never closed', () => {
    expect(parseCsv('a,b\n1,"2\n3,4\n').unterminatedQuoteAt).toBe(2);
  });

  it('reads tab-separated text when the header has tabs and no commas', () => {
    expect(detectDelimiter('code\tname\tA1\r\nx\ty\t1')).toBe('\t');
    expect(detectDelimiter('code,name\tx')).toBe(',');
    expect(parseCsv('a\tb\n1\t2\n', '\t').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, GB18030 and UTF-16', () => {
    const text = '编码,单位\n371323104201,黄山村\n';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(
      decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])).text,
    ).toBe(text);
    expect(decodeText(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(text, 'gbk')).text).toBe(text);
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text,
    ).toBe(text);
    expect(
      decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])).text,
    ).toBe(text);
  });
});

describe('writing CSV never starts a formula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 123', "'+86 123"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['黄山村', '黄山村'],
    ['a=b', 'a=b'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeFormula(text)).toBe(escaped);
  });

  it('escapes text cells, quotes where needed, leaves numbers alone', () => {
    expect(stringifyCsv([['=1+1', -1.5, 'a,b', 'say "x"', null, true, '\rx']])).toBe(
      `'=1+1,-1.5,"a,b","say ""x""",,true,"'\rx"\r\n`,
    );
  });

  it('round-trips through the parser', () => {
    const records = [
      ['code', 'name'],
      ['u1', '多行\n名称, 含 "引号"'],
      ['u2', ''],
    ];
    expect(parseCsv(stringifyCsv(records)).records).toEqual(records);
  });
});
