import { UNIT_KINDS, type UnitKind } from '../../../src/core/units.ts';
import { apiGet } from './client.ts';
import type { Schema } from './types.ts';

export { UNIT_KINDS, type UnitKind } from '../../../src/core/units.ts';

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** A unit as a path names it (root first). */
export type UnitPathItem = Schema<'UnitRef'>;

/** A unit with its parent, state and children's count; `path` from GET /units/:id and searches. */
export type Unit = Schema<'Unit'>;

/** Every list endpoint answers `{ items, total }` (DESIGN §7). */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The server's largest page (`limit` ≤ 500). */
export const MAX_PAGE_SIZE = 500;

export interface ListUnitsParams {
  /** Children of this unit (id or code); with neither parent nor q: the roots. */
  parent?: number | string;
  /** Name contains q, or code starts with q, anywhere in the tree. */
  q?: string;
  kind?: UnitKind;
  limit?: number;
  offset?: number;
}

export function listUnits(params: ListUnitsParams, signal?: AbortSignal): Promise<Page<Unit>> {
  return apiGet<Page<Unit>>('/units', { query: { ...params }, signal });
}

export function getUnit(idOrCode: number | string, signal?: AbortSignal): Promise<Unit> {
  return apiGet<Unit>(`/units/${encodeURIComponent(String(idOrCode))}`, { signal });
}
