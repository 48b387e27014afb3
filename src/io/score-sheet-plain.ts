// The fast road through a score sheet (issue 17): a plain CSV — comma-separated, no quotes, a
// header of known columns, plain numbers, nothing to report — read straight into the columns of
// the engine's Sheet, without a grid of cell strings or a per-cell normalisation. Anything else
// (a quote, a percent, full-width digits, a bad cell, a blank row) returns undefined and the
// general reader in score-sheet.ts reads the file and names every problem, so both roads give
// the same Sheet for every file this one accepts.
import { isUtf8 } from 'node:buffer';
import type { Indicator, Rubric } from '../core/rubric.ts';
import { checkValue } from '../core/sheet.ts';
import { columnLetter, HEADER_ALIASES, normalize, type SheetRead } from './score-sheet.ts';

type Column = { kind: 'code' | 'name' | 'group' } | { kind: 'indicator'; indicator: Indicator };

/** The Sheet of a plain CSV text, or undefined when the general reader must look at it. */
export function readPlainCsv(
  text: string,
  rubric: Rubric,
  requireAllIndicators = true,
): SheetRead | undefined {
  if (text.includes('"') || /\r(?!\n)/.test(text)) return undefined;
  if (text.slice(0, lineEnd(text, 0)).includes('\t')) return undefined;
  const headerEnd = lineEnd(text, 0);
  const columns = headerColumns(text.slice(0, headerEnd), rubric, requireAllIndicators);
  if (!columns) return undefined;
  // Columns as flat arrays (kind per column, values by indicator column): one shape, fast loops.
  const width = columns.length;
  const kinds = columns.map((c) => c.kind);
  const indicators = columns.map((c) => (c.kind === 'indicator' ? c.indicator : undefined));
  let capacity = 1024;
  let values = columns.map((c) =>
    c.kind === 'indicator' ? new Float64Array(capacity) : undefined,
  );
  const codes: string[] = [];
  const names: string[] = [];
  const groups: string[] = [];
  const rows: number[] = [];
  const seen = new Set<string>();
  let n = 0;
  let at = nextLine(text, headerEnd);
  for (let row = 2; at < text.length; row++) {
    const end = lineEnd(text, at);
    if (end === at) return undefined; // a blank row: the general reader skips it
    if (n === capacity) {
      capacity *= 2;
      values = values.map((v) => {
        if (!v) return undefined;
        const bigger = new Float64Array(capacity);
        bigger.set(v);
        return bigger;
      });
    }
    for (let c = 0; c < width; c++) {
      const next = text.indexOf(',', at);
      const comma = c === width - 1 ? end : next;
      if (comma === -1 || comma > end) return undefined; // too few cells
      if (c === width - 1 && next !== -1 && next < end) return undefined; // too many cells
      const kind = kinds[c];
      if (kind === 'indicator') {
        const value = plainNumber(text, at, comma, indicators[c]!);
        if (value === undefined) return undefined;
        values[c]![n] = value;
      } else {
        const cell = text.slice(at, comma);
        if (cell !== cell.trim()) return undefined;
        if (kind === 'code') {
          // Codes the general reader would normalise or unescape, and duplicates, go there.
          if (!PLAIN_CODE.test(cell) || seen.has(cell)) return undefined;
          seen.add(cell);
          codes.push(cell);
        } else if (kind === 'name') {
          if (cell === '') return undefined;
          names.push(cell);
        } else {
          groups.push(cell);
        }
      }
      at = comma + 1;
    }
    if (at <= end) return undefined; // too many cells
    rows.push(row);
    n++;
    at = nextLine(text, end);
  }
  if (n === 0) return undefined;
  return plainSheet(columns, values, n, { codes, names, groups, rows });
}

/** The rows both readers parsed, as the sheet and its layout (values cut to the `n` rows read). */
function plainSheet(
  columns: Column[],
  values: (Float64Array | undefined)[],
  n: number,
  read: { codes: string[]; names: string[]; groups: string[]; rows: number[] },
): SheetRead {
  const sheetValues = new Map<string, Float64Array>();
  const letters: Record<string, string> = {};
  let codeColumn = 'A';
  columns.forEach((column, c) => {
    if (column.kind === 'indicator') {
      sheetValues.set(column.indicator.code, values[c]!.slice(0, n));
      letters[column.indicator.code] = columnLetter(c + 1);
    } else if (column.kind === 'code') {
      codeColumn = columnLetter(c + 1);
    }
  });
  const { codes, names, groups, rows } = read;
  const hasGroup = columns.some((c) => c.kind === 'group');
  return {
    ok: true,
    sheet: { codes, names, groups: hasGroup ? groups : codes.map(() => ''), values: sheetValues },
    layout: { rows, codeColumn, columns: letters, cleared: [] },
  };
}

const PLAIN_CODE = /^[0-9A-Za-z_.][0-9A-Za-z_.-]*$/;

function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf === -1 ? text.length : lf;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function nextLine(text: string, end: number): number {
  return text.charCodeAt(end) === 13 ? end + 2 : end + 1;
}

/** The header's columns when each is known, once, and complete; else undefined. */
function headerColumns(
  line: string,
  rubric: Rubric,
  requireAllIndicators: boolean,
): Column[] | undefined {
  const byCode = new Map(rubric.indicators.map((x) => [normalize(x.code).toLowerCase(), x]));
  const taken = new Set<string>();
  const columns: Column[] = [];
  for (const cell of line.split(',')) {
    const lower = normalize(cell.trim()).toLowerCase();
    if (lower === '') return undefined;
    let column: Column | undefined;
    for (const kind of ['code', 'name', 'group'] as const) {
      if (HEADER_ALIASES[kind].includes(lower)) column = { kind };
    }
    if (!column) {
      const indicator = byCode.get(lower.split(/\s+/)[0] ?? '');
      if (indicator) column = { kind: 'indicator', indicator };
    }
    if (!column) return undefined;
    const key = column.kind === 'indicator' ? `indicator:${column.indicator.code}` : column.kind;
    if (taken.has(key)) return undefined;
    taken.add(key);
    columns.push(column);
  }
  if (!taken.has('code') || !taken.has('name')) return undefined;
  if (requireAllIndicators && rubric.indicators.some((x) => !taken.has(`indicator:${x.code}`))) {
    return undefined;
  }
  return columns;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A cell of plain ASCII decimal (`-12`, `0.85`, `.5`, `1e3`) as the general reader reads it, NaN
 * when empty; undefined for anything else or a value the rubric refuses.
 */
function plainNumber(text: string, from: number, to: number, indicator: Indicator) {
  if (from === to) return Number.NaN;
  if (indicator.kind === 'veto') {
    // Only 0 and 1 here; 是/否, true/false and the rest go through the general reader.
    const cell = text.slice(from, to);
    return cell === '1' ? 1 : cell === '0' ? 0 : undefined;
  }
  let i = from;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (c === 43 || c === 45) c = text.charCodeAt(++i); // + -
  let digits = 0;
  let mantissa = 0;
  let decimals = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    mantissa = mantissa * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      decimals++;
      mantissa = mantissa * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return undefined;
  let exact = true;
  if (c === 69 || c === 101) {
    exact = false;
    c = text.charCodeAt(++i);
    if (c === 43 || c === 45) c = text.charCodeAt(++i);
    let exponent = 0;
    while (c >= 48 && c <= 57) {
      exponent++;
      c = text.charCodeAt(++i);
    }
    if (exponent === 0) return undefined;
  }
  if (i !== to) return undefined;
  // Clinger's fast path: an integer below 2^53 divided by an exact power of ten is correctly
  // rounded, so it equals Number(text); anything longer goes through Number() itself.
  const value =
    exact && mantissa <= Number.MAX_SAFE_INTEGER && decimals <= 22
      ? (negative ? -mantissa : mantissa) / POW10[decimals]!
      : Number(text.slice(from, to));
  return checkValue(indicator, value) === undefined ? value : undefined;
}

/**
 * {@link readPlainCsv} over the file's bytes (UTF-8, with or without BOM): no decoded copy of the
 * file and no string per cell — numbers are read digit by digit from the bytes, and only codes,
 * names and new group labels become strings. Same rules, same Sheet; undefined when the general
 * reader must look at it (also for any other encoding).
 */
export function readPlainCsvBytes(
  file: Uint8Array,
  rubric: Rubric,
  requireAllIndicators = true,
): SheetRead | undefined {
  const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? 3 : 0;
  const bytes = Buffer.from(file.buffer, file.byteOffset + bom, file.byteLength - bom);
  const len = bytes.length;
  if (bytes.indexOf(34) !== -1) return undefined; // a quote
  for (let p = bytes.indexOf(13); p !== -1; p = bytes.indexOf(13, p + 1)) {
    if (bytes[p + 1] !== 10) return undefined; // a CR not before LF
  }
  if (!isUtf8(bytes)) return undefined;
  const headerEnd = byteLineEnd(bytes, 0);
  const headerLine = bytes.toString('utf8', 0, headerEnd);
  if (headerLine.includes('\t')) return undefined;
  const columns = headerColumns(headerLine, rubric, requireAllIndicators);
  if (!columns) return undefined;
  const width = columns.length;
  // 0 code, 1 name, 2 group, 3 indicator: small integers keep the row loop monomorphic.
  const kinds = Int8Array.from(columns, (c) =>
    c.kind === 'code' ? 0 : c.kind === 'name' ? 1 : c.kind === 'group' ? 2 : 3,
  );
  const indicators = columns.map((c) => (c.kind === 'indicator' ? c.indicator : undefined));
  let capacity = 1024;
  let values = columns.map((c) =>
    c.kind === 'indicator' ? new Float64Array(capacity) : new Float64Array(0),
  );
  const codes: string[] = [];
  const names: string[] = [];
  const groups: string[] = [];
  const rows: number[] = [];
  const seen = new Set<string>();
  // The last group label's bytes and string: a sheet lists a county's villages together.
  let groupFrom = 0;
  let groupTo = -1;
  let group = '';
  let n = 0;
  let at = byteNextLine(bytes, headerEnd);
  for (let row = 2; at < len; row++) {
    const end = byteLineEnd(bytes, at);
    if (end === at) return undefined; // a blank row: the general reader skips it
    if (n === capacity) {
      capacity *= 2;
      values = values.map((v) => {
        if (v.length === 0) return v;
        const bigger = new Float64Array(capacity);
        bigger.set(v);
        return bigger;
      });
    }
    for (let c = 0; c < width; c++) {
      if (at > end) return undefined; // too few cells
      let stop = at;
      while (stop < end && bytes[stop] !== 44) stop++;
      const kind = kinds[c]!;
      if (kind === 3) {
        const value = plainNumberBytes(bytes, at, stop, indicators[c]!);
        if (value === undefined) return undefined;
        values[c]![n] = value;
      } else if (kind === 0) {
        // Codes the general reader would normalise or unescape, and duplicates, go there.
        if (!plainCode(bytes, at, stop)) return undefined;
        const code = bytes.toString('latin1', at, stop);
        if (seen.has(code)) return undefined;
        seen.add(code);
        codes.push(code);
      } else if (kind === 1) {
        const name = bytes.toString('utf8', at, stop);
        if (name === '' || name !== name.trim()) return undefined;
        names.push(name);
      } else {
        if (!sameBytes(bytes, groupFrom, groupTo, at, stop)) {
          group = bytes.toString('utf8', at, stop);
          if (group !== group.trim()) return undefined;
          groupFrom = at;
          groupTo = stop;
        }
        groups.push(group);
      }
      at = stop + 1;
    }
    if (at <= end) return undefined; // too many cells
    rows.push(row);
    n++;
    at = byteNextLine(bytes, end);
  }
  if (n === 0) return undefined;
  return plainSheet(columns, values, n, { codes, names, groups, rows });
}

function byteLineEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(10, from);
  const end = lf === -1 ? bytes.length : lf;
  return end > from && bytes[end - 1] === 13 ? end - 1 : end;
}

function byteNextLine(bytes: Uint8Array, end: number): number {
  return bytes[end] === 13 ? end + 2 : end + 1;
}

function sameBytes(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < bEnd - b; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** {@link PLAIN_CODE} over bytes: [0-9A-Za-z_.] then [0-9A-Za-z_.-]*. */
function plainCode(bytes: Uint8Array, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    const ok =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 95 ||
      c === 46 ||
      (c === 45 && i > from);
    if (!ok) return false;
  }
  return true;
}

/** {@link plainNumber} over bytes. */
function plainNumberBytes(bytes: Uint8Array, from: number, to: number, indicator: Indicator) {
  if (from === to) return Number.NaN;
  if (indicator.kind === 'veto') {
    if (to - from !== 1) return undefined;
    const c = bytes[from];
    return c === 49 ? 1 : c === 48 ? 0 : undefined;
  }
  let i = from;
  let c = bytes[i]!;
  const negative = c === 45;
  if (c === 43 || c === 45) {
    // + -
    i++;
    c = i < to ? bytes[i]! : -1;
  }
  let digits = 0;
  let mantissa = 0;
  let decimals = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    mantissa = mantissa * 10 + (c - 48);
    c = ++i < to ? bytes[i]! : -1;
  }
  if (c === 46) {
    c = ++i < to ? bytes[i]! : -1;
    while (c >= 48 && c <= 57) {
      digits++;
      decimals++;
      mantissa = mantissa * 10 + (c - 48);
      c = ++i < to ? bytes[i]! : -1;
    }
  }
  if (digits === 0) return undefined;
  let exact = true;
  if (c === 69 || c === 101) {
    exact = false;
    c = ++i < to ? bytes[i]! : -1;
    if (c === 43 || c === 45) c = ++i < to ? bytes[i]! : -1;
    let exponent = 0;
    while (c >= 48 && c <= 57) {
      exponent++;
      c = ++i < to ? bytes[i]! : -1;
    }
    if (exponent === 0) return undefined;
  }
  if (i !== to) return undefined;
  const value =
    exact && mantissa <= Number.MAX_SAFE_INTEGER && decimals <= 22
      ? (negative ? -mantissa : mantissa) / POW10[decimals]!
      : Number(Buffer.prototype.toString.call(bytes, 'latin1', from, to));
  return checkValue(indicator, value) === undefined ? value : undefined;
}
