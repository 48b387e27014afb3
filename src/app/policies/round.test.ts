import { describe, expect, it } from 'vitest';
import { ROUND_STATES } from '../../core/round-state.ts';
import { parseRubric, type Rubric } from '../../core/rubric.ts';
import { mayWriteCell, type RoundAccess, roundAbilities } from './round.ts';

const parsed = parseRubric(`title: t
indicators:
  - { code: S, name: 自报, points: 50, method: range }
  - { code: M, name: 评分, points: 50, method: manual }
`);
if (!parsed.ok) throw new Error('rubric');
const rubric: Rubric = parsed.rubric;
const [S, M] = rubric.indicators;

const OWN = 7;
const access = (over: Partial<RoundAccess>): RoundAccess => ({
  manage: false,
  readAll: false,
  evaluates: () => false,
  reportsFor: null,
  leadOf: () => 1,
  recused: () => false,
  ...over,
});
const manager = access({ manage: true, readAll: true });
const lead = access({ readAll: true, evaluates: (i) => i === 'M', recused: (u) => u === OWN });
const reporter = access({ reportsFor: OWN });

describe('round policy', () => {
  it('lets a reporter write its own self-reported cells while collecting, and no others', () => {
    expect(mayWriteCell(reporter, S!, OWN, 'direct', 'collecting')).toBe(true);
    expect(mayWriteCell(reporter, S!, OWN, 'direct', 'reviewing')).toBe(false);
    expect(mayWriteCell(reporter, M!, OWN, 'direct', 'collecting')).toBe(false);
    expect(mayWriteCell(reporter, S!, OWN + 1, 'direct', 'collecting')).toBe(false);
  });

  it('lets the lead office score its indicator for every unit but its own (回避)', () => {
    expect(mayWriteCell(lead, M!, OWN + 1, 'direct', 'reviewing')).toBe(true);
    expect(mayWriteCell(lead, M!, OWN, 'direct', 'reviewing')).toBe(false);
    expect(mayWriteCell(lead, S!, OWN + 1, 'direct', 'reviewing')).toBe(false);
    expect(mayWriteCell(lead, M!, OWN + 1, 'correction', 'published')).toBe(false);
    expect(mayWriteCell(manager, M!, OWN, 'correction', 'published')).toBe(true);
  });

  it('gives abilities that follow the state: fill while open, appeal in notice, correct once published', () => {
    const at = (a: RoundAccess, state: (typeof ROUND_STATES)[number]) =>
      roundAbilities(a, { state, derivation: null }, rubric, a.reportsFor ? 'v' : null);
    expect(at(reporter, 'collecting')).toMatchObject({
      fill: true,
      importSheet: true,
      appeal: false,
    });
    expect(at(reporter, 'reviewing')).toMatchObject({ fill: false, importSheet: false });
    expect(at(reporter, 'notice')).toMatchObject({ fill: false, appeal: true, decideAppeals: [] });
    expect(at(lead, 'notice')).toMatchObject({
      decideAppeals: ['M'],
      verify: ['M'],
      correct: false,
    });
    expect(at(lead, 'published')).toMatchObject({ verify: [], transition: [], correct: false });
    expect(at(manager, 'published')).toMatchObject({ correct: true, transition: [] });
    expect(at(manager, 'collecting').transition).toEqual(['reviewing', 'draft']);
    for (const state of ROUND_STATES) expect(at(access({}), state).fill).toBe(false);
    const derived = roundAbilities(
      manager,
      { state: 'reviewing', derivation: {} as never },
      rubric,
      null,
    );
    expect(derived).toMatchObject({ fill: false, importSheet: false });
  });
});
