import { useEffect, useState } from 'react';
import { getUnit } from '../../api/units.ts';

export interface UnitLabel {
  code: string;
  name: string;
}

const cache = new Map<number, UnitLabel | null>();

/**
 * Names of units known only by id (a user carries its unit's id alone). The API resolves a
 * reference as a code first, so an id may name another unit (id 37 vs 山东省's code 37): an
 * answer for another id is dropped, and that unit shows by its number.
 */
export function useUnitNames(ids: number[]): Map<number, UnitLabel> {
  const [, setVersion] = useState(0);
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    const missing = key
      .split(',')
      .filter(Boolean)
      .map(Number)
      .filter((id) => !cache.has(id));
    if (missing.length === 0) return;
    let cancelled = false;
    void Promise.all(
      missing.map((id) =>
        getUnit(id).then(
          (unit) => cache.set(id, unit.id === id ? { code: unit.code, name: unit.name } : null),
          () => cache.set(id, null),
        ),
      ),
    ).then(() => {
      if (!cancelled) setVersion((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  const names = new Map<number, UnitLabel>();
  for (const id of ids) {
    const name = cache.get(id);
    if (name) names.set(id, name);
  }
  return names;
}
