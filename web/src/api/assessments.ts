// 综合绩效考核 (DESIGN §2): a yearly composite over several contests, with every unit's
// explanation of where its points came from. The shapes are the server's (schema.d.ts), whose
// Scheme and AssessedUnit are held to the engine's own types (src/core/assessment.ts).

import { API_BASE, apiGet, apiPost, apiPut, seg } from './client.ts';
import { downloadFile } from './sheets.ts';
import type { Answer, Body, ItemOf, Schema } from './types.ts';
import type { Page } from './units.ts';

export type AssessmentScheme = Schema<'Scheme'>;
export type AssessmentComponent = AssessmentScheme['components'][number];
export type Conversion = AssessmentComponent['conversion'];
export type Aggregate = AssessmentComponent['aggregate'];
export type AssessedUnit = Schema<'AssessedUnit'>;
export type ComponentExplanation = AssessedUnit['components'][number];
export type ExplanationLine = AssessedUnit['lines'][number];

export type AssessmentSummary = ItemOf<Answer<'/api/v1/assessments', 'get'>>;

export type AssessmentDetail = Schema<'Assessment'>;

export type AssessmentResults = Answer<'/api/v1/assessments/{id}/results', 'get'>;

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

type RatingForms = Answer<'/api/v1/assessments/{id}/ratings', 'get'>;
export type RatingFormView = ItemOf<RatingForms>;

export type AdjustmentView = ItemOf<Answer<'/api/v1/assessments/{id}/adjustments', 'get'>>;

export function getRatingForms(id: number | string, signal?: AbortSignal): Promise<RatingForms> {
  return apiGet(`/assessments/${seg(id)}/ratings`, { signal });
}

export function submitRatingForm(
  id: number | string,
  body: Body<'/api/v1/assessments/{id}/ratings', 'put'>,
): Promise<Answer<'/api/v1/assessments/{id}/ratings', 'put'>> {
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
  body: Body<'/api/v1/assessments/{id}/adjustments', 'post'>,
): Promise<Answer<'/api/v1/assessments/{id}/adjustments', 'post'>> {
  return apiPost(`/assessments/${seg(id)}/adjustments`, body);
}

export function attachAdjustmentEvidence(
  id: number | string,
  adjustment: number,
  file: File,
): Promise<Answer<'/api/v1/assessments/{id}/adjustments/{adjustment}/evidence', 'post'>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiPost(`/assessments/${seg(id)}/adjustments/${adjustment}/evidence`, form);
}

export function decideAdjustment(
  id: number | string,
  adjustment: number,
  body: Body<'/api/v1/assessments/{id}/adjustments/{adjustment}/approve', 'post'>,
): Promise<Answer<'/api/v1/assessments/{id}/adjustments/{adjustment}/approve', 'post'>> {
  return apiPost(`/assessments/${seg(id)}/adjustments/${adjustment}/approve`, body);
}

export function publishAssessment(id: number | string): Promise<AssessmentDetail> {
  return apiPost(`/assessments/${seg(id)}/publish`);
}

export function adjustmentEvidenceUrl(id: number | string, adjustment: number): string {
  return `${API_BASE}/assessments/${seg(id)}/adjustments/${adjustment}/evidence`;
}
