// Results out, as DESIGN §4 lays them: CSV and XLSX with the columns
// code,name,group,total,rank,flag,vetoed,missing then <code>.value,<code>.score,<code>.rank per
// indicator; JSON as an array of unit objects. No text cell ever starts a formula, and a file is
// written whole or not at all.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { excelRoundScaled, pow10 } from '../core/excel-round.ts';
import { FLAG_RED, FLAG_YELLOW, flagName } from '../core/flags.ts';
import { presentUnit, type RoundResult, unitOrder } from '../core/rank-round.ts';
import { escapeFormula, quoteCsvField } from './csv.ts';

export type ResultsFormat = 'csv' | 'xlsx' | 'json';

/** The format a file name implies, or undefined. */
export function resultsFormatOf(filename: string): ResultsFormat | undefined {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

type TableCell = string | number | boolean | null;
type ColumnKind = 'text' | 'points' | 'integer' | 'value' | 'boolean';

/** The results as a table: header, the kind of each column, and one row per unit. */
export interface ResultsTable {
  header: string[];
  kinds: ColumnKind[];
  rows: TableCell[][];
}

/** Builds the §4 results table in sheet order (or by rank). */
export function resultsTable(result: RoundResult, order: 'sheet' | 'rank' = 'sheet'): ResultsTable {
  const header = ['code', 'name', 'group', 'total', 'rank', 'flag', 'vetoed', 'missing'];
  const kinds: ColumnKind[] = [
    'text',
    'text',
    'text',
    'points',
    'integer',
    'text',
    'boolean',
    'text',
  ];
  const indicators = [...result.indicators.values()];
  for (const { indicator } of indicators) {
    header.push(`${indicator.code}.value`, `${indicator.code}.score`, `${indicator.code}.rank`);
    kinds.push('value', 'points', 'integer');
  }
  const rows = unitOrder(result, order).map((i) => {
    const missing: string[] = [];
    const cells: TableCell[] = [];
    for (const r of indicators) {
      const value = r.values[i]!;
      if (r.indicator.kind === 'scored' && Number.isNaN(value)) missing.push(r.indicator.code);
      const score = r.scores[i]!;
      const rank = r.ranks?.[i] ?? 0;
      cells.push(
        Number.isNaN(value) ? null : value,
        Number.isNaN(score) ? null : score,
        rank > 0 ? rank : null,
      );
    }
    return [
      result.sheet.codes[i]!,
      result.sheet.names[i]!,
      result.sheet.groups[i]!,
      result.totals[i]!,
      result.ranks[i]!,
      flagName(result.flags[i]!) ?? '',
      result.vetoed[i] === 1,
      missing.join(';'),
      ...cells,
    ];
  });
  return { header, kinds, rows };
}

/** Points (totals and scores) with exactly `precision` decimals (Excel-rounded if finer). */
export function formatPoints(x: number, precision: number): string {
  const scale = pow10(precision);
  const n = excelRoundScaled(x, precision);
  if (precision === 0) return String(n === 0 ? 0 : n);
  const negative = n < 0;
  const a = Math.abs(n);
  const whole = Math.floor(a / scale);
  const fraction = String(a - whole * scale).padStart(precision, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * CSV of the results: UTF-8 with a BOM (so Excel and WPS on Chinese Windows read the Chinese
 * correctly), CRLF line ends, totals and scores with `precision` decimals, text cells that would
 * start a formula prefixed with an apostrophe. Yields the bytes a block of rows at a time, written
 * digit by digit into a byte buffer: no string per line or number, no table of cells, so a
 * province's results never sit in memory twice.
 */
export function* resultsCsvChunks(
  result: RoundResult,
  options: ChunkOptions = {},
): Generator<Uint8Array> {
  const out = new ByteWriter(options.reuse);
  const rows = new CsvRows(result);
  rows.header(out);
  for (let from = 0; from < result.size; from += ROWS_PER_CHUNK) {
    rows.write(out, from, Math.min(result.size, from + ROWS_PER_CHUNK));
    yield out.take();
  }
  if (result.size === 0) yield out.take();
}

export interface ChunkOptions {
  /**
   * Write every chunk into the same buffer: a chunk is then valid only until the next is asked
   * for. For a consumer that writes each chunk out before it asks for the next (a file): a
   * province's results then touch one megabyte of output buffer, not twenty.
   */
  reuse?: boolean;
}

/**
 * Rows per chunk (about a megabyte of CSV). The row loops live in plain methods called once a
 * chunk, not in the generator: a one-shot `leitai rank` spends much of its time warming up the
 * optimiser, and a hot loop inside a generator that yields mid-loop is optimised, thrown away at
 * the first yield and optimised again.
 */
const ROWS_PER_CHUNK = 4096;

/**
 * The columns of a round as flat arrays, one shape for every indicator (an indicator without
 * ranks has an empty rank column and a 0 in `hasRanks`), so the row loops see one type per array.
 */
class RoundColumns {
  readonly precision: number;
  readonly scale: number;
  readonly codes: string[];
  readonly names: string[];
  readonly groups: string[];
  readonly totals: Float64Array;
  readonly ranks: Int32Array;
  readonly flags: Uint8Array;
  readonly vetoed: Uint8Array;
  readonly count: number;
  readonly scored: Uint8Array;
  readonly hasRanks: Uint8Array;
  readonly values: Float64Array[];
  readonly scores: Float64Array[];
  readonly indicatorRanks: Int32Array[];
  readonly indicatorCodes: string[];
  constructor(result: RoundResult) {
    this.precision = result.rubric.precision;
    this.scale = pow10(this.precision);
    ({ codes: this.codes, names: this.names, groups: this.groups } = result.sheet);
    ({ totals: this.totals, ranks: this.ranks, flags: this.flags, vetoed: this.vetoed } = result);
    const indicators = [...result.indicators.values()];
    const none = new Int32Array(0);
    this.count = indicators.length;
    this.scored = Uint8Array.from(indicators, (r) => (r.indicator.kind === 'scored' ? 1 : 0));
    this.hasRanks = Uint8Array.from(indicators, (r) => (r.ranks ? 1 : 0));
    this.values = indicators.map((r) => r.values);
    this.scores = indicators.map((r) => r.scores);
    this.indicatorRanks = indicators.map((r) => r.ranks ?? none);
    this.indicatorCodes = indicators.map((r) => r.indicator.code);
  }
}

/** The rows of {@link resultsCsvChunks}. */
class CsvRows extends RoundColumns {
  /** Each indicator's code as written in `missing` (formula-escaped, quoted if need be). */
  private readonly missingCodes: string[];
  private readonly missingAscii: Uint8Array;
  private lastGroup: string | undefined = undefined;
  private lastGroupText = '';
  constructor(result: RoundResult) {
    super(result);
    this.missingCodes = this.indicatorCodes.map((code) => quoteCsvField(escapeFormula(code)));
    this.missingAscii = Uint8Array.from(this.missingCodes, (code) => (ASCII.test(code) ? 1 : 0));
  }

  header(out: ByteWriter): void {
    const header = ['code', 'name', 'group', 'total', 'rank', 'flag', 'vetoed', 'missing'];
    for (const code of this.indicatorCodes)
      header.push(`${code}.value`, `${code}.score`, `${code}.rank`);
    header.forEach((h, c) => {
      if (c > 0) out.byte(COMMA);
      csvText(out, h);
    });
    out.crlf();
  }

  write(out: ByteWriter, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.unit(out, i);
      this.missing(out, i);
      this.cells(out, i);
      out.crlf();
    }
  }

  /** code,name,group,total,rank,flag,vetoed, */
  private unit(out: ByteWriter, i: number): void {
    csvText(out, this.codes[i]!);
    out.byte(COMMA);
    csvText(out, this.names[i]!);
    out.byte(COMMA);
    const group = this.groups[i]!;
    if (group !== this.lastGroup) {
      this.lastGroup = group;
      this.lastGroupText = group === '' ? '' : quoteCsvField(escapeFormula(group));
    }
    if (this.lastGroupText !== '') out.text(this.lastGroupText);
    out.byte(COMMA);
    out.scaled(excelRoundScaled(this.totals[i]!, this.precision), this.precision, this.scale);
    out.byte(COMMA);
    out.integer(this.ranks[i]!);
    const flag = this.flags[i]!;
    out.ascii(flag === FLAG_RED ? ',red,' : flag === FLAG_YELLOW ? ',yellow,' : ',,');
    out.ascii(this.vetoed[i] === 1 ? 'true,' : 'false,');
  }

  /** The missing indicators' codes joined by `;`. */
  private missing(out: ByteWriter, i: number): void {
    let first = true;
    for (let c = 0; c < this.count; c++) {
      if (this.scored[c] === 1 && Number.isNaN(this.values[c]![i]!)) {
        if (!first) out.byte(SEMICOLON);
        if (this.missingAscii[c] === 1) out.ascii(this.missingCodes[c]!);
        else out.text(this.missingCodes[c]!);
        first = false;
      }
    }
  }

  /** ,value,score,rank for every indicator. */
  private cells(out: ByteWriter, i: number): void {
    const { precision, scale } = this;
    for (let c = 0; c < this.count; c++) {
      const value = this.values[c]![i]!;
      const score = this.scores[c]![i]!;
      const rank = this.hasRanks[c] === 1 ? this.indicatorRanks[c]![i]! : 0;
      out.byte(COMMA);
      if (!Number.isNaN(value)) out.number(value);
      out.byte(COMMA);
      if (!Number.isNaN(score)) out.scaled(excelRoundScaled(score, precision), precision, scale);
      out.byte(COMMA);
      if (rank > 0) out.integer(rank);
    }
  }
}

/** A text cell: formula-escaped, quoted if need be; nothing for ''. */
function csvText(out: ByteWriter, t: string): void {
  if (t !== '') out.text(quoteCsvField(escapeFormula(t)));
}

/** Printable ASCII only: written byte by byte, without the UTF-8 encoder. */
const ASCII = /^[\x20-\x7e]*$/;
const COMMA = 44;
const SEMICOLON = 59;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const POW10 = Array.from({ length: 7 }, (_, k) => 10 ** k);

/**
 * Bytes appended to a buffer and handed over in chunks of about a megabyte: numbers are written
 * digit by digit, ASCII byte by byte, and only text cells go through the UTF-8 encoder.
 */
export class ByteWriter {
  /** With `reuse`, {@link take} hands out a view of the buffer it goes on writing into. */
  constructor(private readonly reuse = false) {}
  private buffer = Buffer.allocUnsafe(1 << 21);
  private length = 0;
  get full(): boolean {
    return this.length >= 1 << 20;
  }
  byte(b: number): void {
    if (this.length >= this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = b;
  }
  crlf(): void {
    this.reserve(2);
    this.buffer[this.length++] = 13;
    this.buffer[this.length++] = 10;
  }
  /** Text known to be ASCII (numbers, separators, keywords): one byte per character. */
  ascii(s: string): void {
    this.reserve(s.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let k = 0; k < s.length; k++) buffer[at++] = s.charCodeAt(k);
    this.length = at;
  }
  text(s: string): void {
    this.reserve(s.length * 3);
    this.length += this.buffer.write(s, this.length, 'utf8');
  }
  /** An integer below 2^53 in magnitude, as String would write it. */
  integer(n: number): void {
    this.reserve(17);
    if (n < 0) {
      this.buffer[this.length++] = MINUS;
      n = -n;
    }
    this.digits(n, 0);
  }
  /** n / 10^precision with exactly `precision` decimals (n an integer): points, as formatPoints. */
  scaled(n: number, precision: number, scale: number): void {
    if (precision === 0) {
      this.integer(n === 0 ? 0 : n);
      return;
    }
    this.reserve(18 + precision);
    if (n < 0) {
      this.buffer[this.length++] = MINUS;
      n = -n;
    }
    const whole = Math.floor(n / scale);
    this.digits(whole, 0);
    this.buffer[this.length++] = DOT;
    this.digits(n - whole * scale, precision);
  }
  /**
   * A finite number exactly as String(x) (and JSON.stringify) writes it. Integers and values with
   * at most six decimals between 1e-6 and 1e9 are written digit by digit: there the decimal with
   * the fewest decimals that reads back as x is unique (the doubles lie closer together than
   * 10^-6) and is the shortest form String picks. Anything else goes through String itself.
   */
  number(x: number): void {
    const a = x < 0 ? -x : x;
    if (Number.isInteger(x) && a < 1e15) {
      this.integer(x === 0 ? 0 : x);
      return;
    }
    if (a >= 1e-6 && a < 1e9) {
      for (let k = 1; k <= 6; k++) {
        const s = POW10[k]!;
        const n = Math.round(a * s);
        if (n / s === a) {
          this.reserve(18);
          if (x < 0) this.buffer[this.length++] = MINUS;
          const whole = Math.floor(n / s);
          this.digits(whole, 0);
          this.buffer[this.length++] = DOT;
          // k is the fewest decimals that read back as x, so the last digit is not 0.
          this.digits(n - whole * s, k);
          return;
        }
      }
    }
    this.ascii(String(x));
  }
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.length);
    if (!this.reuse) this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    return chunk;
  }
  /** The digits of a non-negative integer n, left-padded with zeros to `width`. */
  private digits(n: number, width: number): void {
    // Below 2^31 the digits come from int32 arithmetic (division by 10 as a multiply), which
    // is most of a results file: ranks, scaled scores, typed values.
    if (n < 2147483648) {
      this.smallDigits(n | 0, width);
      return;
    }
    const buffer = this.buffer;
    let count = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) count++;
    if (count < width) {
      for (let k = count; k < width; k++) buffer[this.length++] = ZERO;
    }
    let at = this.length + count;
    this.length = at;
    do {
      const q = Math.floor(n / 10);
      buffer[--at] = ZERO + (n - q * 10);
      n = q;
    } while (n > 0);
  }
  private smallDigits(n: number, width: number): void {
    const buffer = this.buffer;
    let count = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) count++;
    for (let k = count; k < width; k++) buffer[this.length++] = ZERO;
    let at = this.length + count;
    this.length = at;
    do {
      const q = (n / 10) | 0;
      buffer[--at] = ZERO + n - q * 10;
      n = q;
    } while (n > 0);
  }
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/** The CSV of {@link resultsCsvChunks} as one string, with its BOM. */
export function resultsToCsv(result: RoundResult): string {
  return `\uFEFF${Buffer.concat([...resultsCsvChunks(result)]).toString('utf8')}`;
}

/**
 * JSON of the results: the array of DESIGN §4, in sheet order; compact unless `pretty` (indented
 * as `JSON.stringify(array, null, 2)` would). One unit is presented at a time, so a province's
 * results never exist as objects all at once.
 */
export function* resultsJsonChunks(
  result: RoundResult,
  pretty = false,
  options: ChunkOptions = {},
): Generator<Uint8Array> {
  const out = new ByteWriter(options.reuse);
  if (result.size === 0) {
    out.ascii('[]\n');
    yield out.take();
    return;
  }
  if (pretty) {
    // Indented as `JSON.stringify(array, null, 2)` would; for reading by eye, not for speed.
    for (let i = 0; i < result.size; i++) {
      const unit = JSON.stringify(presentUnit(result, i), null, 2).replaceAll('\n', '\n  ');
      out.text(`${i === 0 ? '[\n' : ',\n'}  ${unit}`);
      if (out.full) yield out.take();
    }
    out.ascii('\n]\n');
    yield out.take();
    return;
  }
  // Compact: written field by field in presentUnit's order, without an object per unit.
  const rows = new JsonRows(result);
  for (let from = 0; from < result.size; from += ROWS_PER_CHUNK) {
    rows.write(out, from, Math.min(result.size, from + ROWS_PER_CHUNK));
    if (from + ROWS_PER_CHUNK >= result.size) out.ascii(']\n');
    yield out.take();
  }
}

/** The units of {@link resultsJsonChunks}, compact. */
class JsonRows extends RoundColumns {
  /** Per indicator: its code as JSON, and `"code":{"value":` ahead of its cell. */
  private readonly codeJson: string[];
  private readonly cellKey: string[];
  private readonly ascii: Uint8Array;
  private lastGroup: string | undefined = undefined;
  private lastGroupJson = '';

  constructor(result: RoundResult) {
    super(result);
    this.codeJson = this.indicatorCodes.map((code) => JSON.stringify(code));
    this.cellKey = this.codeJson.map((code) => `${code}:{"value":`);
    this.ascii = Uint8Array.from(this.indicatorCodes, (code) => (ASCII.test(code) ? 1 : 0));
  }

  write(out: ByteWriter, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.unit(out, i);
      this.missing(out, i);
      this.cells(out, i);
    }
  }

  private unit(out: ByteWriter, i: number): void {
    out.ascii(i === 0 ? '[{"code":' : ',{"code":');
    out.text(JSON.stringify(this.codes[i]!));
    out.ascii(',"name":');
    out.text(JSON.stringify(this.names[i]!));
    out.ascii(',"group":');
    const group = this.groups[i]!;
    if (group !== this.lastGroup) {
      this.lastGroup = group;
      this.lastGroupJson = JSON.stringify(group);
    }
    out.text(this.lastGroupJson);
    out.ascii(',"total":');
    jsonNumber(out, this.totals[i]!);
    out.ascii(',"rank":');
    out.integer(this.ranks[i]!);
    const flag = this.flags[i]!;
    out.ascii(
      flag === FLAG_RED
        ? ',"flag":"red"'
        : flag === FLAG_YELLOW
          ? ',"flag":"yellow"'
          : ',"flag":null',
    );
    out.ascii(this.vetoed[i] === 1 ? ',"vetoed":true,"missing":[' : ',"vetoed":false,"missing":[');
  }

  private missing(out: ByteWriter, i: number): void {
    let first = true;
    for (let c = 0; c < this.count; c++) {
      if (this.scored[c] === 1 && Number.isNaN(this.values[c]![i]!)) {
        if (!first) out.byte(COMMA);
        if (this.ascii[c] === 1) out.ascii(this.codeJson[c]!);
        else out.text(this.codeJson[c]!);
        first = false;
      }
    }
    out.ascii('],"indicators":{');
  }

  private cells(out: ByteWriter, i: number): void {
    for (let c = 0; c < this.count; c++) {
      const rank = this.hasRanks[c] === 1 ? this.indicatorRanks[c]![i]! : 0;
      if (c > 0) out.byte(COMMA);
      if (this.ascii[c] === 1) out.ascii(this.cellKey[c]!);
      else out.text(this.cellKey[c]!);
      jsonNumber(out, this.values[c]![i]!);
      out.ascii(',"score":');
      jsonNumber(out, this.scores[c]![i]!);
      out.ascii(',"rank":');
      if (rank > 0) out.integer(rank);
      else out.ascii('null');
      out.byte(125 /* } */);
    }
    out.ascii('}}');
  }
}

/** A number as JSON.stringify writes it: null for NaN (missing) and anything not finite. */
function jsonNumber(out: ByteWriter, x: number): void {
  if (Number.isFinite(x)) out.number(x);
  else out.ascii('null');
}

/** The JSON of {@link resultsJsonChunks} as one string. */
export function resultsToJson(result: RoundResult, pretty = false): string {
  return Buffer.concat([...resultsJsonChunks(result, pretty)]).toString('utf8');
}

/**
 * XLSX of the results: one worksheet, a bold frozen header row (code and name frozen too),
 * numbers as numbers shown with `precision` decimals, text as plain strings (never formulas).
 */
export async function resultsToXlsx(result: RoundResult): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const table = resultsTable(result);
  // The streaming writer: a national round's table never sits in memory as cell objects.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Leitai 擂台';
  const worksheet = workbook.addWorksheet('results', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const precision = result.rubric.precision;
  const pointsFormat = precision === 0 ? '0' : `0.${'0'.repeat(precision)}`;
  worksheet.columns = table.header.map((h, c) => ({
    key: String(c),
    width: c === 1 ? 20 : Math.max(10, h.length + 2),
    style: table.kinds[c] === 'points' ? { numFmt: pointsFormat } : {},
  }));
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: table.header.length },
  };
  // A header is text too: plain strings even if an odd code started like a formula.
  const header = worksheet.addRow(table.header);
  header.font = { bold: true };
  header.commit();
  // An empty text (no flag, no group, nothing missing) is an empty cell, not an empty string.
  for (const row of table.rows) worksheet.addRow(row.map((c) => (c === '' ? null : c))).commit();
  worksheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Writes the results to a file whose format its extension names (or `format`), atomically. */
export async function writeResultsFile(
  result: RoundResult,
  path: string,
  format: ResultsFormat | undefined = resultsFormatOf(path),
  options: { pretty?: boolean } = {},
): Promise<void> {
  if (!format) throw new Error(`unknown results format: ${path}`);
  if (format === 'xlsx') return writeFileAtomic(path, await resultsToXlsx(result));
  // writeFileAtomic writes each chunk before it asks for the next: one reused buffer.
  const chunks =
    format === 'csv'
      ? withBom(resultsCsvChunks(result, { reuse: true }))
      : resultsJsonChunks(result, options.pretty, { reuse: true });
  await writeFileAtomic(path, chunks);
}

function* withBom(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield Buffer.from('\uFEFF');
  yield* chunks;
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failure leaves
 * no partial file and an existing file is replaced only by a complete one.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string | Iterable<string | Uint8Array>,
): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const file = await open(temp, 'wx');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
      else
        for (const chunk of data)
          await file.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
