// Series (系列) and their bulk steps, rectifications (整改闭环) and the public notices (公示中):
// DESIGN §2, §7, §8, as the server declares them (schema.d.ts).
import { ApiError, apiGet, apiPost, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Body, Schema } from './types.ts';
import type { Page } from './units.ts';

export type SeriesSummary = Schema<'SeriesSummary'>;

/** Red and yellow flags of a series' contests in a period or a year, unit by unit. */
export type SeriesTallies = Schema<'SeriesTallies'>;
export type SeriesUnitTally = SeriesTallies['units'][number];

/** A series with its contests' rounds of the period and its tallies. */
export type SeriesDetail = Schema<'Series'>;
export type SeriesContest = SeriesDetail['contests'][number];

/** The outcome of a bulk step (or its preview): a line for each contest. */
export type BulkOutcome = Schema<'SeriesStep'>;
/** One contest's line of a bulk step (its preview or its outcome). */
export type BulkLine = BulkOutcome['lines'][number];

export function listSeries(signal?: AbortSignal): Promise<Page<SeriesSummary>> {
  return apiGet('/series', { signal });
}

export function getSeries(
  id: number | string,
  query: { period?: string; year?: number },
  signal?: AbortSignal,
): Promise<SeriesDetail> {
  return apiGet(`/series/${seg(id)}`, { query, signal });
}

/** A bulk step's body without dryRun, told apart by kind (open rounds, or move them on). */
export type BulkStep =
  | ({ kind: 'open' } & Omit<Body<'/api/v1/series/{id}/rounds', 'post'>, 'dryRun'>)
  | ({ kind: 'transition' } & Omit<Body<'/api/v1/series/{id}/transition', 'post'>, 'dryRun'>);

/**
 * Runs a bulk step, or previews it (dryRun). A step that some rounds cannot take is refused
 * whole (409 NOT_ALL_READY) with every line in its details: the preview returns those lines.
 */
export async function runBulkStep(
  seriesId: number,
  step: BulkStep,
  dryRun: boolean,
): Promise<BulkOutcome & { refused: boolean }> {
  const path =
    step.kind === 'open'
      ? `/series/${seg(seriesId)}/rounds`
      : `/series/${seg(seriesId)}/transition`;
  const { kind: _, ...body } = step;
  try {
    const out = await apiPost<BulkOutcome>(path, { ...body, dryRun });
    return { ...out, refused: false };
  } catch (error) {
    const lines = bulkLinesOf(error);
    if (dryRun && lines) {
      return { dryRun: true, lines, changed: 0, refused: true };
    }
    throw error;
  }
}

/** The lines of a refused bulk step (NOT_ALL_READY's details), if the error is one. */
export function bulkLinesOf(error: unknown): BulkLine[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'NOT_ALL_READY') return undefined;
  const lines = (error.details as { lines?: unknown } | undefined)?.lines;
  return Array.isArray(lines) ? (lines as BulkLine[]) : undefined;
}

export function downloadSeriesBulletin(id: number, period: string, title: string): Promise<void> {
  return downloadFile(`/series/${seg(id)}/bulletin.docx`, `${title}-${period}.docx`, { period });
}

export function downloadSeriesWorkbook(id: number, period: string, title: string): Promise<void> {
  return downloadFile(`/series/${seg(id)}/workbook.xlsx`, `${title}-${period}.xlsx`, { period });
}

// ---- 整改闭环 ----------------------------------------------------------------------------

export type Rectification = Schema<'Rectification'>;
export type RectificationState = Rectification['state'];

export function listRectifications(
  query: { state?: RectificationState; overdue?: boolean; contest?: number },
  signal?: AbortSignal,
): Promise<Page<Rectification>> {
  return apiGet('/rectifications', {
    query: { ...query, overdue: query.overdue ? 'true' : undefined },
    signal,
  });
}

export type RectificationAction = Body<'/api/v1/rectifications/{id}/actions', 'post'>;

export function actOnRectification(id: number, body: RectificationAction): Promise<Rectification> {
  return apiPost(`/rectifications/${seg(id)}/actions`, body);
}

// ---- 公示中 (public, no sign-in) --------------------------------------------------------

export type PublicNotice = Schema<'PublicNotice'>;

export function listPublicNotices(signal?: AbortSignal): Promise<Page<PublicNotice>> {
  return apiGet('/public/notices', { signal });
}
