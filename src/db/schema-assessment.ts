import type { Generated } from 'kysely';

/** Tables of the assessment beyond contests (migration 0011, DESIGN §8). */
export interface AssessmentVersionTable {
  id: Generated<number>;
  assessment_id: number;
  version: number;
  /** draft (a version before publication), publish, or correction (after). */
  kind: string;
  scheme_json: string;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface AssessmentRatingTable {
  assessment_id: number;
  component: string;
  rater_user_id: number;
  unit_id: number;
  score: number;
  updated_at: string;
}

export interface AssessmentAdjustmentTable {
  id: Generated<number>;
  assessment_id: number;
  unit_id: number;
  item_code: string;
  points: number;
  reason: string;
  evidence_sha256: string | null;
  evidence_name: string | null;
  evidence_type: string | null;
  /** pending, approved or rejected */
  state: string;
  created_by: number | null;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface AssessmentTables {
  assessment_versions: AssessmentVersionTable;
  assessment_ratings: AssessmentRatingTable;
  assessment_adjustments: AssessmentAdjustmentTable;
}
