import { DomainError } from '../core/errors.ts';
import {
  insertUnits,
  type NewUnit,
  unitsByCodePrefix,
  unitsByCodes,
  updateUnit,
} from '../db/unit.repository.ts';
import { type DivisionUnit, readDivision, UnknownDivisionError } from '../io/china-division.ts';
import { type AppContext, audit, inTransaction } from './context.ts';

export interface ImportSummary {
  code: string;
  name: string;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports the subtree of real divisions under a province, city or county code. Re-importing is
 * idempotent: units are matched by code, new ones inserted, renamed or moved ones updated.
 */
export async function importDivision(ctx: AppContext, code: string): Promise<ImportSummary> {
  let divisions: DivisionUnit[];
  try {
    divisions = await readDivision(code);
  } catch (error) {
    if (error instanceof UnknownDivisionError) {
      throw new DomainError('UNKNOWN_DIVISION', error.message, { code });
    }
    throw error;
  }
  return inTransaction(ctx, async (tx) => {
    const { db, clock } = tx;
    const now = clock.now().toISOString();
    const ancestorCodes = divisions.filter((d) => !d.code.startsWith(code)).map((d) => d.code);
    const existing = new Map(
      [...(await unitsByCodes(db, ancestorCodes)), ...(await unitsByCodePrefix(db, code))].map(
        (row) => [row.code, row],
      ),
    );
    const ids = new Map<string, number>();
    for (const [c, row] of existing) ids.set(c, row.id);
    let inserted = 0;
    let updated = 0;
    // Parents come before children, one level at a time, so every parent has its id.
    const levels = [2, 4, 6, 9, 12];
    for (const length of levels) {
      const fresh: NewUnit[] = [];
      for (const d of divisions) {
        if (d.code.length !== length) continue;
        const parentId = d.parentCode ? (ids.get(d.parentCode) ?? null) : null;
        const row = existing.get(d.code);
        if (!row) {
          fresh.push({ code: d.code, name: d.name, kind: d.kind, parentId, source: 'division' });
        } else if (row.name !== d.name || row.kind !== d.kind || row.parent_id !== parentId) {
          await updateUnit(db, row.id, { name: d.name, kind: d.kind, parentId }, now);
          updated += 1;
        }
      }
      for (const [c, id] of await insertUnits(db, fresh, now)) ids.set(c, id);
      inserted += fresh.length;
    }
    const root = divisions.find((d) => d.code === code)!;
    const summary = {
      code,
      name: root.name,
      total: divisions.length,
      inserted,
      updated,
      unchanged: divisions.length - inserted - updated,
    };
    await audit(tx, {
      action: 'units.import',
      entityType: 'division',
      entityId: code,
      unitId: ids.get(code) ?? null,
      after: summary,
    });
    return summary;
  });
}
