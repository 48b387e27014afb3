// CSV in and out: RFC 4180 with the encodings Chinese offices actually produce (UTF-8 with or
// without BOM from WPS and "CSV UTF-8", GB18030/GBK from Excel's plain "CSV", UTF-16 from
// "Unicode text"), and formula-safe writing (DESIGN §4: exports never start a formula).

/** Decodes a text file: BOM first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Node's own ICU decodes GB18030 (and so GBK and GB2312): no decoding library needed.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export interface CsvParse {
  /** Records in order; record k is the row the user sees as row k + 1. */
  records: string[][];
  /** 1-based record where a quoted field was opened and never closed. */
  unterminatedQuoteAt?: number;
}

/**
 * Parses CSV per RFC 4180: fields may be quoted, `""` is a quote inside quotes, quoted fields may
 * hold delimiters and line breaks; records end at CRLF, LF or CR. Lenient like Excel where the
 * RFC is silent: a quote inside an unquoted field is a plain character, text after a closing
 * quote is kept. A final line break does not start an empty record.
 */
export function parseCsv(text: string, delimiter = ','): CsvParse {
  const records: string[][] = [];
  const d = delimiter.charCodeAt(0);
  const len = text.length;
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoteOpenedAt: number | undefined;
  let atFieldStart = true;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34 /* " */) {
      // Quoted field: read to the closing quote.
      quoteOpenedAt = records.length + 1;
      i++;
      let closed = false;
      let start = i;
      while (i < len) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          i = len;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          field += `${text.slice(start, q)}"`;
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        field += text.slice(start, len);
        records.push([...record, field]);
        return { records, unterminatedQuoteAt: quoteOpenedAt };
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === d) {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === 10 || c === 13) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      // Plain run up to the next delimiter or line break.
      let j = i + 1;
      while (j < len) {
        const x = text.charCodeAt(j);
        if (x === d || x === 10 || x === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  // A last record without a final line break (or a trailing delimiter) is still a record.
  if (!atFieldStart || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return { records };
}

/** Comma, or tab when the first line has tabs and no commas (Excel's "Unicode text"). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  return !first.includes(',') && first.includes('\t') ? '\t' : ',';
}

/** True when text would start a formula in a spreadsheet: =, +, -, @, tab or CR first. */
export function startsFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A text cell made safe to open in a spreadsheet: a leading apostrophe stops a formula. */
export function escapeFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** Quotes a field when RFC 4180 requires it (delimiter, quote, CR or LF inside). */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Writes records as CSV with CRLF line ends. Strings are text cells (formula-escaped), numbers
 * are written as given by `formatNumber`; null is an empty cell.
 */
export function stringifyCsv(
  records: readonly (readonly (string | number | boolean | null)[])[],
  formatNumber: (n: number, column: number) => string = (n) => String(n),
): string {
  const lines: string[] = [];
  for (const record of records) {
    const cells = record.map((cell, column) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return formatNumber(cell, column);
      if (typeof cell === 'boolean') return cell ? 'true' : 'false';
      return quoteCsvField(escapeFormula(cell));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
