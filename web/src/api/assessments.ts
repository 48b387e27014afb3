// 综合绩效考核 (DESIGN §2): a yearly composite over several contests, with every unit's
// explanation of where its points came from.

import type { AssessedUnit, Scheme as AssessmentScheme } from '../../../src/core/assessment.ts';
import { apiGet, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Page } from './units.ts';

// The shapes are the engine's own (src/core is pure and shared with the web).
export type {
  Aggregate,
  AssessedUnit,
  Component as AssessmentComponent,
  ComponentExplanation,
  Conversion,
  Grade as AssessmentGrade,
  Scheme as AssessmentScheme,
} from '../../../src/core/assessment.ts';

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
