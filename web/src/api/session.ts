import { apiDelete, apiGet, apiPost, apiPut } from './client.ts';
import type { Answer, Schema } from './types.ts';

export { ROLES, type Role } from '../../../src/core/permissions.ts';

export type User = Schema<'User'>;

/** GET/POST /session: who is signed in, their unit and the CSRF token to echo. */
export type Session = Schema<'Session'>;

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

export function startTotp(): Promise<Answer<'/api/v1/me/totp', 'post'>> {
  return apiPost('/me/totp', {});
}

export function confirmTotp(code: string): Promise<Answer<'/api/v1/me/totp/confirm', 'post'>> {
  return apiPost('/me/totp/confirm', { code });
}
