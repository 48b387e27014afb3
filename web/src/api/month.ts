// 我的本月 (issue 14): what the signed-in user must fill, score or decide this month across
// contests, and the combined month workbook (a sheet per round) imported back all or nothing.
import { apiGet, apiPost } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Answer } from './types.ts';

export type MyMonth = Answer<'/api/v1/me/month', 'get'>;
export type MonthFill = MyMonth['fill'][number];
export type MonthAppeal = MyMonth['appeals'][number];
export type MonthRectification = MyMonth['rectifications'][number];
export type MonthAdvance = MyMonth['advance'][number];
export type MonthImportSummary = Answer<'/api/v1/me/month/import', 'post'>;

export function getMyMonth(period: string | undefined, signal?: AbortSignal): Promise<MyMonth> {
  return apiGet<MyMonth>('/me/month', { query: { period }, signal });
}

/** 下载本月合并填报表: one sheet per round the user fills or scores. */
export function downloadMonthWorkbook(period: string | undefined): Promise<void> {
  return downloadFile('/me/month.xlsx', `month-${period ?? 'current'}.xlsx`, { period });
}

/** Imports the filled workbook; a refusal carries every problem (error.details.problems). */
export function importMonthWorkbook(file: File): Promise<MonthImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost<MonthImportSummary>('/me/month/import', form);
}
