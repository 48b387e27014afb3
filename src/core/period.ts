/** Round periods (DESIGN §2): `2026-W23` (ISO week), `2026-06`, `2026-Q2`, `2026`. */

export const CADENCES = ['week', 'month', 'quarter', 'year'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_NAMES: Record<Cadence, string> = {
  week: '周',
  month: '月',
  quarter: '季度',
  year: '年',
};

const PATTERNS: Record<Cadence, RegExp> = {
  week: /^(\d{4})-W(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q(\d)$/,
  year: /^(\d{4})$/,
};

const EXAMPLES: Record<Cadence, string> = {
  week: '2026-W23',
  month: '2026-06',
  quarter: '2026-Q2',
  year: '2026',
};

/** ISO weeks in a year: 53 when 1 January is a Thursday, or a Wednesday in a leap year. */
function isoWeeks(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

export type PeriodCheck = { ok: true; year: number } | { ok: false; message: string };

/** Checks a period key against the contest's cadence. */
export function checkPeriod(cadence: Cadence, key: string): PeriodCheck {
  const m = PATTERNS[cadence].exec(key);
  const bad = {
    ok: false as const,
    message: `期次「${key}」不符合${CADENCE_NAMES[cadence]}度格式，应如 ${EXAMPLES[cadence]}`,
  };
  if (!m) return bad;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return bad;
  const n = m[2] === undefined ? 0 : Number(m[2]);
  if (cadence === 'week' && (n < 1 || n > isoWeeks(year))) return bad;
  if (cadence === 'month' && (n < 1 || n > 12)) return bad;
  if (cadence === 'quarter' && (n < 1 || n > 4)) return bad;
  return { ok: true, year };
}

/** The cadence a period key is written in. */
export function periodCadence(key: string): Cadence {
  if (key.length === 4) return 'year';
  if (key[5] === 'W') return 'week';
  if (key[5] === 'Q') return 'quarter';
  return 'month';
}

/** The months of a quarter: 2026-Q3 → 2026-07, 2026-08, 2026-09. */
export function monthsOfQuarter(key: string): string[] {
  const year = key.slice(0, 4);
  const q = Number(key.slice(6));
  return [1, 2, 3].map((m) => `${year}-${String((q - 1) * 3 + m).padStart(2, '0')}`);
}

/** The year a period belongs to (flags are tallied per year). */
export function periodYear(key: string): number {
  return Number(key.slice(0, 4));
}

/** 2026-06 → 2026年6月; 2026-W23 → 2026年第23周; 2026-Q2 → 2026年第二季度; 2026 → 2026年度. */
export function periodLabel(key: string): string {
  const [year, rest] = [key.slice(0, 4), key.slice(5)];
  if (!rest) return `${year}年度`;
  if (rest.startsWith('W')) return `${year}年第${Number(rest.slice(1))}周`;
  if (rest.startsWith('Q')) return `${year}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  return `${year}年${Number(rest)}月`;
}

/**
 * The month a period starts in (`YYYY-MM`): 2026-W23 → the month of its Monday, 2026-Q2 →
 * 2026-04, 2026 → 2026-01. Used to place rounds of every cadence on a person's month.
 */
export function periodFirstMonth(key: string): string {
  const year = Number(key.slice(0, 4));
  switch (periodCadence(key)) {
    case 'year':
      return `${year}-01`;
    case 'quarter':
      return monthsOfQuarter(key)[0]!;
    case 'month':
      return key;
    case 'week': {
      // ISO week 1 holds 4 January; its Monday starts the week.
      const jan4 = Date.UTC(year, 0, 4);
      const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
      const start = new Date(monday + (Number(key.slice(6)) - 1) * 7 * 86_400_000);
      return `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
    }
  }
}
