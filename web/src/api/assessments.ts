// 综合绩效考核 (DESIGN §2): a yearly composite over several contests, with every unit's
// explanation of where its points came from.
import { apiGet, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Page } from './units.ts';

export type Conversion =
  | { method: 'rank-linear'; first: number; last: number }
  | { method: 'relative-to-best'; points: number }
  | { method: 'total' };

export type Aggregate = 'mean' | 'sum' | 'latest';

export interface AssessmentComponent {
  contestId: number;
  title: string;
  weight: number;
  conversion: Conversion;
  aggregate: Aggregate;
}

export interface AssessmentGrade {
  name: string;
  percent: number;
}

export interface AssessmentScheme {
  components: AssessmentComponent[];
  flagPoints: { red: number; yellow: number };
  grades: { top: AssessmentGrade[]; bottom: AssessmentGrade[]; otherwise: string };
  precision?: number;
}

export interface AssessmentSummary {
  id: number;
  title: string;
  year: number;
}

export interface Assessment extends AssessmentSummary {
  organizer: { code: string; name: string };
  scheme: AssessmentScheme;
  participants: { code: string; name: string }[];
}

export interface ComponentExplanation {
  contestId: number;
  title: string;
  weight: number;
  rounds: {
    period: string;
    rank: number;
    total: number;
    points: number;
    flag: 'red' | 'yellow' | null;
  }[];
  /** The rounds' points aggregated, before the weight. */
  points: number;
  /** points × weight. */
  contribution: number;
}

export interface AssessedUnit {
  code: string;
  name: string;
  total: number;
  rank: number;
  grade: string;
  red: number;
  yellow: number;
  flagPoints: number;
  components: ComponentExplanation[];
}

export interface AssessmentResults {
  assessment: Assessment;
  items: AssessedUnit[];
  total: number;
}

export function listAssessments(signal?: AbortSignal): Promise<Page<AssessmentSummary>> {
  return apiGet<Page<AssessmentSummary>>('/assessments', { signal });
}

export function getAssessmentResults(
  id: number | string,
  signal?: AbortSignal,
): Promise<AssessmentResults> {
  return apiGet<AssessmentResults>(`/assessments/${seg(id)}/results`, { signal });
}

export function downloadAssessmentResults(id: number | string): Promise<void> {
  return downloadFile(`/assessments/${seg(id)}/results.xlsx`, `assessment-${id}.xlsx`);
}
