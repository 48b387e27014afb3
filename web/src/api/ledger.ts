// The project ledger (DESIGN §9) as the server presents it (src/app/projects.ts, problems.ts).
import { apiGet, apiPost, apiPut, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Page } from './units.ts';

export type Light = 'red' | 'yellow' | 'green';

export interface ProjectSummary {
  id: number;
  code: string;
  name: string;
  kind: string;
  kindName: string;
  state: string;
  stateName: string;
  unit: { code: string; name: string };
  owner: string | null;
  industry: string | null;
  totalInvestment: number;
  light: Light | null;
  lightName: string | null;
  lightReasons: string[];
}

export interface ProjectDetail extends ProjectSummary {
  description: string | null;
  stateReason: string | null;
  taskforce: {
    name: string;
    leaderPost: string;
    head: string;
    department: { name: string } | null;
    members: string[];
  } | null;
  investments: { month: string; planned: number | null; completed: number | null }[];
  totals: {
    year: number;
    yearPlanned: number;
    ytdPlanned: number;
    ytdCompleted: number;
    totalCompleted: number;
    ytdRate: number | null;
    yearRate: number | null;
    sinceStartRate: number | null;
  };
  milestones: {
    id: number;
    kind: string;
    name: string;
    planned: string;
    actual: string | null;
    daysLate: number;
  }[];
  logs: { id: number; date: string; who: string; kindName: string; text: string }[];
  lightHistory: { month: string; light: Light; reasons: string[] }[];
  may: { read: boolean; report: boolean; manage: boolean; plan: boolean };
}

export interface Problem {
  id: number;
  projectId: number;
  project?: { code: string; name: string; unit: string };
  title: string;
  state: string;
  stateName: string;
  owner: { code: string; name: string } | null;
  deadline: string | null;
  reply: string | null;
  raisedOn: string;
  closedOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  steps?: { action: string; note: string | null; by: string; at: string }[];
}

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

export function putInvestments(
  id: number,
  items: { month: string; planned?: number; completed?: number; confirm?: boolean }[],
) {
  return apiPut<ProjectDetail>(`/projects/${seg(id)}/investments`, items);
}

export function listProblems(
  query: Record<string, string | number | undefined>,
  signal?: AbortSignal,
) {
  return apiGet<Page<Problem>>('/problems', { query, signal });
}

export function actOnProblem(
  id: number,
  body: { action: string; note?: string; reply?: string; ownerUnit?: string; deadline?: string },
) {
  return apiPost<Problem>(`/problems/${seg(id)}/actions`, body);
}

/** One row of the county summary: a responsible unit or a kind. */
export interface LedgerGroup {
  key: string;
  name: string;
  projects: number;
  red: number;
  yellow: number;
  green: number;
  yearPlanned: number;
  ytdPlanned: number;
  ytdCompleted: number;
  rate: number | null;
  openProblems: number;
  overdueProblems: number;
}

export interface LedgerSummary {
  month: string;
  asOf: string;
  byUnit: LedgerGroup[];
  byKind: LedgerGroup[];
}

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

export function importLedger(
  file: File,
): Promise<{ created: number; updated: number; investments: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost('/projects/import', form);
}
