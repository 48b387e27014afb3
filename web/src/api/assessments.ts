// 综合绩效考核 (DESIGN §2): a yearly composite over several contests, with every unit's
// explanation of where its points came from.

import type { AssessedUnit, Scheme as AssessmentScheme } from '../../../src/core/assessment.ts';
import { API_BASE, apiGet, apiPost, apiPut, seg } from './client.ts';
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
  assessment: AssessmentDetail;
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

// ---- DESIGN §8: versions, rating forms, adjustments, publication ----------------------------

export type {
  ExplanationLine,
  RatingExplanation,
} from '../../../src/core/assessment.ts';

export interface AssessmentDetail extends Assessment {
  state: 'draft' | 'published';
  version: number;
  versions: { version: number; kind: string; reason: string | null; created_at: string }[];
  may: { manage: boolean; readAll: boolean; rate: boolean; propose: boolean };
}

export interface RatingFormView {
  component: string;
  name: string;
  max: number;
  class: string;
  className: string;
  units: { code: string; name: string; score: number | null }[];
}

export interface AdjustmentView {
  id: number;
  unit: string;
  unitName: string;
  item: string;
  itemName: string;
  kind: 'bonus' | 'deduction' | 'veto';
  points: number;
  reason: string;
  state: 'pending' | 'approved' | 'rejected';
  evidence: { name: string; type: string } | null;
  createdBy: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

export function getRatingForms(
  id: number | string,
  signal?: AbortSignal,
): Promise<Page<RatingFormView> & { open: boolean }> {
  return apiGet(`/assessments/${seg(id)}/ratings`, { signal });
}

export function submitRatingForm(
  id: number | string,
  body: { component: string; class: string; ratings: { unit: string; score: number }[] },
): Promise<unknown> {
  return apiPut(`/assessments/${seg(id)}/ratings`, body);
}

export function listAdjustments(
  id: number | string,
  signal?: AbortSignal,
): Promise<Page<AdjustmentView>> {
  return apiGet(`/assessments/${seg(id)}/adjustments`, { signal });
}

export function proposeAdjustment(
  id: number | string,
  body: { unit: string; item: string; points: number; reason: string },
): Promise<{ id: number; state: 'pending' }> {
  return apiPost(`/assessments/${seg(id)}/adjustments`, body);
}

export function attachAdjustmentEvidence(
  id: number | string,
  adjustment: number,
  file: File,
): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost(`/assessments/${seg(id)}/adjustments/${adjustment}/evidence`, form);
}

export function decideAdjustment(
  id: number | string,
  adjustment: number,
  body: { decision: 'approved' | 'rejected'; reason?: string },
): Promise<unknown> {
  return apiPost(`/assessments/${seg(id)}/adjustments/${adjustment}/approve`, body);
}

export function publishAssessment(id: number | string): Promise<AssessmentDetail> {
  return apiPost(`/assessments/${seg(id)}/publish`);
}

export function adjustmentEvidenceUrl(id: number | string, adjustment: number): string {
  return `${API_BASE}/assessments/${seg(id)}/adjustments/${adjustment}/evidence`;
}
