import { describe, expect, it } from 'vitest';
import { demoCalendar, isoWeek } from './demo-calendar.ts';

describe('the demo calendar', () => {
  it('counts back four published months, this month collecting, three weeks and the last quarter', () => {
    expect(demoCalendar(new Date('2026-11-16T02:00:00Z'))).toEqual({
      months: ['2026-07', '2026-08', '2026-09', '2026-10'],
      current: '2026-11',
      currentDeadline: '2026-11-28',
      weeks: ['2026-W44', '2026-W45', '2026-W46'],
      quarter: '2026-Q3',
      quarterExtraMonths: [],
      year: 2026,
    });
  });
  it('crosses the year and keeps the deadline ahead late in the month', () => {
    const c = demoCalendar(new Date('2027-01-29T20:00:00Z')); // 2027-01-30 in China
    expect(c.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(c.current).toBe('2027-01');
    expect(c.currentDeadline).toBe('2027-02-06');
    expect(c.quarter).toBe('2026-Q4');
    expect(c.year).toBe(2026);
  });
  it('adds the month a quarter needs when the current month ends a quarter', () => {
    const c = demoCalendar(new Date('2026-09-10T00:00:00Z'));
    expect(c.quarter).toBe('2026-Q2');
    expect(c.quarterExtraMonths).toEqual(['2026-04']);
  });
  it('names ISO weeks', () => {
    expect(isoWeek(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-11-09T00:00:00Z'))).toBe('2026-W46');
  });
});
