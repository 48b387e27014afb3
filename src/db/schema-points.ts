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
  /** What the record counts after the yearly caps (0 unless approved); kept by the use cases. */
  counted: Generated<number>;
}

/**
 * Counted points of approved records per branch × member × period (`2026-11`, `2026-Q4`,
 * `2026`): what a month's, quarter's or year's leaderboard reads. Kept with `counted`.
 */
export interface PointsTotalTable {
  branch_id: number;
  period: string;
  member_id: number;
  awarded: number;
  deducted: number;
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

/** One row (id 1) whose `n` grows with every change that moves a leaderboard. */
export interface PointsVersionTable {
  id: number;
  n: number;
}

/** One row (id 1): raised by triggers when a branch or a member a board lists changes (migration 0023). */
export interface PointsRosterVersionTable {
  id: number;
  n: number;
}

/** An organizer's quarter classes: thresholds (points) or quotas (shares of a branch). */
export interface PointsClassRuleTable {
  organizer_unit_id: number;
  mode: string;
  vanguard: number;
  improve: number;
  changed_at: string;
}

/** A star of the 星级文明户 scheme of an organizer (town or county), with its pass/fail criteria. */
export interface HouseholdStarTable {
  id: Generated<number>;
  organizer_unit_id: number;
  name: string;
  criteria: string;
  active: Generated<number>;
  created_at: string;
}

/** A village household (by its head's name; never an ID number). */
export interface HouseholdTable {
  id: Generated<number>;
  unit_id: number;
  head_name: string;
  group_name: string | null;
  size: number | null;
  /** After a revocation: no claim before this date (2 years). */
  barred_until: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A household's claim for a year: stage claimed → reviewed (村民评议) → checked (村委会审核) →
 * filed (乡镇备案); or rejected, or revoked. `stars` JSON array of star ids claimed; `results`
 * JSON {starId: "pass"|"fail"} of the latest step.
 */
export interface HouseholdClaimTable {
  id: Generated<number>;
  household_id: number;
  year: number;
  stars: string;
  stage: string;
  results: string | null;
  awarded: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface HouseholdClaimStepTable {
  id: Generated<number>;
  claim_id: number;
  step: string;
  results: string | null;
  note: string | null;
  user_id: number | null;
  at: string;
}

/** 积分超市: an item a village's market offers, its cost in points and its stock. */
export interface PointsMarketItemTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  cost: number;
  stock: number;
  active: Generated<number>;
  created_at: string;
}

/** Points spent; they lower the member's balance, never the ranking points. */
export interface PointsRedemptionTable {
  id: Generated<number>;
  member_id: number;
  item_id: number;
  quantity: number;
  points: number;
  redeemed_on: string;
  recorded_by: number | null;
  created_at: string;
}

export interface PointsTables {
  points_branches: PointsBranchTable;
  points_members: PointsMemberTable;
  points_assignments: PointsAssignmentTable;
  points_rules: PointsRuleTable;
  points_records: PointsRecordTable;
  points_disputes: PointsDisputeTable;
  points_totals: PointsTotalTable;
  points_quarters: PointsQuarterTable;
  points_version: PointsVersionTable;
  points_roster_version: PointsRosterVersionTable;
  points_class_rules: PointsClassRuleTable;
  household_stars: HouseholdStarTable;
  households: HouseholdTable;
  household_claims: HouseholdClaimTable;
  household_claim_steps: HouseholdClaimStepTable;
  points_market_items: PointsMarketItemTable;
  points_redemptions: PointsRedemptionTable;
}
