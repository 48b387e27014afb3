import { apiDelete, apiGet, apiPost, apiPut } from './client.ts';
import type { UnitPathItem } from './units.ts';

export const ROLES = [
  'admin',
  'organizer',
  'evaluator',
  'reporter',
  'viewer',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

/** GET/POST /session: who is signed in, their unit and the CSRF token to echo. */
export interface Session {
  user: User;
  unit: UnitPathItem;
  unitPath: UnitPathItem[];
  csrfToken: string;
  expiresAt: string;
  /** The roles acted with: without 三权分立 an admin also acts as secadmin and auditor. */
  effectiveRoles?: Role[];
  separationOfDuties?: boolean;
  /** Set while the session may only change the password or set up the second factor. */
  restriction?: 'password_first' | 'password_expired' | 'totp_setup' | null;
  totpEnabled?: boolean;
  previousSignIn?: { at: string | null; ip: string | null; failuresSince: number };
}

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiGet<Session>('/session', { signal });
}

export function signIn(username: string, password: string, totp?: string): Promise<Session> {
  return apiPost<Session>('/session', { username, password, ...(totp ? { totp } : {}) });
}

export function signOut(): Promise<void> {
  return apiDelete('/session');
}

export function changePassword(current: string, next: string): Promise<void> {
  return apiPost('/session/password', { current, next });
}

/** The floor of any policy's least length (src/app/security-policy.ts). */
export const PASSWORD_MIN = 8;

export type { PasswordPolicy } from '../../../src/core/password-policy.ts';

import type { PasswordPolicy } from '../../../src/core/password-policy.ts';

/** The password policy in force (the web checks a new password against it as it is typed). */
export function getPolicy(signal?: AbortSignal): Promise<PasswordPolicy> {
  return apiGet<PasswordPolicy>('/security/policy', { signal });
}

export function setPolicy(policy: PasswordPolicy): Promise<PasswordPolicy> {
  return apiPut<PasswordPolicy>('/security/policy', policy);
}

export function startTotp(): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  return apiPost('/me/totp', {});
}

export function confirmTotp(code: string): Promise<{ recoveryCodes: string[] }> {
  return apiPost('/me/totp/confirm', { code });
}
