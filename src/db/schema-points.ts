import type { Generated } from 'kysely';

/** A village's or community's party branch (党支部), one per unit. */
export interface PointsBranchTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  created_at: string;
}

/** Party members; never an ID number. `status`: active | transferred_out. */
export interface PointsMemberTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  gender: string;
  birth_year: number;
  joined_on: string;
  status: string;
  transferred_in_on: string | null;
  transferred_out_on: string | null;
  /** The member's own account, when they have one (nobody approves records about themselves). */
  user_id: number | null;
  created_at: string;
  updated_at: string;
}

/** Who records (branch clerk) and who reviews (secretary) for a branch. role: recorder | reviewer. */
export interface PointsAssignmentTable {
  user_id: number;
  branch_id: number;
  role: string;
}

/** A rules catalogue item of an organizer (a town, or the county for all its towns). */
export interface PointsRuleTable {
  id: Generated<number>;
  organizer_unit_id: number;
  category: string;
  item: string;
  points: number;
  item_cap: number | null;
  category_cap: number | null;
  active: Generated<number>;
  created_at: string;
}

/** status: pending | approved | rejected. `revision` 1 when made after its quarter froze. */
export interface PointsRecordTable {
  id: Generated<number>;
  member_id: number;
  branch_id: number;
  rule_id: number;
  points: number;
  occurred_on: string;
  note: string | null;
  evidence_sha256: string | null;
  evidence_type: string | null;
  status: string;
  revision: Generated<number>;
  recorded_by: number | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  created_at: string;
}

/** 积分申诉: a dispute about a record, answered by the branch reviewer. status: open | upheld | dismissed. */
export interface PointsDisputeTable {
  id: Generated<number>;
  record_id: number;
  reason: string;
  status: string;
  answer: string | null;
  filed_by: number | null;
  answered_by: number | null;
  filed_at: string;
  answered_at: string | null;
}

/** A quarter's state for an organizer's branches: notice (公示) then frozen. */
export interface PointsQuarterTable {
  organizer_unit_id: number;
  quarter: string;
  state: string;
  changed_at: string;
}

export interface PointsTables {
  points_branches: PointsBranchTable;
  points_members: PointsMemberTable;
  points_assignments: PointsAssignmentTable;
  points_rules: PointsRuleTable;
  points_records: PointsRecordTable;
  points_disputes: PointsDisputeTable;
  points_quarters: PointsQuarterTable;
}
