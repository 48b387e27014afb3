// The fast road through a score sheet (issue 17): a plain CSV — comma-separated, no quotes, a
// header of known columns, plain numbers, nothing to report — read straight into the columns of
// the engine's Sheet, without a grid of cell strings or a per-cell normalisation. Anything else
// (a quote, a percent, full-width digits, a bad cell, a blank row) returns undefined and the
// general reader in score-sheet.ts reads the file and names every problem, so both roads give
// the same Sheet for every file this one accepts.
import { isUtf8 } from 'node:buffer';
import type { Indicator, Rubric } from '../core/rubric.ts';
import { checkValue, MAX_VALUE } from '../core/sheet.ts';
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
      const got = values[c]!;
      sheetValues.set(column.indicator.code, got.length === n ? got : got.slice(0, n));
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
 *
 * Written for a process that reads one sheet and exits (`leitai rank`), where most of the time
 * is the optimiser warming up: the rows are counted first so the columns are allocated once at
 * their size; the hot loops take only typed arrays and numbers (each column's bounds checked as
 * checkValue would, from two Float64Arrays, not per-kind indicator objects whose differing shapes
 * would make the optimised code bail out and recompile); one row is one small call.
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
  const start = byteNextLine(bytes, headerEnd);
  // Rows at most: the line feeds after the header, plus a last line without one.
  let capacity = 0;
  for (let p = start; p < len; p = bytes.indexOf(10, p) + 1 || len) capacity++;
  if (capacity === 0) return undefined;
  const reader = new PlainRows(bytes, columns, capacity);
  let n = 0;
  for (let at = start; at < len; n++) {
    at = reader.row(at, n);
    if (at < 0) return undefined;
  }
  const { codes, names, groups, rows } = reader;
  return plainSheet(columns, reader.values, n, { codes, names, groups, rows });
}

/** Column kinds of {@link PlainRows}: small integers keep the row loop monomorphic. */
const CODE = 0;
const NAME = 1;
const GROUP = 2;
const NUMBER = 3;
const VETO = 4;

/** The rows of a plain CSV, read one call a row into preallocated columns. */
class PlainRows {
  readonly kinds: Int8Array;
  /** Per column, the bounds checkValue puts on a present value (NaN-free: empty passes). */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly values: Float64Array[];
  readonly codes: string[] = [];
  readonly names: string[] = [];
  readonly groups: string[] = [];
  readonly rows: number[] = [];
  readonly seen = new Set<string>();
  // The last group label's bytes and string: a sheet lists a county's villages together.
  groupFrom = 0;
  groupTo = -1;
  group = '';
  constructor(
    readonly bytes: Buffer,
    columns: Column[],
    capacity: number,
  ) {
    const width = columns.length;
    this.kinds = new Int8Array(width);
    this.lo = new Float64Array(width);
    this.hi = new Float64Array(width);
    this.values = [];
    columns.forEach((column, c) => {
      if (column.kind !== 'indicator') {
        this.kinds[c] = column.kind === 'code' ? CODE : column.kind === 'name' ? NAME : GROUP;
        this.values.push(new Float64Array(0));
        return;
      }
      const [lo, hi] = valueBounds(column.indicator);
      this.kinds[c] = column.indicator.kind === 'veto' ? VETO : NUMBER;
      this.lo[c] = lo;
      this.hi[c] = hi;
      this.values.push(new Float64Array(capacity));
    });
  }

  /** Reads the row starting at `at` as unit n: the start of the next row, or −1 to step aside. */
  row(at: number, n: number): number {
    const bytes = this.bytes;
    const kinds = this.kinds;
    const end = byteLineEnd(bytes, at);
    if (end === at) return -1; // a blank row: the general reader skips it
    for (let c = 0; c < kinds.length; c++) {
      if (at > end) return -1; // too few cells
      const stop = cellEnd(bytes, at, end);
      const kind = kinds[c]!;
      if (kind === NUMBER) {
        const v = plainNumberBytes(bytes, at, stop);
        // NaN (empty) passes; ±Infinity (not a plain number) and values out of bounds do not.
        if (v < this.lo[c]! || v > this.hi[c]! || v === Number.POSITIVE_INFINITY) return -1;
        this.values[c]![n] = v;
      } else if (kind === VETO) {
        // Only 0 and 1 here; 是/否, true/false and the rest go through the general reader.
        if (stop === at) this.values[c]![n] = Number.NaN;
        else {
          const v = stop - at === 1 ? bytes[at]! - 48 : -1;
          if (v !== 0 && v !== 1) return -1;
          this.values[c]![n] = v;
        }
      } else if (!this.text(kind, at, stop)) return -1;
      at = stop + 1;
    }
    if (at <= end) return -1; // too many cells
    this.rows.push(n + 2);
    return byteNextLine(bytes, end);
  }

  private text(kind: number, at: number, stop: number): boolean {
    const bytes = this.bytes;
    if (kind === CODE) {
      // Codes the general reader would normalise or unescape, and duplicates, go there.
      if (!plainCode(bytes, at, stop)) return false;
      const code = bytes.toString('latin1', at, stop);
      if (this.seen.has(code)) return false;
      this.seen.add(code);
      this.codes.push(code);
    } else if (kind === NAME) {
      const name = bytes.toString('utf8', at, stop);
      if (name === '' || name !== name.trim()) return false;
      this.names.push(name);
    } else {
      if (!sameBytes(bytes, this.groupFrom, this.groupTo, at, stop)) {
        const group = bytes.toString('utf8', at, stop);
        if (group !== group.trim()) return false;
        this.group = group;
        this.groupFrom = at;
        this.groupTo = stop;
      }
      this.groups.push(this.group);
    }
    return true;
  }
}

/** [lowest, highest] present value {@link checkValue} lets stand for an indicator (not a veto). */
function valueBounds(indicator: Indicator): [number, number] {
  if (indicator.kind === 'veto') return [0, 1];
  if (indicator.kind !== 'scored') return [0, MAX_VALUE];
  if (indicator.method === 'manual') return [0, Math.min(indicator.points, MAX_VALUE)];
  if (indicator.method === 'target' || indicator.method === 'relative') return [0, MAX_VALUE];
  return [-MAX_VALUE, MAX_VALUE];
}

function cellEnd(bytes: Uint8Array, at: number, end: number): number {
  let stop = at;
  while (stop < end && bytes[stop] !== 44) stop++;
  return stop;
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

/**
 * {@link plainNumber} over bytes, without the rubric's check: NaN when empty, +Infinity for
 * anything but a plain decimal (no value that stands is infinite).
 */
function plainNumberBytes(bytes: Uint8Array, from: number, to: number): number {
  if (from === to) return Number.NaN;
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
  if (digits === 0) return Number.POSITIVE_INFINITY;
  if (c === 69 || c === 101 || mantissa > Number.MAX_SAFE_INTEGER || decimals > 22) {
    return exponentNumber(bytes, from, to, i, c);
  }
  if (i !== to) return Number.POSITIVE_INFINITY;
  // Clinger's fast path: an integer below 2^53 divided by an exact power of ten is correctly
  // rounded, so it equals Number(text).
  return (negative ? -mantissa : mantissa) / POW10[decimals]!;
}

/** The rest of {@link plainNumberBytes}: an exponent or too many digits, through Number(). */
function exponentNumber(bytes: Uint8Array, from: number, to: number, at: number, first: number) {
  let i = at;
  let c = first;
  if (c === 69 || c === 101) {
    c = ++i < to ? bytes[i]! : -1;
    if (c === 43 || c === 45) c = ++i < to ? bytes[i]! : -1;
    let exponent = 0;
    while (c >= 48 && c <= 57) {
      exponent++;
      c = ++i < to ? bytes[i]! : -1;
    }
    if (exponent === 0) return Number.POSITIVE_INFINITY;
  }
  if (i !== to) return Number.POSITIVE_INFINITY;
  const value = Number(Buffer.prototype.toString.call(bytes, 'latin1', from, to));
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
}
