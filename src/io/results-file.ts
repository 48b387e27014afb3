// Results out, as DESIGN §4 lays them: CSV and XLSX with the columns
// code,name,group,total,rank,flag,vetoed,missing then <code>.value,<code>.score,<code>.rank per
// indicator; JSON as an array of unit objects. No text cell ever starts a formula, and a file is
// written whole or not at all.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { excelRoundScaled, pow10 } from '../core/excel-round.ts';
import { flagName } from '../core/flags.ts';
import { presentRound, type RoundResult, unitOrder } from '../core/rank-round.ts';
import { stringifyCsv } from './csv.ts';

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
 * start a formula prefixed with an apostrophe.
 */
export function resultsToCsv(result: RoundResult): string {
  const table = resultsTable(result);
  const precision = result.rubric.precision;
  const csv = stringifyCsv([table.header, ...table.rows], (n, column) =>
    table.kinds[column] === 'points' ? formatPoints(n, precision) : String(n),
  );
  return `\uFEFF${csv}`;
}

/**
 * JSON of the results: the array of DESIGN §4, in sheet order; compact unless `pretty` (a
 * province's pretty-printed results are 2.5× the bytes and take as long to write as to compute).
 */
export function resultsToJson(result: RoundResult, pretty = false): string {
  return `${JSON.stringify(presentRound(result), null, pretty ? 2 : undefined)}\n`;
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

/** Bytes of the results in a format (`pretty` indents JSON). */
export async function resultsBytes(
  result: RoundResult,
  format: ResultsFormat,
  pretty = false,
): Promise<Buffer> {
  if (format === 'xlsx') return resultsToXlsx(result);
  return Buffer.from(
    format === 'csv' ? resultsToCsv(result) : resultsToJson(result, pretty),
    'utf8',
  );
}

/** Writes the results to a file whose format its extension names (or `format`), atomically. */
export async function writeResultsFile(
  result: RoundResult,
  path: string,
  format: ResultsFormat | undefined = resultsFormatOf(path),
  options: { pretty?: boolean } = {},
): Promise<void> {
  if (!format) throw new Error(`unknown results format: ${path}`);
  await writeFileAtomic(path, await resultsBytes(result, format, options.pretty));
}

/**
 * Writes to a temporary file beside the target and renames it into place, so a failure leaves
 * no partial file and an existing file is replaced only by a complete one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
