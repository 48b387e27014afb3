// The project ledger (DESIGN §9) as the server presents it (src/app/projects.ts, problems.ts).
import { apiGet, apiPatch, apiPost, apiPut, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Answer, Body, ItemOf, Schema } from './types.ts';
import type { Page } from './units.ts';

export type Light = Schema<'Light'>;

export type ProjectSummary = Schema<'ProjectSummary'>;

/** A project with its plan, progress, milestones, logs, light history and what the reader may do. */
export type ProjectDetail = Schema<'Project'>;

/** A problem (问题) raised on a project; the list also carries each one's steps. */
export type Problem = Schema<'LedgerProblem'>;
export type ProblemWithSteps = ItemOf<Answer<'/api/v1/problems', 'get'>>;

export interface ProjectFilter {
  kind?: string | undefined;
  unit?: string | undefined;
  light?: string | undefined;
  state?: string | undefined;
  q?: string | undefined;
  limit?: number;
  offset?: number;
}

export function listProjects(filter: ProjectFilter, signal?: AbortSignal) {
  return apiGet<Page<ProjectSummary>>('/projects', { query: { ...filter }, signal });
}

export function getProject(id: string | number, signal?: AbortSignal) {
  return apiGet<ProjectDetail>(`/projects/${seg(id)}`, { signal });
}

/** Shows a project on the public site, and its investment with it (the planning office). */
export function publishProject(
  id: number,
  changes: { published?: boolean; publishInvestment?: boolean },
) {
  return apiPatch<ProjectDetail>(`/projects/${seg(id)}`, changes);
}

export function putInvestments(
  id: number,
  items: Body<'/api/v1/projects/{id}/investments', 'put'>,
) {
  return apiPut<ProjectDetail>(`/projects/${seg(id)}/investments`, items);
}

export function listProblems(
  query: Record<string, string | number | undefined>,
  signal?: AbortSignal,
) {
  return apiGet<Page<ProblemWithSteps>>('/problems', { query, signal });
}

export function actOnProblem(id: number, body: Body<'/api/v1/problems/{id}/actions', 'post'>) {
  return apiPost<Problem>(`/problems/${seg(id)}/actions`, body);
}

export type LedgerSummary = Answer<'/api/v1/ledger/summary', 'get'>;

/** One row of the county summary: a responsible unit or a kind. */
export type LedgerGroup = LedgerSummary['byUnit'][number];

export function getLedgerSummary(month: string, signal?: AbortSignal) {
  return apiGet<LedgerSummary>('/ledger/summary', { query: { month }, signal });
}

export const ledgerFiles = {
  report: (month: string) =>
    downloadFile('/projects/report.xlsx', `ledger-report-${month}.xlsx`, { month }),
  brief: (month: string) =>
    downloadFile('/projects/report.docx', `ledger-brief-${month}.docx`, { month }),
  export: () => downloadFile('/projects/export.xlsx', 'ledger.xlsx'),
};

export function importLedger(file: File): Promise<Answer<'/api/v1/projects/import', 'post'>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost('/projects/import', form);
}
