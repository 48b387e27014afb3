// A small typed fetch wrapper for the JSON API under /api/v1 (DESIGN §5, §7).
// Every failure becomes an ApiError; pages turn it into words with `errorMessage`.
import type { components } from './schema.d.ts';

export const API_BASE = '/api/v1';

/** The error body every API route sends (DESIGN §5; components.schemas.Error of openapi.json). */
export type ApiErrorBody = components['schemas']['Error'];

/** One thing wrong with an input, in `error.details.problems` (src/core/errors.ts Problem). */
export type Problem = components['schemas']['Problem'];

/** Codes the client itself assigns when the server gave none. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE' | 'HTTP_ERROR';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's stable code (NOT_FOUND, ROUND_CLOSED …) or a ClientErrorCode. */
    readonly code: string,
    /** The server's own message, meant for users (Chinese), when it sent one. */
    readonly serverMessage: string | undefined,
    readonly details?: unknown,
  ) {
    super(serverMessage ?? `${code} (${status})`);
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON, or a FormData sent as multipart (the browser sets its boundary). */
  body?: unknown;
  signal?: AbortSignal | undefined;
}

// The session's CSRF token (DESIGN §7): every cookie-authenticated mutation echoes it in
// X-CSRF-Token. The session provider sets it on sign-in and on load, and clears it on sign-out.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called when a request made with a session answers 401 (the session expired or was ended
 * elsewhere), so the app can forget the user and send them to sign in. Returns the unsubscriber.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(response.status, 'BAD_RESPONSE', undefined);
  }
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? null
          : multipart
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'NETWORK', undefined);
  }

  if (response.ok) {
    return (await readJson(response)) as T;
  }

  // A proxy or a crash may answer with HTML or nothing at all: fall back to the status.
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (error) {
    if (isAbortError(error)) throw error;
    body = undefined;
  }
  // A 401 while signed in means the session is gone; signing in itself answers 401 for a wrong
  // password, which is not that.
  if (response.status === 401 && csrfToken && path !== '/session') {
    for (const listener of unauthorizedListeners) listener();
  }
  if (isApiErrorBody(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  }
  throw new ApiError(response.status, 'HTTP_ERROR', undefined);
}

export function apiGet<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
  return apiRequest<T>('GET', path, options);
}

export function apiPost<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>('POST', path, { body, signal });
}

export function apiPut<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>('PUT', path, { body });
}

export function apiPatch<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>('PATCH', path, { body });
}

export function apiDelete<T = void>(path: string): Promise<T> {
  return apiRequest<T>('DELETE', path);
}

/** A path segment: ids and codes may hold characters with a meaning in URLs. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}
