import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../../src/core/rubric.ts';
import type { Entries } from '../../api/rounds.ts';
import { completenessOf } from './completeness.ts';

const rubric = {
  title: 't',
  precision: 2,
  ranking: 'competition',
  tieBreak: [],
  flags: {},
  indicators: [
    { kind: 'scored', code: 'A1', name: '人工', points: 30, method: 'manual', better: 'higher' },
    { kind: 'scored', code: 'A2', name: '占比', points: 40, method: 'relative', better: 'higher' },
    { kind: 'deduction', code: 'B1', name: '扣分', per: 1 },
  ],
} as Rubric;
const participants = [
  { code: 'u1', name: '甲镇', group: null },
  { code: 'u2', name: '乙镇', group: null },
  { code: 'u3', name: '丙镇', group: null },
] as never;

describe('completenessOf', () => {
  it('counts units with empty scored cells and reported values without evidence', () => {
    const entries = {
      items: [
        { unit: 'u1', indicator: 'A1', value: 20 },
        { unit: 'u1', indicator: 'A2', value: 3 },
        { unit: 'u2', indicator: 'A2', value: 5 },
        { unit: 'u3', indicator: 'A1', value: null },
      ],
      evidence: [{ unit: 'u1', indicator: 'A2' }],
      verifications: [],
      editable: { units: 'all', indicators: [] },
      total: 4,
    } as unknown as Entries;
    const c = completenessOf(rubric, participants, entries);
    expect(c).toMatchObject({ total: 3, incomplete: 2, withoutEvidence: 1 });
    expect(c.units.map((u) => [u.code, u.missingValues, u.missingEvidence])).toEqual([
      ['u1', [], []],
      ['u2', ['A1'], ['A2']],
      ['u3', ['A1', 'A2'], []],
    ]);
  });
});
