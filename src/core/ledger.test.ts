// The ledger's pure rules: the light against a slow literal reading of DESIGN §9 (fast-check),
// hand-checked cases, the state machines and milestone order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canMoveProject,
  computeLight,
  DEFAULT_LIGHT_THRESHOLDS,
  type Light,
  type LightInput,
  milestoneOrderProblem,
  monthEnd,
  problemNext,
  scheduleShare,
} from './ledger.ts';

/** DESIGN §9 read literally, one condition at a time, by counting days with Date objects. */
function referenceLight(input: LightInput): Light {
  const asOf = new Date(`${input.asOf}T00:00:00Z`);
  const year = asOf.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const next = new Date(Date.UTC(year + 1, 0, 1));
  const elapsed =
    ((asOf.getTime() - jan1.getTime()) / 86_400_000 + 1) /
    ((next.getTime() - jan1.getTime()) / 86_400_000);
  const lateBy = (from: string) =>
    (asOf.getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000;
  const conditions: Light[] = [];
  if (input.yearPlanned > 0) {
    const behindPoints = elapsed * 100 - (input.ytdCompleted / input.yearPlanned) * 100;
    if (behindPoints > 30) conditions.push('red');
    else if (behindPoints >= 10) conditions.push('yellow');
  }
  for (const m of input.milestones) {
    const reached = m.actual !== null && m.actual <= input.asOf;
    if (reached) continue;
    const days = lateBy(m.planned);
    if (days > 60) conditions.push('red');
    else if (days > 0) conditions.push('yellow');
  }
  for (const p of input.problems) {
    if (p.deadline === null || (p.closedOn !== null && p.closedOn <= input.asOf)) continue;
    const days = lateBy(p.deadline);
    if (days > 30) conditions.push('red');
    else if (days > 0) conditions.push('yellow');
  }
  if (conditions.includes('red')) return 'red';
  if (conditions.includes('yellow')) return 'yellow';
  return 'green';
}

const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const input: fc.Arbitrary<LightInput> = fc.record({
  asOf: day,
  yearPlanned: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
  ytdCompleted: fc.integer({ min: 0, max: 150_000 }),
  milestones: fc.array(fc.record({ planned: day, actual: fc.option(day, { nil: null }) }), {
    maxLength: 4,
  }),
  problems: fc.array(
    fc.record({
      deadline: fc.option(day, { nil: null }),
      closedOn: fc.option(day, { nil: null }),
    }),
    { maxLength: 4 },
  ),
});

describe('traffic light (DESIGN §9)', () => {
  it('equals the literal reading of the rule on random projects', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(computeLight(i).light).toBe(referenceLight(i));
      }),
      { numRuns: 3000 },
    );
  });

  it('is never better after more time passes with nothing done', () => {
    const rank: Record<Light, number> = { green: 0, yellow: 1, red: 2 };
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 200 }), (i, later) => {
        // Stay within the same year: the investment criterion restarts each January.
        const next = new Date(Date.parse(`${i.asOf}T00:00:00Z`) + later * 86_400_000)
          .toISOString()
          .slice(0, 10);
        fc.pre(next.slice(0, 4) === i.asOf.slice(0, 4));
        const open = {
          ...i,
          milestones: i.milestones.map((m) => ({ ...m, actual: null })),
          problems: i.problems.map((p) => ({ ...p, closedOn: null })),
        };
        expect(rank[computeLight({ ...open, asOf: next }).light]).toBeGreaterThanOrEqual(
          rank[computeLight(open).light],
        );
      }),
    );
  });

  it('reads the thresholds at their edges as the design says', () => {
    const base = { asOf: '2026-06-30', milestones: [], problems: [] };
    const share = scheduleShare('2026-06-30'); // 181/365 = 49.59
    expect(share).toBeCloseTo(49.589, 2);
    // 30 points behind exactly is yellow; a hair more is red.
    const at = (behind: number) => ({
      ...base,
      yearPlanned: 1000,
      ytdCompleted: (share - behind) * 10,
    });
    expect(computeLight(at(30)).light).toBe('yellow');
    expect(computeLight(at(30.01)).light).toBe('red');
    expect(computeLight(at(10)).light).toBe('yellow');
    expect(computeLight(at(9.99)).light).toBe('green');
    expect(computeLight({ ...base, yearPlanned: 0, ytdCompleted: 0 }).light).toBe('green');
    // A milestone 60 days late is yellow, 61 red; reached on time it counts for nothing.
    const ms = (planned: string, actual: string | null = null) => ({
      ...base,
      yearPlanned: 0,
      ytdCompleted: 0,
      milestones: [{ planned, actual }],
    });
    expect(computeLight(ms('2026-05-01')).light).toBe('yellow'); // 60 days
    expect(computeLight(ms('2026-04-30')).light).toBe('red'); // 61 days
    expect(computeLight(ms('2026-04-30', '2026-05-02')).light).toBe('green');
    expect(computeLight(ms('2026-06-30')).light).toBe('green');
    // A problem 30 days overdue is yellow, 31 red; closed by then, nothing.
    const pr = (deadline: string, closedOn: string | null = null) => ({
      ...base,
      yearPlanned: 0,
      ytdCompleted: 0,
      problems: [{ deadline, closedOn }],
    });
    expect(computeLight(pr('2026-05-31')).light).toBe('yellow');
    expect(computeLight(pr('2026-05-30')).light).toBe('red');
    expect(computeLight(pr('2026-05-30', '2026-06-30')).light).toBe('green');
    expect(computeLight(pr('2026-05-30')).reasons).toEqual(['问题超期31天未销号']);
  });

  it('takes its thresholds from the caller', () => {
    const i = {
      asOf: '2026-06-30',
      yearPlanned: 0,
      ytdCompleted: 0,
      problems: [],
      milestones: [{ planned: '2026-06-20', actual: null }],
    };
    expect(computeLight(i).light).toBe('yellow');
    expect(computeLight(i, { ...DEFAULT_LIGHT_THRESHOLDS, redMilestoneDays: 5 }).light).toBe('red');
  });
});

describe('state machines', () => {
  it('moves a project along the library line only', () => {
    expect(canMoveProject('planning', 'reserve')).toBe(true);
    expect(canMoveProject('planning', 'active')).toBe(false);
    expect(canMoveProject('active', 'suspended')).toBe(true);
    expect(canMoveProject('suspended', 'active')).toBe(true);
    expect(canMoveProject('retired', 'active')).toBe(false);
  });

  it('walks a problem round its closed loop', () => {
    expect(problemNext('raised', 'assign')).toBe('assigned');
    expect(problemNext('assigned', 'remind')).toBe('reminded');
    expect(problemNext('reminded', 'escalate')).toBe('escalated');
    expect(problemNext('escalated', 'reply')).toBe('replied');
    expect(problemNext('replied', 'confirm')).toBe('confirmed');
    expect(problemNext('confirmed', 'close')).toBe('closed');
    expect(problemNext('raised', 'close')).toBeNull();
    expect(problemNext('closed', 'reply')).toBeNull();
  });

  it('refuses milestones out of order, planned or reached', () => {
    expect(
      milestoneOrderProblem([
        { kind: 'start', planned: '2026-03-01', actual: null },
        { kind: 'finished', planned: '2026-02-01', actual: null },
      ]),
    ).toEqual({ field: 'planned', kind: 'finished', after: 'start' });
    expect(
      milestoneOrderProblem([
        { kind: 'start', planned: '2026-03-01', actual: null },
        { kind: 'finished', planned: '2026-09-01', actual: '2026-04-01' },
      ]),
    ).toEqual({ field: 'actual', kind: 'finished', after: 'start' });
    expect(
      milestoneOrderProblem([
        { kind: 'start', planned: '2026-03-01', actual: '2026-03-05' },
        { kind: 'custom', planned: '2026-01-01', actual: null },
        { kind: 'finished', planned: '2026-09-01', actual: null },
      ]),
    ).toBeNull();
    expect(monthEnd('2028-02')).toBe('2028-02-29');
  });
});
