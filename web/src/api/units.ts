import { apiGet } from './client.ts';

export const UNIT_KINDS = [
  'province',
  'city',
  'county',
  'street',
  'town',
  'township',
  'village',
  'community',
  'department',
  'other',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export interface UnitPathItem {
  id: number;
  code: string;
  name: string;
  kind: string;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  active: boolean;
  childCount: number;
  /** From the root down to the unit itself; sent by GET /units/:id and by searches. */
  path?: UnitPathItem[];
}

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
