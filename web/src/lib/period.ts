import { periodLabel as chineseLabel } from '../../../src/core/period.ts';
import type { Cadence } from '../api/contests.ts';

/** 2026年6月 in Chinese; the key itself (2026-06) in English. */
export function periodText(period: string, language: string): string {
  return language.startsWith('zh') ? chineseLabel(period) : period;
}

function isoWeek(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return {
    year: d.getUTCFullYear(),
    week: Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7),
  };
}

/** The period key of a date for a cadence: 2026-06, 2026-W23, 2026-Q2, 2026. */
export function periodOf(cadence: Cadence, date = new Date()): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  switch (cadence) {
    case 'week': {
      const { year, week } = isoWeek(date);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${y}-${String(m).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'year':
      return String(y);
  }
}

/** The period after `period` (the next round to open). */
export function nextPeriod(cadence: Cadence, period: string): string {
  const year = Number(period.slice(0, 4));
  switch (cadence) {
    case 'month': {
      const m = Number(period.slice(5));
      return m >= 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
    }
    case 'quarter': {
      const q = Number(period.slice(6));
      return q >= 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
    }
    case 'year':
      return String(year + 1);
    case 'week': {
      const w = Number(period.slice(6));
      // The Thursday of the week, plus seven days, names the next week.
      const jan4 = new Date(year, 0, 4);
      const monday = new Date(jan4);
      monday.setDate(jan4.getDate() - ((jan4.getDay() || 7) - 1) + (w - 1) * 7);
      monday.setDate(monday.getDate() + 10);
      return periodOf('week', monday);
    }
  }
}

/** An example key of the cadence, for the period field's hint. */
export const PERIOD_EXAMPLES: Record<Cadence, string> = {
  week: '2026-W23',
  month: '2026-06',
  quarter: '2026-Q2',
  year: '2026',
};

export const PERIOD_PATTERNS: Record<Cadence, RegExp> = {
  week: /^\d{4}-W\d{2}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};
