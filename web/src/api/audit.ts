import { apiGet, apiUrl } from './client.ts';

export const AUDIT_KINDS = ['signin', 'account', 'export', 'data'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** The address of the filtered log as CSV or XLSX (a download link; the cookie authenticates). */
export function auditExportUrl(
  format: 'csv' | 'xlsx',
  query: Omit<AuditQuery, 'limit' | 'offset'>,
): string {
  return apiUrl(`/audit/export.${format}`, { ...query });
}

import type { Answer, Schema } from './types.ts';
import type { Page } from './units.ts';

export type AuditEvent = Schema<'AuditEvent'>;

export interface AuditQuery {
  /** `type` or `type:id`. */
  entity?: string;
  actor?: string;
  action?: string;
  /** signin, account, export or data (issue 19). */
  kind?: AuditKind;
  /** ISO dates (a date alone means the whole day). */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  return apiGet<Page<AuditEvent>>('/audit', { query: { ...query }, signal });
}

export type AuditVerification = Answer<'/api/v1/audit/verify', 'get'>;

export function verifyAudit(): Promise<AuditVerification> {
  return apiGet<AuditVerification>('/audit/verify');
}
