// Results out, as DESIGN §4 lays them: CSV and XLSX with the columns
// code,name,group,total,rank,flag,vetoed,missing then <code>.value,<code>.score,<code>.rank per
// indicator; JSON as an array of unit objects. No text cell ever starts a formula, and a file is
// written whole or not at all.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { excelRoundScaled, pow10 } from '../core/excel-round.ts';
import { flagName } from '../core/flags.ts';
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
 * start a formula prefixed with an apostrophe. Yields the text a few thousand lines at a time and
 * builds no table of cells, so a province's results never sit in memory twice.
 */
export function* resultsCsvChunks(result: RoundResult): Generator<Uint8Array> {
  const precision = result.rubric.precision;
  const indicators = [...result.indicators.values()];
  const header = ['code', 'name', 'group', 'total', 'rank', 'flag', 'vetoed', 'missing'];
  for (const { indicator } of indicators) {
    header.push(`${indicator.code}.value`, `${indicator.code}.score`, `${indicator.code}.rank`);
  }
  const out = new ChunkWriter();
  const text = (t: string) => {
    if (t !== '') out.text(quoteCsvField(escapeFormula(t)));
  };
  header.forEach((h, c) => {
    if (c > 0) out.ascii(',');
    text(h);
  });
  out.ascii('\r\n');
  const { codes, names, groups } = result.sheet;
  for (let i = 0; i < result.size; i++) {
    text(codes[i]!);
    out.ascii(',');
    text(names[i]!);
    out.ascii(',');
    text(groups[i]!);
    out.ascii(`,${formatPoints(result.totals[i]!, precision)},${result.ranks[i]!},`);
    out.ascii(flagName(result.flags[i]!) ?? '');
    out.ascii(result.vetoed[i] === 1 ? ',true,' : ',false,');
    let first = true;
    for (const r of indicators) {
      if (r.indicator.kind === 'scored' && Number.isNaN(r.values[i]!)) {
        if (!first) out.ascii(';');
        text(r.indicator.code);
        first = false;
      }
    }
    for (const r of indicators) {
      const value = r.values[i]!;
      const score = r.scores[i]!;
      const rank = r.ranks?.[i] ?? 0;
      out.ascii(Number.isNaN(value) ? ',,' : `,${value},`);
      if (!Number.isNaN(score)) out.ascii(formatPoints(score, precision));
      out.ascii(rank > 0 ? `,${rank}` : ',');
    }
    out.ascii('\r\n');
    if (out.full) yield out.take();
  }
  yield out.take();
}

/**
 * Appends text to a byte buffer and hands it over in chunks of about 1 MB: writing a province's
 * results builds no string per line and no table of cells.
 */
class ChunkWriter {
  private buffer = Buffer.allocUnsafe(1 << 21);
  private length = 0;
  get full(): boolean {
    return this.length >= 1 << 20;
  }
  /** Text known to be ASCII (numbers, separators): one byte per character. */
  ascii(s: string): void {
    this.reserve(s.length);
    this.length += this.buffer.write(s, this.length, 'latin1');
  }
  text(s: string): void {
    this.reserve(s.length * 3);
    this.length += this.buffer.write(s, this.length, 'utf8');
  }
  take(): Uint8Array {
    const chunk = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return chunk;
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
export function* resultsJsonChunks(result: RoundResult, pretty = false): Generator<Uint8Array> {
  const out = new ChunkWriter();
  if (result.size === 0) out.ascii('[]\n');
  if (pretty) {
    // Indented as `JSON.stringify(array, null, 2)` would; for reading by eye, not for speed.
    for (let i = 0; i < result.size; i++) {
      const unit = JSON.stringify(presentUnit(result, i), null, 2).replaceAll('\n', '\n  ');
      out.text(`${i === 0 ? '[\n' : ',\n'}  ${unit}`);
      if (out.full) yield out.take();
    }
    if (result.size > 0) out.ascii('\n]\n');
    yield out.take();
    return;
  }
  // Compact: written field by field in presentUnit's order, without an object per unit.
  const indicators = [...result.indicators.entries()].map(([code, r]) => ({
    r,
    key: `${JSON.stringify(code)}:{"value":`,
    code: JSON.stringify(code),
  }));
  const { codes, names, groups } = result.sheet;
  // As JSON.stringify writes a number: null for NaN (missing) and for anything not finite.
  const num = (x: number) => (Number.isFinite(x) ? String(x) : 'null');
  for (let i = 0; i < result.size; i++) {
    out.ascii(i === 0 ? '[{"code":' : ',{"code":');
    out.text(JSON.stringify(codes[i]!));
    out.ascii(',"name":');
    out.text(JSON.stringify(names[i]!));
    out.ascii(',"group":');
    out.text(JSON.stringify(groups[i]!));
    const flag = flagName(result.flags[i]!);
    out.ascii(
      `,"total":${num(result.totals[i]!)},"rank":${result.ranks[i]!},"flag":${flag === null ? 'null' : `"${flag}"`},"vetoed":${result.vetoed[i] === 1},"missing":[`,
    );
    let first = true;
    for (const { r, code } of indicators) {
      if (r.indicator.kind === 'scored' && Number.isNaN(r.values[i]!)) {
        out.text(first ? code : `,${code}`);
        first = false;
      }
    }
    out.ascii('],"indicators":{');
    first = true;
    for (const { r, key } of indicators) {
      const rank = r.ranks?.[i] ?? 0;
      out.text(first ? key : `,${key}`);
      out.ascii(
        `${num(r.values[i]!)},"score":${num(r.scores[i]!)},"rank":${rank > 0 ? rank : 'null'}}`,
      );
      first = false;
    }
    out.ascii('}}');
    if (out.full) yield out.take();
  }
  if (result.size > 0) out.ascii(']\n');
  yield out.take();
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
  const chunks =
    format === 'csv'
      ? [Buffer.from('\uFEFF'), ...resultsCsvChunks(result)]
      : resultsJsonChunks(result, options.pretty);
  await writeFileAtomic(path, chunks);
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
