import { apiDelete, apiGet, apiPost } from './client.ts';
import type { UnitPathItem } from './units.ts';

export const ROLES = ['admin', 'organizer', 'evaluator', 'reporter', 'viewer'] as const;
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
}

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiGet<Session>('/session', { signal });
}

export function signIn(username: string, password: string): Promise<Session> {
  return apiPost<Session>('/session', { username, password });
}

export function signOut(): Promise<void> {
  return apiDelete('/session');
}

export function changePassword(current: string, next: string): Promise<void> {
  return apiPost('/session/password', { current, next });
}

/** The server's least length of a password (src/app/users.ts). */
export const PASSWORD_MIN = 10;
