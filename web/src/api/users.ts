import { apiDelete, apiGet, apiPatch, apiPost, seg } from './client.ts';
import type { Answer, Body, Schema } from './types.ts';
import type { Page } from './units.ts';

export interface ListUsersParams {
  q?: string;
  /** Users of this unit's subtree (code or id); the admin's own subtree when absent. */
  unit?: string;
  limit?: number;
  offset?: number;
}

/** The users of a subtree, each with what the reader may do to it (policies/user.ts). */
export type UserList = Answer<'/api/v1/users', 'get'>;
export type ListedUser = UserList['items'][number];
export type AccountAbilities = ListedUser['may'];

export function listUsers(params: ListUsersParams, signal?: AbortSignal): Promise<UserList> {
  return apiGet<UserList>('/users', { query: { ...params }, signal });
}

export type CreateUserInput = Body<'/api/v1/users', 'post'>;

export type UpdateUserInput = Body<'/api/v1/users/{id}', 'patch'>;

/** A user with the one-time password made for them, shown once. */
export type UserWithSecret = Schema<'UserWithSecret'>;

export function createUser(input: CreateUserInput): Promise<UserWithSecret> {
  return apiPost<UserWithSecret>('/users', input);
}

export function updateUser(id: number, input: UpdateUserInput): Promise<UserWithSecret> {
  return apiPatch<UserWithSecret>(`/users/${seg(id)}`, input);
}

export type ApiToken = Schema<'ApiToken'>;

export function listTokens(userId: number, signal?: AbortSignal): Promise<Page<ApiToken>> {
  return apiGet<Page<ApiToken>>(`/users/${seg(userId)}/tokens`, { signal });
}

export function createToken(
  userId: number,
  name: string,
): Promise<Answer<'/api/v1/users/{id}/tokens', 'post'>> {
  return apiPost(`/users/${seg(userId)}/tokens`, { name });
}

export function revokeToken(userId: number, tokenId: number): Promise<void> {
  return apiDelete(`/users/${seg(userId)}/tokens/${seg(tokenId)}`);
}
