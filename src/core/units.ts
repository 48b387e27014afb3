/** Kinds of unit (DESIGN §2), plus province and city for the ancestors of an imported county. */
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

/** A unit as the API and the use cases see it. */
export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  active: boolean;
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
}
