import type { Generated } from 'kysely';

/** Per-user security state (issue 19): password age, lockout, second factor, last sign-in. */
export interface UserSecurityTable {
  user_id: number;
  password_changed_at: string | null;
  /** 1 when the password was set by someone else and must be changed at the next sign-in. */
  must_change_password: Generated<number>;
  /** Failed sign-ins of this account in the current window, counted atomically. */
  failures: Generated<number>;
  first_failure_at: string | null;
  locked_until: string | null;
  /** Base32 TOTP secret once confirmed, and the one being enrolled. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  /** The last accepted TOTP time step: a code of that step or earlier is never accepted again. */
  totp_last_step: number | null;
  last_login_at: string | null;
  last_login_ip: string | null;
  /** Failed sign-ins since the last successful one (shown at sign-in). */
  failures_since_login: Generated<number>;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** One row (id 1): the password policy as JSON, set by the security admin. */
export interface SecuritySettingsTable {
  id: number;
  policy_json: string;
  separation_of_duties: Generated<number>;
  updated_at: string;
}

export interface AccountTables {
  user_security: UserSecurityTable;
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodeTable;
  security_settings: SecuritySettingsTable;
}
