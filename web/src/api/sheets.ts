// Excel and Word round trip (DESIGN §4): the fill-in template, the all-or-nothing import, the
// results workbook, CSV and the bulletin. Downloads go through fetch so a refusal (a bulletin
// before notice, say) reads as a sentence instead of a saved JSON file.
import { ApiError, apiPost, apiUrl, type QueryValue, seg } from './client.ts';
import type { Answer, Schema } from './types.ts';

/** Largest sheet the server accepts (src/app/sheets.ts IMPORT_MAX_BYTES). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** One refused cell of an import (error.details.problems): sheet null for CSV, row 0 for the file. */
export type SheetProblem = Required<
  Pick<Schema<'Problem'>, 'sheet' | 'row' | 'column' | 'cell' | 'value' | 'code' | 'message'>
>;

export type ImportSummary = Answer<'/api/v1/rounds/{id}/import', 'post'>;

export function importSheet(roundId: number, file: File): Promise<ImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost<ImportSummary>(`/rounds/${seg(roundId)}/import`, form);
}

/** The name the server gave the file (RFC 5987 first), or the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed name: use the plain one below.
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Fetches a file of the API and hands it to the browser as a download. */
export async function downloadFile(
  path: string,
  fallbackName: string,
  query?: Record<string, QueryValue>,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', undefined);
  }
  if (!response.ok) {
    let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const error = body?.error;
    if (error && typeof error.code === 'string') {
      throw new ApiError(response.status, error.code, error.message, error.details);
    }
    throw new ApiError(response.status, 'HTTP_ERROR', undefined);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const roundFiles = {
  template: (roundId: number) =>
    downloadFile(`/rounds/${seg(roundId)}/template.xlsx`, `template-${roundId}.xlsx`),
  results: (roundId: number, kind: 'xlsx' | 'csv', revision?: number) =>
    downloadFile(`/rounds/${seg(roundId)}/results.${kind}`, `results-${roundId}.${kind}`, {
      revision,
    }),
  bulletin: (roundId: number) =>
    downloadFile(`/rounds/${seg(roundId)}/bulletin.docx`, `bulletin-${roundId}.docx`),
};
