// 完整性检查: which units have left cells empty and which values carry no evidence, before a round
// moves to review (issue 14, item 4). Computed from the entries the organizer already reads.
import type { Rubric } from '../../../../src/core/rubric.ts';
import type { Participant } from '../../api/contests.ts';
import type { Entries } from '../../api/rounds.ts';
import { cellKey } from './entry-model.ts';

export interface UnitCompleteness {
  code: string;
  name: string;
  /** Scored indicators with no value (they score 0 if left so). */
  missingValues: string[];
  /** Self-reported values (every method but manual) with no evidence file. */
  missingEvidence: string[];
}

export interface Completeness {
  units: UnitCompleteness[];
  /** Units with at least one missing value: the "X" of "18 个单位中 X 个未填报". */
  incomplete: number;
  withoutEvidence: number;
  total: number;
}

/** Per unit, the scored cells left empty and the reported values without evidence. */
export function completenessOf(
  rubric: Rubric,
  participants: Participant[],
  entries: Entries,
): Completeness {
  const values = new Map(entries.items.map((e) => [cellKey(e.unit, e.indicator), e.value]));
  const evidenced = new Set(entries.evidence.map((f) => cellKey(f.unit, f.indicator)));
  const scored = rubric.indicators.filter((i) => i.kind === 'scored');
  const units = participants.map((p) => {
    const missingValues: string[] = [];
    const missingEvidence: string[] = [];
    for (const indicator of scored) {
      const key = cellKey(p.code, indicator.code);
      const value = values.get(key);
      if (value === null || value === undefined) missingValues.push(indicator.code);
      else if (indicator.method !== 'manual' && !evidenced.has(key))
        missingEvidence.push(indicator.code);
    }
    return { code: p.code, name: p.name, missingValues, missingEvidence };
  });
  return {
    units,
    incomplete: units.filter((u) => u.missingValues.length > 0).length,
    withoutEvidence: units.filter((u) => u.missingEvidence.length > 0).length,
    total: units.length,
  };
}
