import { describe, expect, it } from 'vitest';
import { checkPeriod, periodLabel } from './period.ts';
import { canTransition } from './round-state.ts';

describe('checkPeriod', () => {
  it.each([
    ['month', '2026-06', true],
    ['month', '2026-13', false],
    ['month', '2026-6', false],
    ['week', '2026-W23', true],
    ['week', '2026-W53', true], // 2026 starts on a Thursday: 53 ISO weeks
    ['week', '2027-W53', false],
    ['week', '2026-W00', false],
    ['quarter', '2026-Q4', true],
    ['quarter', '2026-Q5', false],
    ['year', '2026', true],
    ['year', '2026-06', false],
    ['month', '2026', false],
  ] as const)('%s %s → %s', (cadence, key, ok) => {
    expect(checkPeriod(cadence, key).ok).toBe(ok);
  });

  it('explains the expected form', () => {
    const r = checkPeriod('quarter', '2026-06');
    expect(r.ok === false && r.message).toContain('2026-Q2');
  });
});

describe('periodLabel', () => {
  it.each([
    ['2026-06', '2026年6月'],
    ['2026-W03', '2026年第3周'],
    ['2026-Q2', '2026年第二季度'],
    ['2026', '2026年度'],
  ])('%s → %s', (key, label) => {
    expect(periodLabel(key)).toBe(label);
  });
});

describe('round transitions', () => {
  it.each([
    ['draft', 'collecting', true],
    ['collecting', 'reviewing', true],
    ['reviewing', 'notice', true],
    ['notice', 'published', true],
    ['reviewing', 'collecting', true],
    ['draft', 'published', false],
    ['collecting', 'notice', false],
    ['published', 'notice', false],
    ['published', 'collecting', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });
});
