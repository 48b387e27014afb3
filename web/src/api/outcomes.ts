// Series (系列) and their bulk steps, rectifications (整改闭环) and the public notices (公示中):
// DESIGN §2, §7, §8. The shapes mirror src/app/series.ts, rectifications.ts, public-notices.ts.
import { ApiError, apiGet, apiPost, seg } from './client.ts';
import type { RoundState } from './contests.ts';
import { downloadFile } from './sheets.ts';
import type { Page } from './units.ts';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface SeriesSummary {
  id: number;
  title: string;
  office: string;
  docPrefix: string;
  copyTo: string | null;
  printedBy: string | null;
  contestIds: number[];
  createdAt: string;
  organizer: UnitRef;
}

export interface SeriesUnitTally {
  unit: UnitRef;
  red: number;
  yellow: number;
  contests: { id: number; title: string; color: 'red' | 'yellow'; period: string }[];
}

export interface SeriesTallies {
  period?: string;
  periodLabel?: string;
  year?: number;
  red: number;
  yellow: number;
  redUnits: number;
  yellowUnits: number;
  units: SeriesUnitTally[];
}

export interface SeriesContest {
  id: number;
  title: string;
  category: string;
  cadence: string;
  runsAtPeriod: boolean | null;
  round: {
    id: number;
    period: string;
    state: RoundState;
    stateName: string;
    deadline: string | null;
    revision: number;
    noticeEndsAt: string | null;
  } | null;
}

export interface SeriesDetail extends SeriesSummary {
  contests: SeriesContest[];
  tallies: { period?: SeriesTallies; year?: SeriesTallies };
  /** What the reader may do (the server's contest policy): run the series' bulk steps. */
  may: { manage: boolean };
}

/** One contest's line of a bulk step (its preview or its outcome). */
export interface BulkLine {
  contest: { id: number; title: string };
  roundId: number | null;
  from: RoundState | null;
  to: RoundState | null;
  action: 'open' | 'move' | 'skip' | 'refused';
  message: string;
  flags?: { red: string[]; yellow: string[] };
}

export interface BulkOutcome {
  dryRun: boolean;
  lines: BulkLine[];
  changed: number;
}

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

export type BulkStep =
  | { kind: 'open'; period: string; deadline?: string }
  | { kind: 'transition'; period: string; to: RoundState; reason?: string };

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

export type RectificationState = 'open' | 'submitted' | 'signed_off';

export interface Rectification {
  id: number;
  contestId: number;
  roundId: number;
  unitId: number;
  period: string;
  periodLabel: string;
  state: RectificationState;
  stateName: string;
  deadline: string;
  overdue: boolean;
  commitment: string | null;
  measures: string | null;
  submittedAt: string | null;
  signedOffAt: string | null;
  returnReason: string | null;
  interviewRequired: boolean;
  interviewOn: string | null;
  interviewNote: string | null;
  createdAt: string;
  unit: UnitRef;
  contest: { id: number; title: string; category: string };
}

export function listRectifications(
  query: { state?: RectificationState; overdue?: boolean; contest?: number },
  signal?: AbortSignal,
): Promise<Page<Rectification>> {
  return apiGet('/rectifications', {
    query: { ...query, overdue: query.overdue ? 'true' : undefined },
    signal,
  });
}

export type RectificationAction =
  | { action: 'submit'; commitment: string; measures: string }
  | { action: 'approve'; note?: string }
  | { action: 'return'; reason: string }
  | { action: 'interview'; date: string; note: string };

export function actOnRectification(id: number, body: RectificationAction): Promise<Rectification> {
  return apiPost(`/rectifications/${seg(id)}/actions`, body);
}

// ---- 公示中 (public, no sign-in) --------------------------------------------------------

export interface PublicNotice {
  id: number;
  period: string;
  periodLabel: string;
  contest: { id: number; title: string; category: string };
  stateName: string;
  noticeStartedAt: string | null;
  noticeEndsAt: string | null;
  results: {
    code: string;
    name: string;
    group: string;
    total: number;
    rank: number;
    flag: 'red' | 'yellow' | null;
  }[];
}

export function listPublicNotices(signal?: AbortSignal): Promise<Page<PublicNotice>> {
  return apiGet('/public/notices', { signal });
}
