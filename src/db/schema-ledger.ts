/** Table types of the project ledger (migration 0012); joined into `Database` in schema.ts. */
import type { Generated } from 'kysely';

export interface LedgerTaskforceTable {
  id: Generated<number>;
  name: string;
  /** 挂点领导: a county post (县委常委、副县长 …), never a person's name in the demo. */
  leader_post: string;
  /** 专班负责人. */
  head: string;
  /** 帮包 department. */
  department_unit_id: number | null;
  /** JSON array of member names/posts. */
  members_json: string;
  created_at: string;
  updated_at: string;
}

export interface LedgerProjectTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  state: string;
  state_reason: string | null;
  unit_id: number;
  owner: string | null;
  location: string | null;
  industry: string | null;
  description: string | null;
  total_investment: number;
  start_year: number;
  taskforce_id: number | null;
  supplement_reason: string | null;
  light: string | null;
  light_reasons: string | null;
  published: Generated<number>;
  publish_investment: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface LedgerInvestmentTable {
  project_id: number;
  /** `YYYY-MM`. */
  month: string;
  planned: number | null;
  completed: number | null;
  updated_at: string;
}

export interface LedgerMilestoneTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  name: string;
  planned_on: string;
  actual_on: string | null;
  updated_at: string;
}

export interface LedgerLogTable {
  id: Generated<number>;
  project_id: number;
  on_date: string;
  who: string;
  /** daily 日常跟踪, onsite 现场服务, review 定期研判/调度会. */
  kind: string;
  text: string;
  /** JSON array of evidence file ids (the existing file store). */
  photos_json: string;
  created_by: number | null;
  created_at: string;
}

export interface LedgerProblemTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  detail: string | null;
  state: string;
  owner_unit_id: number | null;
  deadline: string | null;
  reply: string | null;
  raised_on: string;
  closed_on: string | null;
  created_by: number | null;
  updated_at: string;
}

export interface LedgerProblemStepTable {
  id: Generated<number>;
  problem_id: number;
  action: string;
  note: string | null;
  actor_name: string;
  at: string;
}

export interface LedgerLightTable {
  project_id: number;
  month: string;
  light: string;
  /** JSON array of reasons. */
  reasons: string;
  ytd_planned: number;
  ytd_completed: number;
  computed_at: string;
}

export interface LedgerEntrySourceTable {
  round_id: number;
  unit_id: number;
  indicator_code: string;
  measure: string;
  value: number | null;
  note: string | null;
}

/** One row (id 1): raised by triggers on every change the ledger list shows (migration 0021). */
export interface LedgerVersionTable {
  id: number;
  n: number;
}

export interface LedgerTables {
  ledger_taskforces: LedgerTaskforceTable;
  ledger_projects: LedgerProjectTable;
  ledger_investments: LedgerInvestmentTable;
  ledger_milestones: LedgerMilestoneTable;
  ledger_logs: LedgerLogTable;
  ledger_problems: LedgerProblemTable;
  ledger_problem_steps: LedgerProblemStepTable;
  ledger_lights: LedgerLightTable;
  ledger_entry_sources: LedgerEntrySourceTable;
  ledger_version: LedgerVersionTable;
}
